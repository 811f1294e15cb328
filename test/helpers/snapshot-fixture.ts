// A realistic Snapshot of an incident in progress, for tests that draw or print one: an internet-
// facing NLB in two AZs whose targets started rejecting clients after a security group change.
import {
	type Connection,
	type FlowLeg,
	type Snapshot,
	type SourceState,
	snapshotSchemaVersion,
} from '../../source/domain/snapshot.js';

/** 2025-03-14 13:42:10 UTC: the moment the fixture was "taken". */
export const fixtureNow = Date.UTC(2025, 2, 14, 13, 42, 10);
const seconds = (ms: number): number => Math.floor(ms / 1000);
const minutes = 60_000;

const lbArn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web-prod-nlb/50dc6c495c0c9188';
const targetGroupArn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-prod-tg/73e2d6bc24d8a067';

function leg(overrides: Partial<FlowLeg> & Pick<FlowLeg, 'role' | 'srcAddr' | 'dstAddr'>): FlowLeg {
	return {
		interfaceId: 'eni-0a1b2c3d4e5f60718',
		availabilityZone: 'us-east-1a',
		protocol: 6,
		srcPort: 51_234,
		dstPort: 443,
		action: 'ACCEPT',
		packets: 42,
		bytes: 18_240,
		start: seconds(fixtureNow - 6 * minutes),
		end: seconds(fixtureNow - 5 * minutes),
		...overrides,
	};
}

const connections: readonly Connection[] = [
	{
		id: 'c-203.0.113.45:51234',
		kind: 'exact',
		clientAddr: '203.0.113.45',
		clientPort: 51_234,
		listenerPort: 443,
		targetAddr: '10.0.1.27',
		targetPort: 8443,
		protocol: 6,
		frontend: leg({role: 'frontend', srcAddr: '203.0.113.45', dstAddr: '10.0.1.10'}),
		backend: leg({role: 'backend', srcAddr: '203.0.113.45', dstAddr: '10.0.1.27', dstPort: 8443}),
		packets: 84,
		bytes: 36_480,
		start: seconds(fixtureNow - 6 * minutes),
		end: seconds(fixtureNow - 5 * minutes),
	},
	{
		id: 'c-198.51.100.7:40022',
		kind: 'unpaired',
		clientAddr: '198.51.100.7',
		clientPort: 40_022,
		listenerPort: 443,
		protocol: 6,
		frontend: leg({
			role: 'frontend',
			srcAddr: '198.51.100.7',
			srcPort: 40_022,
			dstAddr: '10.0.2.10',
			availabilityZone: 'us-east-1b',
			interfaceId: 'eni-0f9e8d7c6b5a49382',
		}),
		packets: 3,
		bytes: 180,
		start: seconds(fixtureNow - 5 * minutes),
		end: seconds(fixtureNow - 4 * minutes),
	},
];

// The default (version 2) flow log format, as DescribeFlowLogs reports it.
const defaultFlowLogFormat = [
	'version',
	'account-id',
	'interface-id',
	'srcaddr',
	'dstaddr',
	'srcport',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'action',
	'log-status',
]
	.map((field) => `\${${field}}`)
	.join(' ');

const ok = (dataThroughAgoMs: number): SourceState => ({
	status: 'ok',
	fetchedAt: fixtureNow - 5000,
	dataThrough: fixtureNow - dataThroughAgoMs,
});

