import {describe, expect, it} from 'vitest';
import {isLoadBalancerName, parseLoadBalancerArn} from '../../source/domain/load-balancer-arn.js';

describe('parseLoadBalancerArn', () => {
	it('reads an NLB ARN into its parts and the metric dimension tail', () => {
		expect(
			parseLoadBalancerArn(
				'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188',
			),
		).toMatchObject({
			region: 'us-east-1',
			account: '123456789012',
			type: 'network',
			name: 'my-nlb',
			id: '50dc6c495c0c9188',
			resourceTail: 'net/my-nlb/50dc6c495c0c9188',
		});
	});

	it.each([
		['app', 'application'],
		['gwy', 'gateway'],
	])('knows the %s prefix', (prefix, type) => {
		expect(
			parseLoadBalancerArn(
				`arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/${prefix}/x/0123456789abcdef`,
			)?.type,
		).toBe(type);
	});

	it.each([
		'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/0123456789abcdef',
		'arn:aws:ec2:us-east-1:123456789012:loadbalancer/net/x/0123',
		'arn:aws:elasticloadbalancing:us-east-1:12345:loadbalancer/net/x/0123',
		'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/x',
	])('rejects %s', (arn) => {
		expect(parseLoadBalancerArn(arn)).toBeUndefined();
	});
});

describe('isLoadBalancerName', () => {
	it.each([
		['my-nlb', true],
		['a', true],
		['x'.repeat(32), true],
		['x'.repeat(33), false],
		['-leading', false],
		['trailing-', false],
		['under_score', false],
		['', false],
	])('%j -> %s', (name, valid) => {
		expect(isLoadBalancerName(name)).toBe(valid);
	});
});
