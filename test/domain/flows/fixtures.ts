// A small NLB world in the shape discovery reports it: two AZs, one LB interface each, a TCP listener
// on 80 and a UDP listener on 53, and targets with their own interfaces.
import {defaultFlowFormat} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecords} from '../../../source/domain/flows/flow-records.js';
import type {Connection, FlowRecord} from '../../../source/domain/types/flows.js';
import type {TargetGroupInfo, Topology} from '../../../source/domain/types/topology.js';

export const lbA = {interfaceId: 'eni-0aaa000000000000a', ip: '10.0.1.10', zone: 'us-east-1a'};
export const lbB = {interfaceId: 'eni-0bbb000000000000b', ip: '10.0.2.10', zone: 'us-east-1b'};
export const webA = {interfaceId: 'eni-0ccc00000000000c1', ip: '10.0.1.20', port: 8080};
export const webB = {interfaceId: 'eni-0ccc00000000000c2', ip: '10.0.2.20', port: 8080};
export const dnsA = {interfaceId: 'eni-0ddd00000000000d1', ip: '10.0.1.30', port: 5353};

const webGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1';
const dnsGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/dns/2';

function webGroup(preserveClientIp: boolean): TargetGroupInfo {
	return {
		arn: webGroupArn,
		name: 'web',
		protocol: 'TCP',
		port: 8080,
		targetType: preserveClientIp ? 'instance' : 'ip',
		preserveClientIp,
		proxyProtocolV2: false,
		targets: [
			target('i-0web0000000000a', webA, 'us-east-1a'),
			target('i-0web0000000000b', webB, 'us-east-1b'),
		],
	};
}

function target(
	id: string,
	host: {interfaceId: string; ip: string; port: number},
	zone: string,
): TargetGroupInfo['targets'][number] {
	return {
		id,
		port: host.port,
		availabilityZone: zone,
		ip: host.ip,
		interfaceId: host.interfaceId,
		securityGroups: ['sg-0target'],
		health: {state: 'healthy'},
	};
}

export function nlbTopology(options: {preserveClientIp: boolean}): Topology {
	return {
		arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/demo/50dc6c495c0c9188',
		name: 'demo',
		type: 'network',
		scheme: 'internet-facing',
		vpcId: 'vpc-0demo',
		dnsName: 'demo-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
		state: 'active',
		metricDimension: 'net/demo/50dc6c495c0c9188',
		availabilityZones: [
			{
				zone: lbA.zone,
				subnetId: 'subnet-0a',
				interfaceId: lbA.interfaceId,
				privateIps: [lbA.ip],
				publicIps: ['203.0.113.10'],
			},
			{
				zone: lbB.zone,
				subnetId: 'subnet-0b',
				interfaceId: lbB.interfaceId,
				privateIps: [lbB.ip],
				publicIps: ['203.0.113.20'],
			},
		],
		securityGroups: [],
		securityGroupDetails: [],
		networkAcls: [],
		listeners: [
			{arn: 'listener/80', port: 80, protocol: 'TCP', targetGroupArns: [webGroupArn]},
			{arn: 'listener/53', port: 53, protocol: 'UDP', targetGroupArns: [dnsGroupArn]},
		],
		targetGroups: [
			webGroup(options.preserveClientIp),
			{
				arn: dnsGroupArn,
				name: 'dns',
				protocol: 'UDP',
				port: 5353,
				targetType: 'instance',
				// UDP target groups always preserve the client address.
				preserveClientIp: true,
				proxyProtocolV2: false,
				targets: [target('i-0dns0000000000a', dnsA, 'us-east-1a')],
			},
		],
		flowLogs: [],
		logGroups: ['/vpc/flow-logs'],
		gaps: [],
	};
}

export type LineSpec = {
	readonly eni: string;
	readonly src: string;
	readonly sport: number;
	readonly dst: string;
	readonly dport: number;
	readonly protocol?: number;
	readonly packets?: number;
	readonly bytes?: number;
	readonly start: number;
	readonly end?: number;
	readonly action?: 'ACCEPT' | 'REJECT';
};

/** One default-format (v2) record line, as the VPC user guide lays it out. */
export function line(spec: LineSpec): string {
	return [
		2,
		'123456789012',
		spec.eni,
		spec.src,
		spec.dst,
		spec.sport,
		spec.dport,
		spec.protocol ?? 6,
		spec.packets ?? 10,
		spec.bytes ?? 1000,
		spec.start,
		spec.end ?? spec.start + 60,
		spec.action ?? 'ACCEPT',
		'OK',
	].join(' ');
}

/** Both directions of one 5-tuple on one interface in one interval. */
export function exchange(spec: LineSpec & {readonly replyAction?: 'ACCEPT' | 'REJECT'}): string[] {
	return [
		line(spec),
		line({
			...spec,
			src: spec.dst,
			sport: spec.dport,
			dst: spec.src,
			dport: spec.sport,
			action: spec.replyAction ?? spec.action ?? 'ACCEPT',
		}),
	];
}

export function records(lines: readonly string[]): readonly FlowRecord[] {
	const parsed = parseFlowRecords(lines, defaultFlowFormat);
	if (parsed.malformed > 0) {
		throw new Error(`fixture lines did not parse: ${parsed.reasons.join('; ')}`);
	}

	return parsed.records;
}

export const t0 = 1_700_000_000;
export const client = '198.51.100.7';
export const otherClient = '203.0.113.99';

/** The single connection a scenario must produce. */
export function only(connections: readonly Connection[]): Connection {
	const [connection] = connections;
	if (connections.length !== 1 || connection === undefined) {
		throw new Error(`expected one connection, got ${connections.length}`);
	}

	return connection;
}
