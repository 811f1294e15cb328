import {describe, expect, it} from 'vitest';
import {
	summarizeCloudTrailEvent,
	summarizeCloudTrailEvents,
} from '../../../source/domain/changes/summarize-event.js';
import {
	lookupEvent,
	repaired,
	securityGroupIngress,
	seedCreateRecord,
	seedDeleteRecord,
	seedLoadBalancerArn,
	seedLookupEvent,
} from './cloudtrail-fixtures.js';

const targetSg = 'sg-0f9e8d7c6b5a40321';

function summarize(...arguments_: Parameters<typeof summarizeCloudTrailEvent>) {
	const event = summarizeCloudTrailEvent(...arguments_);
	if (event === undefined) {
		throw new Error('event was skipped');
	}

	return event;
}

describe('the CloudTrail examples of seed 001', () => {
	it('summarizes Alice creating a load balancer', () => {
		const event = summarize(seedLookupEvent('CreateLoadBalancer', repaired(seedCreateRecord)));
		expect(event).toMatchObject({
			id: '6f4ab5bd-2daa-4d00-be14-d92efEXAMPLE',
			time: Date.UTC(2016, 3, 1, 15, 31, 48),
			source: 'elasticloadbalancing.amazonaws.com',
			name: 'CreateLoadBalancer',
			actor: {type: 'IAMUser', name: 'Alice'},
			sourceIp: '198.51.100.1',
			userAgent: 'aws-cli/1.10.10 Python/2.7.9 Windows/7 botocore/1.4.1',
			summary:
				'my-load-balancer (internet-facing application) in subnet-8360a9e7, subnet-b7d581c0; security groups sg-5943793c',
			readOnly: false,
		});
		expect(event.resources).toEqual(
			expect.arrayContaining([
				seedLoadBalancerArn,
				'sg-5943793c',
				'subnet-8360a9e7',
				'vpc-3ac0fb5f',
			]),
		);
		expect(event.errorCode).toBeUndefined();
		expect(event.detail).toContain('"userName": "Alice"');
	});

	it('summarizes Alice deleting it', () => {
		const event = summarize(seedLookupEvent('DeleteLoadBalancer', repaired(seedDeleteRecord)));
		expect(event.summary).toBe('loadbalancer/app/my-load-balancer/ffcddace1759e1d0 deleted');
		expect(event.actor).toEqual({type: 'IAMUser', name: 'Alice'});
		expect(event.resources).toEqual([seedLoadBalancerArn]);
	});

	it('falls back to the LookupEvents fields for the record as printed, which is not valid JSON', () => {
		const event = summarize(seedLookupEvent('CreateLoadBalancer', seedCreateRecord));
		expect(event).toMatchObject({
			id: '6f4ab5bd-2daa-4d00-be14-d92efEXAMPLE',
			name: 'CreateLoadBalancer',
			actor: {type: 'unknown', name: 'Alice'},
			summary: 'CloudTrail record unreadable; see the raw event',
			resources: [seedLoadBalancerArn],
			readOnly: false,
		});
		expect(event.sourceIp).toBeUndefined();
		expect(event.detail).toContain('"eventVersion: "1.03"');
	});
});

describe('security group changes', () => {
	it.each([
		{
			name: 'RevokeSecurityGroupIngress' as const,
			summary: `${targetSg} ingress revoked: tcp/80 from 203.0.113.0/24; tcp/8000-8080 from 2001:db8::/32, sg-0a1b2c3d4e5f60718`,
		},
		{
			name: 'AuthorizeSecurityGroupIngress' as const,
			summary: `${targetSg} ingress added: tcp/80 from 203.0.113.0/24; tcp/8000-8080 from 2001:db8::/32, sg-0a1b2c3d4e5f60718`,
		},
	])('summarizes $name by rule', ({name, summary}) => {
		const event = summarize(securityGroupIngress(name, targetSg));
		expect(event.summary).toBe(summary);
		expect(event.actor).toEqual({
			type: 'AssumedRole',
			name: 'OpsAdmin',
			session: 'alice@example.com',
		});
		expect(event.resources).toEqual(expect.arrayContaining([targetSg, 'sg-0a1b2c3d4e5f60718']));
	});

	it.each([
		{
			name: 'revocation by rule id',
			parameters: {
				groupId: targetSg,
				securityGroupRuleIds: {items: [{securityGroupRuleId: 'sgr-0123456789abcdef0'}]},
			},
			eventName: 'RevokeSecurityGroupIngress',
			summary: `${targetSg} ingress revoked: rule sgr-0123456789abcdef0`,
		},
		{
			name: 'the legacy single-rule form',
			parameters: {
				groupId: targetSg,
				ipProtocol: 'tcp',
				fromPort: 443,
				toPort: 443,
				cidrIp: '0.0.0.0/0',
			},
			eventName: 'AuthorizeSecurityGroupIngress',
			summary: `${targetSg} ingress added: tcp/443 from 0.0.0.0/0`,
		},
		{
			name: 'all traffic to anywhere',
			parameters: {
				groupId: targetSg,
				ipPermissions: {items: [{ipProtocol: '-1', ipRanges: {items: [{cidrIp: '0.0.0.0/0'}]}}]},
			},
			eventName: 'RevokeSecurityGroupEgress',
			summary: `${targetSg} egress revoked: all traffic to 0.0.0.0/0`,
		},
		{
			name: 'plain arrays instead of items wrappers',
			parameters: {
				groupId: targetSg,
				ipPermissions: [
					{ipProtocol: 'udp', fromPort: 53, toPort: 53, ipRanges: [{cidrIp: '10.0.0.0/16'}]},
				],
			},
			eventName: 'AuthorizeSecurityGroupIngress',
			summary: `${targetSg} ingress added: udp/53 from 10.0.0.0/16`,
		},
		{
			name: 'a console rule edit',
			parameters: {
				ModifySecurityGroupRulesRequest: {
					GroupId: targetSg,
					SecurityGroupRule: {
						tag: 1,
						SecurityGroupRuleId: 'sgr-0123456789abcdef0',
						SecurityGroupRule: {
							IpProtocol: 'tcp',
							FromPort: 80,
							ToPort: 80,
							CidrIpv4: '10.0.0.0/8',
						},
					},
				},
			},
			eventName: 'ModifySecurityGroupRules',
			summary: `${targetSg} rules modified: sgr-0123456789abcdef0 now tcp/80 10.0.0.0/8`,
		},
	])('summarizes $name', ({parameters, eventName, summary}) => {
		const event = summarize(lookupEvent({eventName, requestParameters: parameters}));
		expect(event.summary).toBe(summary);
		expect(event.resources).toContain(targetSg);
	});
});

