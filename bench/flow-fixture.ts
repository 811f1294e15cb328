// Synthetic but realistic flow log records for the processing benchmark: an internet-facing NLB
// in two AZs with client IP preservation on, and for each connection the six records a VPC-wide
// flow log writes (frontend leg, backend leg and the target's own view, each in both directions).
// Some targets reject (a security group change) and one source scans, as in an incident.
import {defaultFlowFormat, renderLogFormat} from '../source/domain/flows/index.js';
import type {Topology} from '../source/domain/types/topology.js';

const account = '123456789012';
const lbArn = `arn:aws:elasticloadbalancing:us-east-1:${account}:loadbalancer/net/web-prod-nlb/50dc6c495c0c9188`;
const tgArn = `arn:aws:elasticloadbalancing:us-east-1:${account}:targetgroup/web-prod-tg/73e2d6bc24d8a067`;

type Zone = {
	readonly zone: string;
	readonly subnetId: string;
	readonly lbInterface: string;
	readonly lbAddr: string;
	readonly targets: readonly {
		readonly id: string;
		readonly interfaceId: string;
		readonly ip: string;
	}[];
};

const zones: readonly Zone[] = [
	{
		zone: 'us-east-1a',
		subnetId: 'subnet-0a1b2c3d4e5f60001',
		lbInterface: 'eni-0a1b2c3d4e5f60718',
		lbAddr: '10.0.1.10',
		targets: [
			{id: 'i-0a00000000000a001', interfaceId: 'eni-0aa0000000000a001', ip: '10.0.1.27'},
			{id: 'i-0a00000000000a002', interfaceId: 'eni-0aa0000000000a002', ip: '10.0.1.28'},
		],
	},
	{
		zone: 'us-east-1b',
		subnetId: 'subnet-0a1b2c3d4e5f60002',
		lbInterface: 'eni-0f9e8d7c6b5a49382',
		lbAddr: '10.0.2.10',
		targets: [
			{id: 'i-0b00000000000b001', interfaceId: 'eni-0bb0000000000b001', ip: '10.0.2.31'},
			{id: 'i-0b00000000000b002', interfaceId: 'eni-0bb0000000000b002', ip: '10.0.2.32'},
		],
	},
];

const listenerPort = 443;
const targetPort = 8443;

export const fixtureTopology: Topology = {
	arn: lbArn,
	name: 'web-prod-nlb',
	type: 'network',
	scheme: 'internet-facing',
	vpcId: 'vpc-0a1b2c3d4e5f67890',
	dnsName: 'web-prod-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
	state: 'active',
	metricDimension: 'net/web-prod-nlb/50dc6c495c0c9188',
	availabilityZones: zones.map((zone) => ({
		zone: zone.zone,
		subnetId: zone.subnetId,
		interfaceId: zone.lbInterface,
		privateIps: [zone.lbAddr],
		publicIps: [],
	})),
	securityGroups: [],
	securityGroupDetails: [{groupId: 'sg-0web0000000000001', groupName: 'web-prod-targets'}],
	networkAcls: [],
	listeners: [
		{
			arn: `${lbArn.replace(':loadbalancer/', ':listener/')}/f1e2d3c4b5a69788`,
			port: listenerPort,
			protocol: 'TCP',
			targetGroupArns: [tgArn],
		},
	],
	targetGroups: [
		{
			arn: tgArn,
			name: 'web-prod-tg',
			protocol: 'TCP',
			port: targetPort,
			targetType: 'instance',
			preserveClientIp: true,
			proxyProtocolV2: false,
			targets: zones.flatMap((zone) =>
				zone.targets.map((target) => ({
					id: target.id,
					port: targetPort,
					availabilityZone: zone.zone,
					ip: target.ip,
					interfaceId: target.interfaceId,
					securityGroups: ['sg-0web0000000000001'],
					subnetId: zone.subnetId,
					health: {state: 'healthy' as const},
				})),
			),
		},
	],
	flowLogs: [
		{
			flowLogId: 'fl-0vpc000000000001',
			resourceId: 'vpc-0a1b2c3d4e5f67890',
			destinationType: 'cloud-watch-logs',
			logGroupName: '/vpc/flow-logs/prod',
			logFormat: renderLogFormat(defaultFlowFormat),
			maxAggregationIntervalSeconds: 60,
			trafficType: 'ALL',
		},
	],
	logGroups: ['/vpc/flow-logs/prod'],
	gaps: [],
};

export const fixtureFormat = defaultFlowFormat;

/** A deterministic generator (mulberry32), so every run measures the same records. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export type FixtureEvent = {
	readonly message: string;
	readonly logStream: string;
	/** Unix ms, the record's start, as CloudWatch Logs stamps flow log events. */
	readonly timestamp: number;
};

type Leg = {
	readonly interfaceId: string;
	readonly src: string;
	readonly srcPort: number;
	readonly dst: string;
	readonly dstPort: number;
	readonly action: 'ACCEPT' | 'REJECT';
};

/**
 * At least `count` records' worth of connections, trimmed to exactly `count`, over the 15 minutes
 * before `endSeconds`.
 */
