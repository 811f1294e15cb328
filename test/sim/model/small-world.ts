// A small hand-written world for the model's tests: one NLB in two zones, two instances, the
// targets' subnet behind its own ACL, a flow log on the VPC with tcp-flags and flow-direction.
import {loadScenarioModel, type ScenarioModel} from '../../../source/sim/scenario/index.js';
import {streamSlices} from '../../../source/sim/services/logs/stream-view.js';

export const now = Date.UTC(2025, 4, 1, 12, 0, 0);
export const minute = 60_000;

const format = [
	'version',
	'interface-id',
	'srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'tcp-flags',
	'flow-direction',
]
	.map((field) => `\${${field}}`)
	.join(' ');

export type Json = Record<string, unknown>;

export function smallWorld(change: (world: Json) => void = () => undefined): Json {
	const world: Json = {
		vpcs: [{vpcId: 'vpc-0a1', cidrBlock: '10.0.0.0/16'}],
		subnets: [
			{subnetId: 'subnet-0pa', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24'},
			{subnetId: 'subnet-0pb', availabilityZone: 'us-east-1b', cidrBlock: '10.0.1.0/24'},
			{subnetId: 'subnet-0aa', availabilityZone: 'us-east-1a', cidrBlock: '10.0.10.0/24'},
			{subnetId: 'subnet-0ab', availabilityZone: 'us-east-1b', cidrBlock: '10.0.11.0/24'},
		],
		securityGroups: [
			{
				groupId: 'sg-0app',
				groupName: 'app',
				ingress: [{port: 8080, cidrIpv4: '0.0.0.0/0'}],
				egress: [],
			},
		],
		networkAcls: [
			{
				networkAclId: 'acl-0app',
				subnetIds: ['subnet-0aa', 'subnet-0ab'],
				entries: [
					{ruleNumber: 100, ruleAction: 'allow', cidrBlock: '0.0.0.0/0'},
					{ruleNumber: 100, egress: true, ruleAction: 'allow', cidrBlock: '0.0.0.0/0'},
				],
			},
		],
		instances: [
			{
				instanceId: 'i-0a',
				subnetId: 'subnet-0aa',
				privateIpAddress: '10.0.10.5',
				networkInterfaceId: 'eni-0ta',
				securityGroupIds: ['sg-0app'],
			},
			{
				instanceId: 'i-0b',
				subnetId: 'subnet-0ab',
				privateIpAddress: '10.0.11.5',
				networkInterfaceId: 'eni-0tb',
				securityGroupIds: ['sg-0app'],
			},
		],
		targetGroups: [
			{
				name: 'app',
				port: 8080,
				healthCheck: {intervalSeconds: 10, healthyThresholdCount: 3, unhealthyThresholdCount: 2},
				targets: [{id: 'i-0a'}, {id: 'i-0b'}],
			},
		],
		loadBalancers: [
			{
				name: 'small-nlb',
				id: '00000000000000aa',
				availabilityZones: [
					{
						subnetId: 'subnet-0pa',
						networkInterface: {networkInterfaceId: 'eni-0la', privateIpAddress: '10.0.0.9'},
					},
					{
						subnetId: 'subnet-0pb',
						networkInterface: {networkInterfaceId: 'eni-0lb', privateIpAddress: '10.0.1.9'},
					},
				],
				listeners: [{port: 80, protocol: 'TCP', targetGroup: 'app'}],
			},
		],
		flowLogs: [
			{
				resourceId: 'vpc-0a1',
				logGroupName: '/flows',
				maxAggregationInterval: 60,
				logFormat: format,
			},
		],
		traffic: {
			start: '-30m',
			clients: [
				{name: 'clients', cidrs: ['198.51.100.0/24'], addresses: 50, connectionsPerMinute: 40},
			],
		},
	};
	change(world);
	return world;
}

export function load(world: Json, at = now): ScenarioModel {
	return loadScenarioModel(world, {now: at});
}

export type Record_ = {
	readonly eni: string;
	readonly src: string;
	readonly dst: string;
	readonly srcPort: number;
	readonly dstPort: number;
	readonly packets: number;
	readonly start: number;
	readonly end: number;
	readonly action: string;
	readonly flags: number;
	readonly direction: string;
	readonly timestamp: number;
	readonly ingestionTime: number;
};

/** Every record of the world's streams with a timestamp in [from, to], delivered by `at`. */
export function records(model: ScenarioModel, from: number, to: number, at = now): Record_[] {
	const found: Record_[] = [];
	for (const stream of model.world.logGroups.flatMap((group) => group.streams)) {
		for (const slice of streamSlices(stream, from, to, at)) {
			for (let index = slice.lowerBound(from); index < slice.upperBound(to); index++) {
				if (slice.ingestionTime(index) > at) continue;
				const [, eni, src, dst, srcPort, dstPort, packets, , start, end, action, flags, direction] =
					slice.message(index).split(' ');
				found.push({
					eni: eni ?? '',
					src: src ?? '',
					dst: dst ?? '',
					srcPort: Number(srcPort),
					dstPort: Number(dstPort),
					packets: Number(packets),
					start: Number(start),
					end: Number(end),
					action: action ?? '',
					flags: Number(flags),
					direction: direction ?? '',
					timestamp: slice.timestamp(index),
					ingestionTime: slice.ingestionTime(index),
				});
			}
		}
	}
	return found;
}