describe('other path changes', () => {
	it.each([
		{
			name: 'a network ACL deny',
			eventName: 'CreateNetworkAclEntry',
			parameters: {
				networkAclId: 'acl-0a1b2c3d4e5f60001',
				ruleNumber: 90,
				egress: false,
				ruleAction: 'deny',
				aclProtocol: '6',
				portRange: {from: 80, to: 80},
				cidrBlock: '203.0.113.0/24',
			},
			summary: 'acl-0a1b2c3d4e5f60001 rule 90 ingress deny tcp/80 from 203.0.113.0/24 added',
		},
		{
			name: 'a network ACL rule removal',
			eventName: 'DeleteNetworkAclEntry',
			parameters: {networkAclId: 'acl-0a1b2c3d4e5f60001', ruleNumber: 100, egress: true},
			summary: 'acl-0a1b2c3d4e5f60001 rule 100 egress deleted',
		},
		{
			name: 'a subnet moved to another network ACL',
			eventName: 'ReplaceNetworkAclAssociation',
			parameters: {
				associationId: 'aclassoc-0a1b2c3d4e5f60001',
				networkAclId: 'acl-0a1b2c3d4e5f60002',
			},
			summary: 'aclassoc-0a1b2c3d4e5f60001 now uses acl-0a1b2c3d4e5f60002',
		},
		{
			name: 'target group attributes',
			eventName: 'ModifyTargetGroupAttributes',
			source: 'elasticloadbalancing.amazonaws.com',
			parameters: {
				targetGroupArn:
					'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067',
				attributes: [{key: 'preserve_client_ip.enabled', value: 'true'}],
			},
			summary: 'targetgroup/web-tg/73e2d6bc24d8a067: preserve_client_ip.enabled=true',
		},
		{
			name: 'deregistered targets',
			eventName: 'DeregisterTargets',
			source: 'elasticloadbalancing.amazonaws.com',
			parameters: {
				targetGroupArn:
					'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067',
				targets: [{id: 'i-0aaa1111bbbb22223', port: 80}, {id: '10.0.1.10'}],
			},
			summary:
				'targetgroup/web-tg/73e2d6bc24d8a067: deregistered i-0aaa1111bbbb22223:80, 10.0.1.10',
		},
		{
			name: 'a listener change',
			eventName: 'ModifyListener',
			source: 'elasticloadbalancing.amazonaws.com',
			parameters: {
				listenerArn:
					'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web-nlb/50dc6c495c0c9188/f2f7dc8efc522ab2',
				port: 443,
				protocol: 'TLS',
				defaultActions: [
					{
						type: 'forward',
						targetGroupArn:
							'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067',
					},
				],
			},
			summary:
				'listener/net/web-nlb/50dc6c495c0c9188/f2f7dc8efc522ab2: port 443 TLS -> targetgroup/web-tg/73e2d6bc24d8a067',
		},
		{
			name: 'the LB security groups replaced',
			eventName: 'SetSecurityGroups',
			source: 'elasticloadbalancing.amazonaws.com',
			parameters: {
				loadBalancerArn:
					'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web-nlb/50dc6c495c0c9188',
				securityGroups: [],
			},
			summary: 'loadbalancer/net/web-nlb/50dc6c495c0c9188 security groups now none',
		},
		{
			name: 'anything else, by its parameters',
			eventName: 'ModifyNetworkInterfaceAttribute',
			parameters: {
				networkInterfaceId: 'eni-0ccc0000000000003',
				groupSet: {items: [{groupId: 'sg-0123456789abcdef0'}]},
			},
			summary: 'networkInterfaceId=eni-0ccc0000000000003',
		},
	])('summarizes $name', ({eventName, source, parameters, summary}) => {
		const event = summarize(
			lookupEvent({
				eventName,
				requestParameters: parameters,
				...(source === undefined ? {} : {eventSource: source}),
			}),
		);
		expect(event.summary).toBe(summary);
	});

	it('marks a failed call and keeps its error', () => {
		const event = summarize(
			securityGroupIngress('RevokeSecurityGroupIngress', targetSg, {
				errorCode: 'Client.UnauthorizedOperation',
				errorMessage: 'You are not authorized to perform this operation.',
			}),
		);
		expect(event.errorCode).toBe('Client.UnauthorizedOperation');
		expect(event.summary).toMatch(
			/^FAILED Client\.UnauthorizedOperation \(You are not authorized to perform this operation\.\): sg-/,
		);
	});
});