export function fixtureEvents(count: number, endSeconds: number, seed = 7): FixtureEvent[] {
	const next = random(seed);
	const pick = <T>(items: readonly T[]): T => {
		const item = items[Math.floor(next() * items.length)];
		if (item === undefined) {
			throw new Error('pick from an empty list');
		}

		return item;
	};

	const events: FixtureEvent[] = [];
	const clients = Array.from(
		{length: 400},
		() =>
			`${pick([198, 203, 100])}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${1 + Math.floor(next() * 254)}`,
	);
	const scanner = '185.220.101.34';
	const push = (leg: Leg, start: number, packets: number, bytes: number) => {
		const end = start + 1 + Math.floor(next() * 59);
		const message = [
			2,
			account,
			leg.interfaceId,
			leg.src,
			leg.dst,
			leg.srcPort,
			leg.dstPort,
			6,
			packets,
			bytes,
			start,
			end,
			leg.action,
			'OK',
		].join(' ');
		events.push({message, logStream: `${leg.interfaceId}-all`, timestamp: start * 1000});
	};

	while (events.length < count) {
		const zone = pick(zones);
		const start = endSeconds - 900 + Math.floor(next() * 840);
		if (next() < 0.04) {
			// The scanner probes ports the listener does not serve: one REJECT at the LB each.
			push(
				{
					interfaceId: zone.lbInterface,
					src: scanner,
					srcPort: 40_000 + Math.floor(next() * 20_000),
					dst: zone.lbAddr,
					dstPort: 1 + Math.floor(next() * 1024),
					action: 'REJECT',
				},
				start,
				1,
				44,
			);
			continue;
		}

		const client = pick(clients);
		const clientPort = 1024 + Math.floor(next() * 64_000);
		const target = pick(zone.targets);
		// A security group change on one target: its interface rejects what the LB forwards.
		const rejected = target.id === 'i-0b00000000000b002' && next() < 0.5;
		const requestPackets = 4 + Math.floor(next() * 40);
		const requestBytes = requestPackets * (60 + Math.floor(next() * 900));
		const replyPackets = rejected ? 0 : 3 + Math.floor(next() * 60);
		const replyBytes = replyPackets * (60 + Math.floor(next() * 1400));
		const frontend = {interfaceId: zone.lbInterface, dst: zone.lbAddr, dstPort: listenerPort};
		push(
			{...frontend, src: client, srcPort: clientPort, action: 'ACCEPT'},
			start,
			requestPackets,
			requestBytes,
		);
		if (!rejected) {
			push(
				{
					interfaceId: zone.lbInterface,
					src: zone.lbAddr,
					srcPort: listenerPort,
					dst: client,
					dstPort: clientPort,
					action: 'ACCEPT',
				},
				start,
				replyPackets,
				replyBytes,
			);
		}

		const backend = {src: client, srcPort: clientPort, dst: target.ip, dstPort: targetPort};
		push(
			{...backend, interfaceId: zone.lbInterface, action: 'ACCEPT'},
			start,
			requestPackets,
			requestBytes,
		);
		push(
			{...backend, interfaceId: target.interfaceId, action: rejected ? 'REJECT' : 'ACCEPT'},
			start,
			requestPackets,
			requestBytes,
		);
		if (!rejected) {
			const reply = {src: target.ip, srcPort: targetPort, dst: client, dstPort: clientPort};
			push(
				{...reply, interfaceId: zone.lbInterface, action: 'ACCEPT'},
				start,
				replyPackets,
				replyBytes,
			);
			push(
				{...reply, interfaceId: target.interfaceId, action: 'ACCEPT'},
				start,
				replyPackets,
				replyBytes,
			);
		}
	}

	return events.slice(0, count);
}

/** The events as a GetQueryResults response carries them (`fields @timestamp, @message, ...`). */
export function queryResultsPayload(events: readonly FixtureEvent[]): string {
	const results = events.map((event, index) => [
		{field: '@timestamp', value: insightsTime(event.timestamp)},
		{field: '@message', value: event.message},
		{field: '@logStream', value: event.logStream},
		{field: '@ptr', value: `CnQKOwo3${index.toString(36).padStart(8, '0')}EAASGhgCIAAAAAA`},
	]);
	const bytes = events.reduce((total, event) => total + event.message.length, 0);
	return JSON.stringify({
		results,
		statistics: {recordsMatched: events.length, recordsScanned: events.length, bytesScanned: bytes},
		status: 'Complete',
	});
}

/** Insights writes times as `2025-03-14 13:42:10.000` (UTC). */
function insightsTime(ms: number): string {
	return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** FilterLogEvents answers at most 1 MB of events a page, each counted as its message's bytes + 26. */
const pageLimitBytes = 1_048_576;
const eventOverheadBytes = 26;

/**
 * The events as FilterLogEvents answers them, in pages of at most 1 MB by the API's own count: the
 * shape lbtop reads the unsettled stretch and the fresh edge in (ids as CloudWatch Logs writes
 * them, 56 digits; every page but the last with a token for the next).
 */
export function filterEventsPages(events: readonly FixtureEvent[]): string[] {
	const pages: string[] = [];
	let page: object[] = [];
	let size = 0;
	const flush = (last: boolean) => {
		pages.push(
			JSON.stringify({
				events: page,
				searchedLogStreams: [],
				...(last ? {} : {nextToken: `Bxkq6kVGFtq2y_Mo${pages.length}`}),
			}),
		);
		page = [];
		size = 0;
	};
	for (const [index, event] of events.entries()) {
		const bytes = Buffer.byteLength(event.message) + eventOverheadBytes;
		if (size + bytes > pageLimitBytes) {
			flush(false);
		}
		size += bytes;
		page.push({
			logStreamName: event.logStream,
			timestamp: event.timestamp,
			message: event.message,
			ingestionTime: event.timestamp + 95_000,
			eventId: `${String(event.timestamp).padStart(20, '0')}${String(index).padStart(36, '0')}`,
		});
	}
	flush(true);
	return pages;
}
