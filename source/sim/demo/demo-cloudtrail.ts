// CloudTrail events of the demo: the security-group change and its revert, plus the read-only
// calls a monitoring role makes now and then. Events show up in LookupEvents a few minutes late.
import type {JsonValue} from '../context.js';
import type {CloudTrailEvent} from '../world/types.js';
import {
	type CloudTrailActor,
	type CloudTrailInput,
	renderCloudTrailEvent,
} from './cloudtrail-record.js';
import {minuteMs} from './demo-connection.js';
import {cycleMs, type DemoTimeline, incidentsBetween} from './demo-timeline.js';
import type {DemoTopology} from './demo-topology.js';
import {createRandom, hashSeed, uuidFrom} from './prng.js';

export type PendingTrailEvent = {readonly visibleAt: number; readonly event: CloudTrailEvent};

const terraformAgent =
	'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 ' +
	'(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.21.8 ' +
	'md/GOOS#linux md/GOARCH#amd64 api/ec2#1.152.0';
const cliAgent =
	'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/ec2.authorize-security-group-ingress';
const monitoringAgent = 'aws-sdk-go/1.50.8 (go1.21.6; linux; amd64)';

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

type EventParts = {
	readonly time: number;
	readonly eventName: string;
	readonly eventSource: string;
	readonly actor: CloudTrailActor;
	readonly sourceIPAddress: string;
	readonly userAgent: string;
	readonly requestParameters: JsonValue;
	readonly responseElements: (requestId: string) => JsonValue;
	readonly readOnly: boolean;
	readonly resource: {readonly resourceType: string; readonly resourceName: string};
};

function pending(seed: number, topology: DemoTopology, parts: EventParts): PendingTrailEvent {
	const random = createRandom(hashSeed(seed, 'cloudtrail', parts.eventName, parts.time));
	const requestId = uuidFrom(random);
	const input: CloudTrailInput = {
		eventId: uuidFrom(random),
		requestId,
		eventTime: parts.time,
		eventName: parts.eventName,
		eventSource: parts.eventSource,
		region: topology.world.region,
		accountId: topology.world.accountId,
		actor: parts.actor,
		sourceIPAddress: parts.sourceIPAddress,
		userAgent: parts.userAgent,
		requestParameters: parts.requestParameters,
		responseElements: parts.responseElements(requestId),
		readOnly: parts.readOnly,
		resources: [parts.resource],
	};
	return {
		visibleAt: parts.time + 120_000 + random.int(0, 90_000),
		event: renderCloudTrailEvent(input),
	};
}

function securityGroupEvents(
	seed: number,
	topology: DemoTopology,
	timeline: DemoTimeline,
	from: number,
	to: number,
): PendingTrailEvent[] {
	const events: PendingTrailEvent[] = [];
	const resource = {
		resourceType: 'AWS::EC2::SecurityGroup',
		resourceName: topology.webSecurityGroupId,
	};
	const requestParameters = {
		groupId: topology.webSecurityGroupId,
		ipPermissions: ipPermissions(topology),
	};
	for (const incident of incidentsBetween(timeline.origin, from - cycleMs, to)) {
		if (incident.kind !== 'security-group-revoked') {
			continue;
		}
		if (incident.start >= from && incident.start < to) {
			events.push(
				pending(seed, topology, {
					time: incident.start,
					eventName: 'RevokeSecurityGroupIngress',
					eventSource: 'ec2.amazonaws.com',
					actor: {
						type: 'AssumedRole',
						name: 'platform-deployer',
						sessionName: `terraform-ci-${4800 + incident.cycle * 7}`,
					},
					sourceIPAddress: '192.0.2.7',
					userAgent: terraformAgent,
					requestParameters,
					responseElements: (requestId) => ({requestId, _return: true}),
					readOnly: false,
					resource,
				}),
			);
		}
		if (incident.end >= from && incident.end < to) {
			const rule = topology.webClientRule;
			events.push(
				pending(seed, topology, {
					time: incident.end,
					eventName: 'AuthorizeSecurityGroupIngress',
					eventSource: 'ec2.amazonaws.com',
					actor: {type: 'IAMUser', name: 'maria.santos'},
					sourceIPAddress: '192.0.2.18',
					userAgent: cliAgent,
					requestParameters,
					responseElements: (requestId) => ({
						requestId,
						_return: true,
						securityGroupRuleSet: {
							items: [
								{
									groupOwnerId: topology.world.accountId,
									groupId: topology.webSecurityGroupId,
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
					}),
					readOnly: false,
					resource,
				}),
			);
		}
	}
	return events;
}

/** A monitoring role reads target health every quarter hour (read-only noise the UI can filter out). */
function monitoringEvents(
	seed: number,
	topology: DemoTopology,
	from: number,
	to: number,
): PendingTrailEvent[] {
	const events: PendingTrailEvent[] = [];
	const period = 15 * minuteMs;
	const offset = 2 * minuteMs + 41_000;
	for (
		let time = Math.ceil((from - offset) / period) * period + offset;
		time < to;
		time += period
	) {
		events.push(
			pending(seed, topology, {
				time,
				eventName: 'DescribeTargetHealth',
				eventSource: 'elasticloadbalancing.amazonaws.com',
				actor: {
					type: 'AssumedRole',
					name: 'observability-readonly',
					sessionName: 'grafana-cloudwatch',
				},
				sourceIPAddress: '192.0.2.25',
				userAgent: monitoringAgent,
				requestParameters: {targetGroupArn: topology.web.arn},
				responseElements: () => null,
				readOnly: true,
				resource: {
					resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
					resourceName: topology.web.arn,
				},
			}),
		);
	}
	return events;
}

/** Events whose eventTime falls in [from, to). */
export function trailEventsBetween(
	seed: number,
	topology: DemoTopology,
	timeline: DemoTimeline,
	from: number,
	to: number,
): PendingTrailEvent[] {
	return [
		...securityGroupEvents(seed, topology, timeline, from, to),
		...monitoringEvents(seed, topology, from, to),
	];
}
