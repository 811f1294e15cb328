import {describe, expect, it} from 'vitest';
import {relevantToPath} from '../../../source/domain/changes/relevant-to-path.js';
import {summarizeCloudTrailEvent} from '../../../source/domain/changes/summarize-event.js';
import {ids, topology} from '../findings/snapshot-builder.js';
import {lookupEvent, securityGroupIngress} from './cloudtrail-fixtures.js';

const elb = 'elasticloadbalancing.amazonaws.com';
const otherLoadBalancer =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/other-nlb/0123456789abcdef';
const otherTargetGroup =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/other-tg/0123456789abcdef';
const ourRule =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/net/web-nlb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee';

type Case = {
	readonly name: string;
	readonly eventName: string;
	readonly source?: string;
	readonly parameters?: unknown;
	readonly response?: unknown;
	readonly relevant: boolean;
};

const cases: readonly Case[] = [
	{
		name: "a rule revoked on the targets' security group",
		eventName: 'RevokeSecurityGroupIngress',
		parameters: {groupId: ids.webSg},
		relevant: true,
	},
	{
		name: "a rule added to the LB's security group",
		eventName: 'AuthorizeSecurityGroupIngress',
		parameters: {groupId: ids.lbSg},
		relevant: true,
	},
	{
		name: 'a rule on a security group outside the path',
		eventName: 'AuthorizeSecurityGroupIngress',
		parameters: {groupId: ids.otherSg},
		relevant: false,
	},
	{
		name: "a security group swapped on a target's interface",
		eventName: 'ModifyNetworkInterfaceAttribute',
		parameters: {networkInterfaceId: ids.target1Eni, groupSet: {items: [{groupId: ids.otherSg}]}},
		relevant: true,
	},
	{
		name: "the LB's attributes",
		eventName: 'ModifyLoadBalancerAttributes',
		source: elb,
		parameters: {
			loadBalancerArn: ids.lbArn,
			attributes: [{key: 'load_balancing.cross_zone.enabled', value: 'false'}],
		},
		relevant: true,
	},
	{
		name: "another LB's attributes",
		eventName: 'ModifyLoadBalancerAttributes',
		source: elb,
		parameters: {loadBalancerArn: otherLoadBalancer, attributes: []},
		relevant: false,
	},
	{
		name: 'our listener',
		eventName: 'ModifyListener',
		source: elb,
		parameters: {listenerArn: ids.listenerArn, port: 443},
		relevant: true,
	},
	{
		name: 'a rule on our listener, named only by its rule ARN',
		eventName: 'ModifyRule',
		source: elb,
		parameters: {ruleArn: ourRule},
		relevant: true,
	},
	{
		name: 'a new listener on our LB',
		eventName: 'CreateListener',
		source: elb,
		parameters: {loadBalancerArn: ids.lbArn, port: 8443, protocol: 'TLS'},
		relevant: true,
	},
	{
		name: 'targets registered in our target group',
		eventName: 'RegisterTargets',
		source: elb,
		parameters: {targetGroupArn: ids.tgArn, targets: [{id: 'i-0eee5555ffff66667'}]},
		relevant: true,
	},
	{
		name: 'targets deregistered elsewhere',
		eventName: 'DeregisterTargets',
		source: elb,
		parameters: {targetGroupArn: otherTargetGroup, targets: [{id: 'i-0eee5555ffff66667'}]},
		relevant: false,
	},
	{
		name: 'our target group attributes',
		eventName: 'ModifyTargetGroupAttributes',
		source: elb,
		parameters: {
			targetGroupArn: ids.tgArn,
			attributes: [{key: 'preserve_client_ip.enabled', value: 'true'}],
		},
		relevant: true,
	},
	{
		name: 'another load balancer created',
		eventName: 'CreateLoadBalancer',
		source: elb,
		parameters: {name: 'other-nlb', type: 'network'},
		response: {loadBalancers: [{loadBalancerArn: otherLoadBalancer}]},
		relevant: false,
	},
	{
		name: 'a network ACL entry (the path\u2019s ACLs are not known)',
		eventName: 'CreateNetworkAclEntry',
		parameters: {networkAclId: 'acl-0a1b2c3d4e5f60009', ruleNumber: 90},
		relevant: true,
	},
	{
		name: 'a VPC-wide flow log deleted',
		eventName: 'DeleteFlowLogs',
		parameters: {DeleteFlowLogsRequest: {FlowLogId: {content: ids.flowLogId}}},
		relevant: true,
	},
	{
		name: 'a flow log created on the VPC',
		eventName: 'CreateFlowLogs',
		parameters: {CreateFlowLogsRequest: {ResourceId: {content: ids.vpc}}},
		relevant: true,
	},
	{
		name: 'a subnet created in the VPC',
		eventName: 'CreateSubnet',
		parameters: {vpcId: ids.vpc, cidrBlock: '10.0.9.0/24'},
		relevant: false,
	},
];

describe('relevantToPath', () => {
	it.each(cases)('$name: $relevant', ({eventName, source, parameters, response, relevant}) => {
		const event = summarizeCloudTrailEvent(
			lookupEvent({
				eventName,
				requestParameters: parameters,
				responseElements: response,
				...(source === undefined ? {} : {eventSource: source}),
			}),
		);
		expect(event).toBeDefined();
		if (event !== undefined) {
			expect(relevantToPath(event, topology())).toBe(relevant);
		}
	});

	it('matches network ACL changes by id once the path ACLs are known', () => {
		const event = summarizeCloudTrailEvent(
			lookupEvent({
				eventName: 'ReplaceNetworkAclEntry',
				requestParameters: {networkAclId: 'acl-0a1b2c3d4e5f60009'},
			}),
		);
		expect(event).toBeDefined();
		if (event !== undefined) {
			expect(relevantToPath(event, topology(), {networkAclIds: ['acl-0a1b2c3d4e5f60009']})).toBe(
				true,
			);
			expect(relevantToPath(event, topology(), {networkAclIds: ['acl-0a1b2c3d4e5f60001']})).toBe(
				false,
			);
		}
	});

	it('matches the security group revoked in the standard record shape', () => {
		const event = summarizeCloudTrailEvent(
			securityGroupIngress('RevokeSecurityGroupIngress', ids.webSg),
		);
		expect(event !== undefined && relevantToPath(event, topology())).toBe(true);
	});
});
