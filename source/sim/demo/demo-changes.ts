// The demo's incidents as changes to its configuration, repeated every cycle: the security-group
// rule revoked by a Terraform run and restored by hand, a web instance whose application resets
// most connections for two minutes, and a monitoring role's read-only calls. What the traffic
// shows follows from these changes by the model's rules, not from a script of records.
import type {JsonValue} from '../context.js';
import {changeGroupRules, changeHosts} from '../model/config-state.js';
import {type Change, everyPort} from '../model/spec.js';
import type {TrailCall} from '../model/trail.js';
import {incidentTemplates} from './demo-timeline.js';
import type {DemoTopology} from './demo-topology.js';

const terraformAgent =
	'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 ' +
	'(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.21.8 ' +
	'md/GOOS#linux md/GOARCH#amd64 api/ec2#1.152.0';
const cliAgent =
	'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/ec2.authorize-security-group-ingress';
const monitoringAgent = 'aws-sdk-go/1.50.8 (go1.21.6; linux; amd64)';

/** The web instance that resets most of its connections during the target-resets incident. */
export const burstTargetName = 'web-1b-2';

function offsetOf(kind: string, edge: 'from' | 'to'): number {
	const template = incidentTemplates.find((item) => item.kind === kind);
	if (template === undefined) throw new RangeError(`no demo incident ${kind}`);
	return template[edge];
}

function ipPermissions(topology: DemoTopology): JsonValue {
	const rule = topology.webClientRule;
	return {
		items: [
			{
				ipProtocol: rule.ipProtocol,
				fromPort: rule.fromPort ?? null,
				toPort: rule.toPort ?? null,
				groups: {},
				ipRanges: {
					items: [{cidrIp: rule.cidrIpv4 ?? '0.0.0.0/0', description: rule.description ?? ''}],
				},
				ipv6Ranges: {},
				prefixListIds: {},
			},
		],
	};
}

function securityGroupCall(topology: DemoTopology, revoke: boolean): TrailCall {
	const rule = topology.webClientRule;
	const groupId = topology.webSecurityGroupId;
	return {
		eventName: revoke ? 'RevokeSecurityGroupIngress' : 'AuthorizeSecurityGroupIngress',
		eventSource: 'ec2.amazonaws.com',
		actor: revoke
			? {type: 'AssumedRole', name: 'platform-deployer', sessionName: 'terraform-ci-4812'}
			: {type: 'IAMUser', name: 'maria.santos'},
		sourceIPAddress: revoke ? '192.0.2.7' : '192.0.2.18',
		userAgent: revoke ? terraformAgent : cliAgent,
		requestParameters: {groupId, ipPermissions: ipPermissions(topology)},
		responseElements: (requestId) =>
			revoke
				? {requestId, _return: true}
				: {
						requestId,
						_return: true,
						securityGroupRuleSet: {
							items: [
								{
									groupOwnerId: topology.world.accountId,
									groupId,
									securityGroupRuleId: topology.webClientRuleId,
									isEgress: false,
									ipProtocol: rule.ipProtocol,
									fromPort: rule.fromPort ?? null,
									toPort: rule.toPort ?? null,
									cidrIpv4: rule.cidrIpv4 ?? null,
									description: rule.description ?? null,
								},
							],
						},
					},
		readOnly: false,
		resources: [{resourceType: 'AWS::EC2::SecurityGroup', resourceName: groupId}],
	};
}

/** A monitoring role reads target health every quarter hour (read-only noise the UI can filter out). */
function monitoringCall(topology: DemoTopology): TrailCall {
	return {
		eventName: 'DescribeTargetHealth',
		eventSource: 'elasticloadbalancing.amazonaws.com',
		actor: {type: 'AssumedRole', name: 'observability-readonly', sessionName: 'grafana-cloudwatch'},
		sourceIPAddress: '192.0.2.25',
		userAgent: monitoringAgent,
		requestParameters: {targetGroupArn: topology.web.arn},
		readOnly: true,
		resources: [
			{resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup', resourceName: topology.web.arn},
		],
	};
}

export function demoChanges(topology: DemoTopology): Change[] {
	const groupId = topology.webSecurityGroupId;
	const rule = [topology.webClientRule];
	const burst =
		topology.web.targets.find((target) => target.name === burstTargetName)?.targetId ?? '';
	const same = (state: Parameters<Change['apply']>[0]) => state;
	return [
		{
			at: offsetOf('security-group-revoked', 'from'),
			apply: (state) => changeGroupRules(state, groupId, 'ingress', rule, false),
			trail: securityGroupCall(topology, true),
		},
		{
			at: offsetOf('security-group-revoked', 'to'),
			apply: (state) => changeGroupRules(state, groupId, 'ingress', rule, true),
			trail: securityGroupCall(topology, false),
		},
		{
			at: offsetOf('target-resets', 'from'),
			apply: (state) => changeHosts(state, [burst], () => ({...everyPort, resets: 0.9})),
		},
		{
			at: offsetOf('target-resets', 'to'),
			apply: (state) => changeHosts(state, [burst], () => everyPort),
		},
		{at: 2 * 60_000 + 41_000, apply: same, trail: monitoringCall(topology)},
		{at: 17 * 60_000 + 41_000, apply: same, trail: monitoringCall(topology)},
	];
}
