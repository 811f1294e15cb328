import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Finding, Snapshot} from '../../../source/domain/snapshot.js';
import {
	applicationErrorsSnapshot,
	blockedAtLbSnapshot,
	monitoringGapSnapshot,
	newSourceSnapshot,
	portAllocationSnapshot,
	resetSpikeSnapshot,
	scanSnapshot,
	targetSgRejectsSnapshot,
	unhealthyTargetSnapshot,
} from './scenarios.js';
import {
	alarm,
	buildSnapshot,
	connection,
	flows,
	healthyMetrics,
	healthySnapshot,
	ids,
	minute,
	now,
	series,
	spiking,
	steadyConnections,
	target1,
	target2,
	targetGroup,
	topology,
	withSeries,
} from './snapshot-builder.js';

const rulesOf = (findings: readonly Finding[]) => findings.map((finding) => finding.rule);

describe('evaluateFindings on a healthy load balancer', () => {
	it('finds nothing', () => {
		expect(evaluateFindings(healthySnapshot())).toEqual([]);
	});

	it('finds nothing before any source has reported', () => {
		const empty = buildSnapshot({});
		const {
			topology: _topology,
			flows: _flows,
			metrics: _metrics,
			changes: _changes,
			...bare
		} = empty;
		expect(evaluateFindings(bare)).toEqual([]);
	});
});

type Trigger = {
	readonly rule: string;
	readonly snapshot: () => Snapshot;
	readonly severity: Finding['severity'];
	readonly id: string;
	readonly title: readonly string[];
};

const triggers: readonly Trigger[] = [
	{
		rule: 'target-sg-rejects',
		snapshot: () => targetSgRejectsSnapshot({changes: false}),
		severity: 'critical',
		id: `target-sg-rejects:${ids.webSg}`,
		title: [
			'ACCEPT at LB, REJECT at',
			ids.target1,
			ids.target1Ip,
			ids.webSg,
			'203.0.113.7',
			'tcp/80',
		],
	},
	{
		rule: 'blocked-at-lb',
		snapshot: () => blockedAtLbSnapshot(),
		severity: 'critical',
		id: 'blocked-at-lb:tcp/80',
		title: ['tcp/80', '60 rejected flows', '192.0.2.50', ids.lbSg],
	},
	{
		rule: 'source-scan',
		snapshot: () => scanSnapshot(),
		severity: 'info',
		id: 'source-scan:198.51.100.23',
		title: ['Scan from 198.51.100.23', '14 ports', '21, 22, 23'],
	},
	{
		rule: 'new-source',
		snapshot: () => newSourceSnapshot(),
		severity: 'info',
		id: 'new-source:203.0.113.99',
		title: ['New source 203.0.113.99', '30 connections'],
	},
	{
		rule: 'unhealthy-targets',
		snapshot: unhealthyTargetSnapshot,
		severity: 'critical',
		id: `unhealthy-targets:${ids.tgArn}`,
		title: [
			'1 of 2 targets unhealthy in web-tg',
			'no healthy target in us-east-1a',
			'(Target.Timeout)',
			ids.target1,
		],
	},
	{
		rule: 'reset-spike',
		snapshot: () => resetSpikeSnapshot('TCP_Target_Reset_Count'),
		severity: 'warning',
		id: 'reset-spike:TCP_Target_Reset_Count',
		title: [
			'Targets resetting connections (the application)',
			ids.target1,
			'TCP_Target_Reset_Count 400 per 1m (usual 2)',
		],
	},
	{
		rule: 'app-latency',
		snapshot: () => applicationErrorsSnapshot({target5xx: 1}),
		severity: 'warning',
		id: 'app-latency:TargetResponseTime',
		title: [
			'TargetResponseTime 2.40 s (usual 120 ms)',
			'while flows are accepted: the application, not the network',
		],
	},
	{
		rule: 'app-errors',
		snapshot: () => applicationErrorsSnapshot({latency: 0.12}),
		severity: 'warning',
		id: 'app-errors:HTTPCode_Target_5XX_Count',
		title: ['Targets answer 5XX', 'HTTPCode_Target_5XX_Count 180 per 1m'],
	},
	{
		rule: 'port-allocation-errors',
		snapshot: () => portAllocationSnapshot(),
		severity: 'critical',
		id: 'port-allocation-errors:PortAllocationErrorCount',
		title: [
			'Port allocation errors: 74',
			'web-tg',
			`${ids.target1Ip}:80`,
			'client IP preservation off',
		],
	},
	{
		rule: 'monitoring-gap',
		snapshot: monitoringGapSnapshot,
		severity: 'info',
		id: `monitoring-gap:targets-without-flow-logs:${ids.target1Eni},${ids.target2Eni}`,
		title: ['Monitoring gap: The targets'],
	},
];