describe('hostile and malformed events', () => {
	it('strips escape sequences from the user agent, summary and detail', () => {
		const hostileAgent = 'aws-cli/2.0\u001b]0;owned\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007 ok';
		const event = summarize(
			securityGroupIngress('RevokeSecurityGroupIngress', targetSg, {
				userAgent: hostileAgent,
				userIdentity: {
					type: 'IAMUser',
					userName: 'mallory\u001b[31m\u202e',
					arn: 'arn:aws:iam::123456789012:user/mallory',
				},
				requestParameters: {
					groupId: targetSg,
					ipPermissions: {
						items: [
							{
								ipProtocol: 'tcp',
								fromPort: 22,
								toPort: 22,
								ipRanges: {items: [{cidrIp: '0.0.0.0/0\u001b[8m'}]},
							},
						],
					},
				},
			}),
		);
		expect(event.userAgent).toBe('aws-cli/2.0 ok');
		expect(event.actor.name).toBe('mallory\uFFFD');
		expect(event.summary).toBe(`${targetSg} ingress revoked: tcp/22 from 0.0.0.0/0`);
		for (const text of [event.userAgent ?? '', event.actor.name, event.summary, event.detail]) {
			expect(text).not.toMatch(/\u001b/);
		}
	});

	it.each([
		{name: 'no id at all', raw: {EventName: 'RevokeSecurityGroupIngress', EventTime: new Date()}},
		{name: 'no time at all', raw: {EventId: 'x', EventName: 'RevokeSecurityGroupIngress'}},
		{
			name: 'an unreadable time',
			raw: {EventId: 'x', EventTime: 'yesterday', CloudTrailEvent: '{"eventTime": "soon"}'},
		},
	])('skips an event with $name', ({raw}) => {
		expect(summarizeCloudTrailEvent(raw)).toBeUndefined();
	});

	it.each([
		{name: 'epoch seconds', value: 1_736_948_220, expected: Date.UTC(2025, 0, 15, 13, 37)},
		{name: 'epoch milliseconds', value: 1_736_948_220_000, expected: Date.UTC(2025, 0, 15, 13, 37)},
		{name: 'ISO text', value: '2025-01-15T13:37:00Z', expected: Date.UTC(2025, 0, 15, 13, 37)},
		{
			name: 'a Date',
			value: new Date('2025-01-15T13:37:00Z'),
			expected: Date.UTC(2025, 0, 15, 13, 37),
		},
	])('reads the time from $name', ({value, expected}) => {
		expect(summarizeCloudTrailEvent({EventId: 'x', EventTime: value})?.time).toBe(expected);
	});

	it('reads the record when the LookupEvents fields are missing', () => {
		const {
			EventId: _id,
			EventName: _name,
			EventTime: _time,
			EventSource: _source,
			...recordOnly
		} = securityGroupIngress('RevokeSecurityGroupIngress', targetSg);
		const event = summarize(recordOnly);
		expect(event).toMatchObject({
			id: 'evt-RevokeSecurityGroupIngress',
			name: 'RevokeSecurityGroupIngress',
			source: 'ec2.amazonaws.com',
		});
	});

	it('counts skipped events, drops duplicates and sorts newest first', () => {
		const older = lookupEvent({
			eventName: 'CreateNetworkAclEntry',
			eventId: 'a',
			eventTime: '2025-01-15T13:30:00Z',
		});
		const newer = lookupEvent({
			eventName: 'DeleteNetworkAclEntry',
			eventId: 'b',
			eventTime: '2025-01-15T13:40:00Z',
		});
		const result = summarizeCloudTrailEvents([older, newer, older, {EventName: 'broken'}]);
		expect(result.events.map((event) => event.id)).toEqual(['b', 'a']);
		expect(result.malformed).toBe(1);
	});

	it('keeps read-only calls marked as such', () => {
		const event = summarize({
			...lookupEvent({eventName: 'DescribeSecurityGroups'}),
			ReadOnly: 'true',
		});
		expect(event.readOnly).toBe(true);
	});
});
