// Findings follow the incident in time: when the evidence began (never clipped to a window: when
// lbtop only knows the window it says "by"), when it was last seen, and when it stopped.
import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Finding, Snapshot} from '../../../source/domain/snapshot.js';
import {alarm, change, flows, healthyMetrics, ids, minute, now} from './snapshot-builder.js';
import {flow, permission, syn, world} from './worlds.js';

const vpcOnly = {webIngress: [permission(80, ['10.0.0.0/16'])]};

const rejectedAt = (at: number, index: number) =>
	flow({
		client: `203.0.113.${index + 1}`,
		clientPort: 51_000 + index,
		at,
		target: {forward: {action: 'REJECT', flags: syn}},
	});

const acceptedAt = (at: number, index: number) =>
	flow({client: `10.0.9.${index + 1}`, clientPort: 41_000 + index, at});

function targetFinding(snapshot: Snapshot): Finding | undefined {
	return evaluateFindings(snapshot).find((finding) => finding.rule === 'target-sg-rejects');
}

describe('when the REJECTs stop', () => {
	const rejects = [0, 1, 2].map((index) => rejectedAt(now - (13 - index) * minute, index));

	it('stays critical with its last-seen time while nothing clear came after', () => {
		const finding = targetFinding(
			world({rules: vpcOnly, connections: [acceptedAt(now - 14 * minute, 0), ...rejects]}),
		);
		expect(finding?.severity).toBe('critical');
		expect(finding?.lastSeen).toBe((Math.floor((now - 11 * minute) / 1000) + 30) * 1000);
		expect(finding?.resolvedAt).toBeUndefined();
	});

	it('is resolved, as info, once the target has carried connections for a while since', () => {
		const after = [0, 1, 2, 3].map((index) => acceptedAt(now - (5 - index) * minute, index));
		const finding = targetFinding(world({rules: vpcOnly, connections: [...rejects, ...after]}));
		expect(finding?.severity).toBe('info');
		expect(finding?.resolvedAt).toBe(finding?.lastSeen);
		expect(finding?.next).toMatch(
			/^Resolved at 13:34:30 UTC: no new evidence since\. Earlier advice: /,
		);
	});

	it('is not resolved by one connection right after the last REJECT', () => {
		const finding = targetFinding(
			world({rules: vpcOnly, connections: [...rejects, acceptedAt(now - 10 * minute, 5)]}),
		);
		expect(finding?.severity).toBe('critical');
	});

	it('is resolved at once when the rules read since allow the traffic and connections pass again', () => {
		const open = {webIngress: [permission(80, ['0.0.0.0/0'])]};
		const snapshot = world({
			rules: open,
			connections: [...rejects, acceptedAt(now - 10 * minute, 5)],
		});
		const finding = targetFinding(snapshot);
		expect(finding?.severity).toBe('info');
		expect(finding?.next).toContain('allow this traffic now');
	});
});

describe('when it began', () => {
	const incident = [0, 1, 2, 3].map((index) => rejectedAt(now - (9 - index) * minute, index));
	const revoke = change({time: now - 10 * minute});
	/** Steady traffic from inside the VPC, which web-sg allows, every minute of the hour. */
	const background = Array.from({length: 60}, (_, index) =>
		acceptedAt(now - (60 - index) * minute, index),
	);

	function inWindow(minutes: number): Snapshot {
		const start = now - minutes * minute;
		const visible = [...background, ...incident].filter(
			(connection) => connection.start * 1000 >= start,
		);
		const snapshot = world({rules: vpcOnly, connections: visible});
		return {...snapshot, window: {start, end: now}, changes: {events: [revoke]}};
	}

	it('with the whole incident in the window: the start, and the change right before it', () => {
		const finding = targetFinding(inWindow(15));
		expect(finding?.since).toBe(incident[0] && incident[0].start * 1000);
		expect(finding?.sinceBefore).toBeUndefined();
		expect(finding?.title).toContain('; began 1m after RevokeSecurityGroupIngress by ops-admin');
	});

	it('with a window that cuts it: "began by" the window, never a made-up lag', () => {
		const finding = targetFinding(inWindow(7));
		expect(finding?.sinceBefore).toBe(true);
		expect(finding?.title).toContain(
			'; began by 13:38:00 UTC; likely RevokeSecurityGroupIngress by ops-admin at 13:35:00 UTC',
		);
		expect(finding?.title).not.toMatch(/\dm after/);
	});

	it('keeps the start an earlier refresh saw after the window slid past it', () => {
		const first = targetFinding(inWindow(15));
		const history = new Map([[first?.id ?? '', {since: first?.since ?? 0, sinceBefore: false}]]);
		const later = evaluateFindings(inWindow(7), {history}).find(
			(finding) => finding.rule === 'target-sg-rejects',
		);
		expect(later?.since).toBe(first?.since);
		expect(later?.sinceBefore).toBeUndefined();
		expect(later?.title).toContain('; began 1m after RevokeSecurityGroupIngress');
	});
});

describe('an alarm in ALARM', () => {
	it('is a finding with its metric as evidence even when nothing else is, whatever the window', () => {
		const unhealthy = healthyMetrics();
		const base = world({connections: []});
		const snapshot: Snapshot = {
			...base,
			window: {start: now - 90_000, end: now},
			flows: flows([]),
			metrics: {
				series: unhealthy,
				alarms: [
					alarm({
						name: 'web-nlb-resets',
						metricName: 'TCP_Target_Reset_Count',
						dimensions: {LoadBalancer: ids.lbDimension},
					}),
				],
			},
		};
		const findings = evaluateFindings(snapshot);
		expect(findings.map((finding) => finding.rule)).toEqual(['alarm']);
		expect(findings[0]?.severity).toBe('warning');
		expect(findings[0]?.title).toMatch(
			/^Alarm web-nlb-resets in ALARM since 13:41:00 UTC on TCP_Target_Reset_Count: Threshold Crossed/,
		);
		expect(findings[0]?.evidence).toEqual([
			{kind: 'alarm', name: 'web-nlb-resets'},
			{kind: 'metric', seriesId: `TCP_Target_Reset_Count|LoadBalancer=${ids.lbDimension}`},
		]);
	});

	it('is not repeated when a finding already cites it', () => {
		const base = world({connections: []});
		const snapshot = {...base, metrics: {series: healthyMetrics(), alarms: [alarm()]}};
		const unhealthyTopology = base.topology && {
			...base.topology,
			targetGroups: base.topology.targetGroups.map((group) => ({
				...group,
				targets: group.targets.map((target) => ({
					...target,
					health: {state: 'unhealthy' as const},
				})),
			})),
		};
		const findings = evaluateFindings({
			...snapshot,
			...(unhealthyTopology ? {topology: unhealthyTopology} : {}),
		});
		expect(findings.filter((finding) => finding.rule === 'alarm')).toEqual([]);
		expect(
			findings.find((finding) => finding.rule === 'unhealthy-targets')?.evidence,
		).toContainEqual({kind: 'alarm', name: 'web-nlb-unhealthy-hosts'});
	});
});
