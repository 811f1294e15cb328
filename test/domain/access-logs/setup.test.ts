import {describe, expect, it} from 'vitest';
import {accessLogsSetup, bucketUnreadableGap} from '../../../source/domain/access-logs/setup.js';

const arn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/50dc6c495c0c9188';
const base = {account: '123456789012', region: 'us-east-1', arn};
const on = {
	'access_logs.s3.enabled': 'true',
	'access_logs.s3.bucket': 'shop-logs',
	'access_logs.s3.prefix': '/alb/',
};

describe('access log setup from DescribeLoadBalancerAttributes', () => {
	it('names the S3 folder of an ALB with access logs on', () => {
		const setup = accessLogsSetup({
			...base,
			type: 'application',
			attributes: on,
			listenerProtocols: ['HTTP'],
		});
		expect(setup).toEqual({
			access: {
				bucket: 'shop-logs',
				prefix: 'alb',
				location: 's3://shop-logs/alb/AWSLogs/123456789012/elasticloadbalancing/us-east-1/',
			},
			gaps: [],
		});
	});

	it('says access logs are off, which attributes to set and the command to run', () => {
		const setup = accessLogsSetup({
			...base,
			type: 'application',
			attributes: {'access_logs.s3.enabled': 'false'},
			listenerProtocols: ['HTTP'],
		});
		expect(setup.access).toBeUndefined();
		expect(setup.gaps).toHaveLength(1);
		const [gap] = setup.gaps;
		expect(gap?.kind).toBe('access-logs-off');
		expect(gap?.message).toMatch(
			/^Access logs are off: lbtop cannot tell which target answers 5XX/,
		);
		expect(gap?.attributes).toEqual([
			'access_logs.s3.enabled=true',
			'access_logs.s3.bucket=<bucket>',
			'access_logs.s3.prefix=<prefix>',
		]);
		expect(gap?.command).toBe(
			`aws elbv2 modify-load-balancer-attributes --region us-east-1 --load-balancer-arn ${arn} --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket> Key=access_logs.s3.prefix,Value=<prefix>`,
		);
	});

	it('treats "enabled" without a bucket as off', () => {
		const setup = accessLogsSetup({
			...base,
			type: 'application',
			attributes: {'access_logs.s3.enabled': 'true'},
			listenerProtocols: [],
		});
		expect(setup.gaps.map((gap) => gap.kind)).toEqual(['access-logs-off']);
	});

	it('says an NLB without TLS listeners has no access logs, even when they are enabled', () => {
		const setup = accessLogsSetup({
			...base,
			type: 'network',
			attributes: on,
			listenerProtocols: ['TCP', 'UDP'],
		});
		expect(setup.gaps).toEqual([
			expect.objectContaining({
				kind: 'nlb-without-tls-listener',
				message: expect.stringMatching(/^NLB access logs exist only for TLS listeners/),
			}),
		]);
	});

	it('reads an NLB with a TLS listener like an ALB', () => {
		const setup = accessLogsSetup({
			...base,
			type: 'network',
			attributes: {},
			listenerProtocols: ['tls'],
		});
		expect(setup.gaps.map((gap) => [gap.kind, gap.message.includes('TLS handshake')])).toEqual([
			['access-logs-off', true],
		]);
	});

	it('reads ALB connection logs, and asks for them only with HTTPS listeners', () => {
		const withConnections = {
			...on,
			'connection_logs.s3.enabled': 'true',
			'connection_logs.s3.bucket': 'shop-logs',
		};
		expect(
			accessLogsSetup({
				...base,
				type: 'application',
				attributes: withConnections,
				listenerProtocols: ['HTTPS'],
			}).connection?.location,
		).toBe('s3://shop-logs/AWSLogs/123456789012/elasticloadbalancing/us-east-1/');
		expect(
			accessLogsSetup({
				...base,
				type: 'application',
				attributes: on,
				listenerProtocols: ['HTTPS'],
			}).gaps.map((gap) => gap.kind),
		).toEqual(['connection-logs-off']);
	});

	it('says a Gateway Load Balancer has no access logs', () => {
		expect(
			accessLogsSetup({...base, type: 'gateway', attributes: on, listenerProtocols: []}).gaps[0]
				?.kind,
		).toBe('no-access-logs-for-type');
	});

	it('says which action was denied on an unreadable bucket', () => {
		const setup = accessLogsSetup({
			...base,
			type: 'application',
			attributes: on,
			listenerProtocols: [],
		});
		if (setup.access === undefined) {
			throw new Error('no destination');
		}

		expect(bucketUnreadableGap(setup.access, 's3:ListBucket').message).toContain(
			's3://shop-logs/alb/AWSLogs/123456789012/elasticloadbalancing/us-east-1/: s3:ListBucket was denied',
		);
	});
});