const baseSnapshot: Snapshot = {
	schemaVersion: snapshotSchemaVersion,
	generatedAt: fixtureNow,
	region: 'us-east-1',
	target: 'web-prod-nlb',
	identity: {account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/OnCall/alice'},
	window: {start: fixtureNow - 15 * minutes, end: fixtureNow},
	paused: false,
	sources: {
		identity: {status: 'ok', fetchedAt: fixtureNow - 60_000},
		discovery: {status: 'ok', fetchedAt: fixtureNow - 60_000},
		flows: ok(4 * minutes + 50_000),
		metrics: ok(60_000),
		changes: ok(3 * minutes),
	},
	topology: {
		arn: lbArn,
		name: 'web-prod-nlb',
		type: 'network',
		scheme: 'internet-facing',
		vpcId: 'vpc-0123456789abcdef0',
		dnsName: 'web-prod-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
		state: 'active',
		metricDimension: 'net/web-prod-nlb/50dc6c495c0c9188',
		availabilityZones: [
			{
				zone: 'us-east-1a',
				subnetId: 'subnet-0aa11bb22cc33dd44',
				interfaceId: 'eni-0a1b2c3d4e5f60718',
				privateIps: ['10.0.1.10'],
				publicIps: ['54.210.17.3'],
			},
			{
				zone: 'us-east-1b',
				subnetId: 'subnet-0ee55ff66aa77bb88',
				interfaceId: 'eni-0f9e8d7c6b5a49382',
				privateIps: ['10.0.2.10'],
				publicIps: ['3.224.81.90'],
			},
		],
		securityGroups: ['sg-0a1f3c5e7b9d2f4a6'],
		securityGroupDetails: [
			{groupId: 'sg-0a1f3c5e7b9d2f4a6', groupName: 'web-prod-nlb-front'},
			{groupId: 'sg-0c4e6a8b2d1f3e5a7', groupName: 'web-prod-targets'},
		],
		networkAcls: [
			{
				networkAclId: 'acl-0b3d5f7a9c1e2b4d6',
				subnetIds: ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88'],
			},
		],
		listeners: [
			{
				arn: `${lbArn.replace(':loadbalancer/', ':listener/')}/1a2b3c4d5e6f7a8b`,
				port: 443,
				protocol: 'TCP',
				targetGroupArns: [targetGroupArn],
			},
		],
		targetGroups: [
			{
				arn: targetGroupArn,
				name: 'web-prod-tg',
				protocol: 'TCP',
				port: 8443,
				targetType: 'instance',
				preserveClientIp: true,
				proxyProtocolV2: false,
				targets: [
					{
						id: 'i-0abc1234def567890',
						port: 8443,
						availabilityZone: 'us-east-1a',
						ip: '10.0.1.27',
						interfaceId: 'eni-0c1d2e3f4a5b6c7d8',
						securityGroups: ['sg-0c4e6a8b2d1f3e5a7'],
						health: {state: 'healthy'},
					},
					{
						id: 'i-0def5678abc123456',
						port: 8443,
						availabilityZone: 'us-east-1b',
						ip: '10.0.2.31',
						interfaceId: 'eni-0d2e3f4a5b6c7d8e9',
						securityGroups: ['sg-0c4e6a8b2d1f3e5a7'],
						health: {
							state: 'unhealthy',
							reason: 'Target.FailedHealthChecks',
							description: 'Health checks failed',
						},
					},
				],
			},
		],
		flowLogs: [
			{
				flowLogId: 'fl-0123456789abcdef0',
				resourceId: 'vpc-0123456789abcdef0',
				destinationType: 'cloud-watch-logs',
				logGroupName: '/vpc/flow-logs/prod',
				logFormat: defaultFlowLogFormat,
				maxAggregationIntervalSeconds: 60,
				trafficType: 'ALL',
			},
		],
		logGroups: ['/vpc/flow-logs/prod'],
		gaps: [],
	},
	flows: {
		connections,
		sampled: false,
		recordsRead: 1_284,
		recordsMatched: 1_284,
		malformedRecords: 0,
		aggregates: {
			accepted: {flows: 1_190, packets: 48_200, bytes: 31_400_000},
			rejected: {flows: 94, packets: 212, bytes: 12_720},
			acceptedSources: [
				{addr: '203.0.113.45', ports: [443], flows: 610, packets: 24_100, bytes: 16_200_000},
				{addr: '192.0.2.18', ports: [443], flows: 580, packets: 24_100, bytes: 15_200_000},
			],
			rejectedSources: [
				{
					addr: '198.51.100.7',
					ports: [8443],
					flows: 90,
					packets: 200,
					bytes: 12_000,
					where: 'target',
				},
				{addr: '45.155.205.3', ports: [22, 3389], flows: 4, packets: 12, bytes: 720, where: 'lb'},
			],
			acceptedPorts: [{port: 443, flows: 1_190, packets: 48_200, bytes: 31_400_000}],
			rejectedPorts: [{port: 8443, flows: 90, packets: 200, bytes: 12_000, where: 'target'}],
			interfaces: [
				{
					interfaceId: 'eni-0a1b2c3d4e5f60718',
					availabilityZone: 'us-east-1a',
					action: 'ACCEPT',
					flows: 700,
					packets: 28_000,
					bytes: 18_000_000,
				},
			],
			timeline: [
				{
					start: seconds(fixtureNow - 10 * minutes),
					accepted: 400,
					rejected: 2,
					bytes: 10_000_000,
					precision: 'exact',
				},
				{
					start: seconds(fixtureNow - 5 * minutes),
					accepted: 390,
					rejected: 92,
					bytes: 9_800_000,
					precision: 'provisional',
				},
			],
			bucketSeconds: 300,
			precision: 'provisional',
		},
		dataThrough: fixtureNow - 4 * minutes - 50_000,
		aggregationSeconds: 60,
	},
	metrics: {
		series: [
			{
				id: 'm_healthy_hosts',
				namespace: 'AWS/NetworkELB',
				metricName: 'HealthyHostCount',
				stat: 'Minimum',
				periodSeconds: 60,
				unit: 'count',
				label: 'healthy hosts',
				dimensions: {LoadBalancer: 'net/web-prod-nlb/50dc6c495c0c9188'},
				points: [
					{t: fixtureNow - 3 * minutes, v: 2},
					{t: fixtureNow - 2 * minutes, v: 1},
				],
			},
		],
		alarms: [
			{
				name: 'web-prod-nlb-unhealthy-hosts',
				state: 'ALARM',
				reason: 'Threshold Crossed: 1 datapoint [1.0] was less than the threshold (2.0).',
				since: fixtureNow - 2 * minutes,
				metricName: 'HealthyHostCount',
				namespace: 'AWS/NetworkELB',
				dimensions: {LoadBalancer: 'net/web-prod-nlb/50dc6c495c0c9188'},
			},
		],
		dataThrough: fixtureNow - 60_000,
	},
	changes: {
		events: [
			{
				id: 'ev-7f3a9c1e',
				time: fixtureNow - 7 * minutes,
				source: 'ec2.amazonaws.com',
				name: 'RevokeSecurityGroupIngress',
				actor: {type: 'AssumedRole', name: 'deploy-bot', session: 'pipeline-4821'},
				sourceIp: '10.20.0.5',
				summary: 'sg-0c4e6a8b2d1f3e5a7: revoked tcp 8443 from 0.0.0.0/0',
				resources: ['sg-0c4e6a8b2d1f3e5a7'],
				readOnly: false,
				detail: '{"groupId": "sg-0c4e6a8b2d1f3e5a7"}',
			},
		],
		dataThrough: fixtureNow - 3 * minutes,
	},
	findings: [
		{
			id: 'f-target-sg-rejects',
			rule: 'target-sg-rejects-clients',
			severity: 'critical',
			confidence: 'high',
			title:
				'Target security group rejects client IPs: ACCEPT at LB, REJECT at target i-0def5678abc123456',
			since: fixtureNow - 6 * minutes,
			evidence: [
				{kind: 'rejected-source', addr: '198.51.100.7'},
				{kind: 'change', id: 'ev-7f3a9c1e'},
			],
			next: 'Restore tcp 8443 from the client range on sg-0c4e6a8b2d1f3e5a7',
			relatedChangeId: 'ev-7f3a9c1e',
		},
	],
	cost: {queries: 6, bytesScanned: 240_000_000, usdPerGb: 0.005, usd: 0.0012},
};

export function fixtureSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
	return {...baseSnapshot, ...overrides};
}

/** A store the tests drive by hand, shaped like the engine's SnapshotStore. */
export type FixtureStore = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): Snapshot;
	set(snapshot: Snapshot): void;
};

export function fixtureStore(initial: Snapshot = fixtureSnapshot()): FixtureStore {
	let current = initial;
	const listeners = new Set<() => void>();
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		getSnapshot: () => current,
		set(snapshot) {
			current = snapshot;
			for (const listener of [...listeners]) {
				listener();
			}
		},
	};
}