describe.each(triggers)('rule $rule', ({rule, snapshot, severity, id, title}) => {
	it('fires on its scenario with a concrete title', () => {
		const findings = evaluateFindings(snapshot()).filter((finding) => finding.rule === rule);
		expect(findings).toHaveLength(1);
		const [finding] = findings;
		expect(finding).toMatchObject({id, severity});
		for (const fragment of title) {
			expect(finding?.title).toContain(fragment);
		}

		expect(finding?.next.length).toBeGreaterThan(20);
		expect(finding?.evidence.length).toBeGreaterThan(0);
	});

	it('gives the same id on the next refresh', () => {
		const first = evaluateFindings(snapshot()).map((finding) => finding.id);
		const second = evaluateFindings(
			{...snapshot(), generatedAt: now + 10_000},
			{now: now + 10_000},
		).map((finding) => finding.id);
		expect(second).toEqual(first);
	});
});

type NearMiss = {readonly name: string; readonly rule: string; readonly snapshot: () => Snapshot};

const nearMisses: readonly NearMiss[] = [
	{
		name: 'two rejected connections at a target are late-packet noise',
		rule: 'target-sg-rejects',
		snapshot: () => targetSgRejectsSnapshot({count: 2}),
	},
	{
		name: 'REJECT at the target without an LB leg is not the LB signature',
		rule: 'target-sg-rejects',
		snapshot: () =>
			buildSnapshot({
				flows: flows(
					Array.from({length: 5}, (_, index) =>
						connection({
							clientPort: 50_000 + index,
							frontend: 'none',
							backend: 'none',
							atTarget: 'REJECT',
							kind: 'unpaired',
						}),
					),
				),
			}),
	},
	{
		name: 'four rejected flows at the LB',
		rule: 'blocked-at-lb',
		snapshot: () => blockedAtLbSnapshot(3),
	},
	{
		name: 'REJECTs at the LB on a port with no listener',
		rule: 'blocked-at-lb',
		snapshot: () =>
			buildSnapshot({
				flows: flows(steadyConnections(), {
					rejectedSources: [
						{addr: '192.0.2.50', ports: [22], flows: 40, packets: 40, bytes: 2400, where: 'lb'},
					],
					rejectedPorts: [{port: 22, flows: 40, packets: 40, bytes: 2400, where: 'lb'}],
				}),
			}),
	},
	{
		name: 'a new source with a small share',
		rule: 'new-source',
		snapshot: () => newSourceSnapshot(10),
	},
	{
		name: 'draining targets are not unhealthy',
		rule: 'unhealthy-targets',
		snapshot: () =>
			buildSnapshot({
				topology: topology({
					targetGroups: [
						targetGroup({targets: [target1({health: {state: 'draining'}}), target2()]}),
					],
				}),
			}),
	},
	{
		name: 'resets at twice the baseline',
		rule: 'reset-spike',
		snapshot: () => resetSpikeSnapshot('TCP_ELB_Reset_Count', 20, 40),
	},
	{
		name: 'a reset spike that ended 20 minutes ago',
		rule: 'reset-spike',
		snapshot: () =>
			buildSnapshot({
				metrics: {
					series: withSeries(
						healthyMetrics(),
						series('TCP_ELB_Reset_Count', spiking(2, 400), {lastAt: now - 20 * minute}),
					),
					alarms: [],
				},
			}),
	},
	{
		name: 'latency under a second',
		rule: 'app-latency',
		snapshot: () => applicationErrorsSnapshot({latency: 0.3, target5xx: 1}),
	},
	{
		name: 'a few 5XX',
		rule: 'app-errors',
		snapshot: () => applicationErrorsSnapshot({latency: 0.12, target5xx: 4}),
	},
	{
		name: 'port allocation errors all zero',
		rule: 'port-allocation-errors',
		snapshot: () => portAllocationSnapshot(0),
	},
];

describe.each(nearMisses)('near miss: $name', ({rule, snapshot}) => {
	it(`does not fire ${rule}`, () => {
		expect(rulesOf(evaluateFindings(snapshot()))).not.toContain(rule);
	});
});

describe('ordering', () => {
	it('puts critical first, then the newest', () => {
		const combined = buildSnapshot({
			topology: monitoringGapSnapshot().topology ?? topology(),
			flows: targetSgRejectsSnapshot().flows ?? flows([]),
			metrics: {
				series: withSeries(
					healthyMetrics(),
					series('TCP_Client_Reset_Count', spiking(2, 400)),
					series('PortAllocationErrorCount', spiking(0, 12)),
				),
				alarms: [],
			},
		});
		const findings = evaluateFindings(combined);
		expect(findings.map((finding) => `${finding.severity} ${finding.rule}`)).toEqual([
			'critical port-allocation-errors',
			'critical target-sg-rejects',
			'warning reset-spike',
			'info monitoring-gap',
		]);
	});

	it('orders findings of equal severity newest first', () => {
		const snapshot = buildSnapshot({
			metrics: {
				series: withSeries(
					healthyMetrics(),
					series('TCP_Client_Reset_Count', spiking(2, 400, 3)),
					series('TCP_Target_Reset_Count', spiking(2, 400, 2)),
				),
				alarms: [],
			},
		});
		const findings = evaluateFindings(snapshot);
		expect(findings.map((finding) => finding.id)).toEqual([
			'reset-spike:TCP_Target_Reset_Count',
			'reset-spike:TCP_Client_Reset_Count',
		]);
		expect(findings[0]?.since).toBeGreaterThan(findings[1]?.since ?? Number.POSITIVE_INFINITY);
	});
});

describe('alarms', () => {
	it('were last seen in ALARM when lbtop read them, however late the clock', () => {
		const base = healthySnapshot();
		const readAt = base.generatedAt - 90_000;
		const snapshot: Snapshot = {
			...base,
			metrics: {series: healthyMetrics(), alarms: [alarm({name: 'web-nlb-resets'})]},
			sources: {...base.sources, metrics: {status: 'stale', fetchedAt: readAt}},
		};
		const seen = (at: number) =>
			evaluateFindings({...snapshot, generatedAt: at}).find((entry) => entry.rule === 'alarm');
		expect(seen(base.generatedAt)?.lastSeen).toBe(readAt);
		expect(seen(base.generatedAt + 600_000)).toEqual(seen(base.generatedAt));
	});

	it('become evidence on the finding that reads their metric', () => {
		const base = unhealthyTargetSnapshot();
		const snapshot = {...base, metrics: {series: base.metrics?.series ?? [], alarms: [alarm()]}};
		const finding = evaluateFindings(snapshot).find((entry) => entry.rule === 'unhealthy-targets');
		expect(finding?.evidence).toContainEqual({kind: 'alarm', name: 'web-nlb-unhealthy-hosts'});
	});

	it.each([
		{name: 'an alarm in OK', entry: alarm({state: 'OK'})},
		{name: 'an alarm on another metric', entry: alarm({metricName: 'TCP_ELB_Reset_Count'})},
		{
			name: 'an alarm on another load balancer',
			entry: alarm({dimensions: {LoadBalancer: 'net/other/1'}}),
		},
		{
			name: 'an alarm on another target group',
			entry: alarm({dimensions: {TargetGroup: 'targetgroup/other/2'}}),
		},
	])('ignore $name', ({entry}) => {
		const base = unhealthyTargetSnapshot();
		const snapshot = {...base, metrics: {series: base.metrics?.series ?? [], alarms: [entry]}};
		const finding = evaluateFindings(snapshot).find(
			(candidate) => candidate.rule === 'unhealthy-targets',
		);
		expect(finding?.evidence.filter((evidence) => evidence.kind === 'alarm')).toEqual([]);
	});
});

describe('hostile and odd input', () => {
	it('strips escape sequences from names that reach a title', () => {
		const snapshot = unhealthyTargetSnapshot();
		const hostile = {
			...snapshot,
			topology: topology({
				targetGroups: [
					targetGroup({
						name: 'web\u001b]0;pwned\u0007-tg',
						targets: snapshot.topology?.targetGroups[0]?.targets ?? [],
					}),
				],
			}),
		};
		const finding = evaluateFindings(hostile).find((entry) => entry.rule === 'unhealthy-targets');
		expect(finding?.title).toContain('web-tg');
		expect(finding?.title).not.toMatch(/[\u0000-\u001f]/);
	});

	it('reports a rule that cannot read the data instead of dropping every finding', () => {
		const gap = monitoringGapSnapshot();
		const broken = {...gap, flows: {...flows([]), connections: [null]}} as unknown as Snapshot;
		const findings = evaluateFindings(broken);
		expect(rulesOf(findings)).toContain('monitoring-gap');
		expect(rulesOf(findings)).toContain('rule-error');
	});
});
