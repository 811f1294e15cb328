// The rules behind three incidents of the library (examples/incident-*.json), each on small worlds
// written by hand: handshakes nothing answers (tcp-flags), a target deregistered while it carried
// connections (DeregisterTargets, then the LB's resets), and a traffic alarm carried by a few
// sources. Each table holds the incident and the worlds that look like it and are not.
import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {Connection, Finding, Snapshot} from '../../../source/domain/snapshot.js';
import {
	alarm,
	buildSnapshot,
	change,
	flows,
	healthyMetrics,
	ids,
	minute,
	now,
	series,
	steady,
	withSeries,
} from './snapshot-builder.js';
import {fin, flow, healthyFlows, rst, sourceRow, syn, synAck, world} from './worlds.js';

const ruleFindings = (snapshot: Snapshot, rule: string): Finding[] =>
	evaluateFindings(snapshot).filter((finding) => finding.rule === rule);

/** A client's connection attempt: its SYN ACCEPTed on every interface, with what came back. */
function attempt(index: number, answer?: number, options: {flags?: boolean; at?: number} = {}) {
	const flags = options.flags ?? true;
	const sent = {action: 'ACCEPT' as const, ...(flags ? {flags: syn} : {})};
	const reply =
		answer === undefined
			? undefined
			: {action: 'ACCEPT' as const, ...(flags ? {flags: answer} : {})};
	const leg = {forward: sent, ...(reply === undefined ? {} : {reverse: reply})};
	return flow({
		client: `203.0.113.${10 + index}`,
		clientPort: 52_000 + index,
		at: options.at ?? now - (8 - index) * minute,
		frontend: leg,
		backend: leg,
		target: leg,
	});
}

const attempts = (count: number, answer?: number, options: {flags?: boolean; at?: number} = {}) =>
	Array.from({length: count}, (_, index) => attempt(index, answer, options));

/** A completed connection after the attempts: the interfaces have delivered newer records. */
const later = flow({
	client: '198.51.100.200',
	clientPort: 45_000,
	at: now - 3 * minute,
	frontend: {
		forward: {action: 'ACCEPT', flags: syn | fin},
		reverse: {action: 'ACCEPT', flags: synAck | fin},
	},
	backend: {
		forward: {action: 'ACCEPT', flags: syn | fin},
		reverse: {action: 'ACCEPT', flags: synAck | fin},
	},
	target: {
		forward: {action: 'ACCEPT', flags: syn | fin},
		reverse: {action: 'ACCEPT', flags: synAck | fin},
	},
});

describe('handshakes that never complete', () => {
	it.each<{name: string; connections: Connection[]; fires: boolean; rowsFrom?: number}>([
		{
			name: 'SYNs accepted everywhere, nothing back',
			connections: [...attempts(3), later],
			fires: true,
		},
		{
			name: "the target's interface delivered nothing newer: the answer may still come",
			connections: attempts(1),
			fires: false,
		},
		{
			name: 'beside healthy traffic, still named',
			connections: [...healthyFlows(40, true), ...attempts(3)],
			fires: true,
		},
		{
			name: 'one unanswered SYN is a lost packet, not a pattern',
			connections: attempts(1),
			fires: false,
		},
		{
			name: 'answered with a reset: refused, not unanswered',
			connections: attempts(3, rst),
			fires: false,
		},
		{name: 'answered with a SYN-ACK', connections: attempts(3, synAck), fires: false},
		{
			name: 'no tcp-flags in the format: a quiet connection looks the same',
			connections: attempts(3, undefined, {flags: false}),
			fires: false,
		},
		{
			name: 'too recent: the answer may be in the next aggregation interval',
			connections: attempts(3, undefined, {at: now - 2 * minute}),
			fires: false,
		},
		{name: 'healthy traffic with tcp-flags', connections: healthyFlows(60, true), fires: false},
		{
			name: 'rows from before the fully read span (a backfill may hold one direction only)',
			connections: [...attempts(3), later],
			rowsFrom: now - 4 * minute,
			fires: false,
		},
		{
			name: "rows in the span's first interval (the read may stop inside it)",
			connections: [...attempts(2), later],
			rowsFrom: now - 8 * minute,
			fires: false,
		},
	])('$name', ({connections, fires, rowsFrom}) => {
		const snapshot = world({connections});
		const read =
			rowsFrom === undefined || snapshot.flows === undefined
				? snapshot
				: {...snapshot, flows: {...snapshot.flows, rowsFrom}};
		const found = ruleFindings(read, 'handshake-unanswered');
		if (!fires) {
			expect(found.map((finding) => finding.title)).toEqual([]);
			return;
		}

		expect(found).toHaveLength(1);
		const [finding] = found as [Finding];
		expect(finding.severity).not.toBe('info');
		expect(finding.title).toMatch(/^Handshakes never complete on tcp\/80: 3 connections/);
		expect(finding.title).toContain('got no answer (no SYN-ACK, no reset)');
		expect(finding.title).toContain(ids.target1);
		const listed = finding.evidence.flatMap((ref) => (ref.kind === 'connection' ? [ref.id] : []));
		expect(listed.sort()).toEqual(
			attempts(3)
				.map((row) => row.id)
				.sort(),
		);
	});

	it('names its targets in the title in the order of their names, not of the rows', () => {
		const toTarget2 = (row: Connection): Connection =>
			JSON.parse(
				JSON.stringify(row)
					.replaceAll(ids.target1Ip, ids.target2Ip)
					.replaceAll(ids.target1Eni, ids.target2Eni),
			) as Connection;
		// The same two targets either way; only which one the earliest row went to differs.
		const titles = [0, 1].map((first) => {
			const rows = attempts(4).map((row, index) => (index % 2 === first ? toTarget2(row) : row));
			return ruleFindings(world({connections: [...rows, later]}), 'handshake-unanswered')[0]?.title;
		});
		expect(titles[0]).toMatch(/ACCEPTed at the LB and at \S+ \S+/);
		expect(titles[1]).toBe(titles[0]);
	});

	it('is critical when most handshakes since the first go unanswered', () => {
		const [finding] = ruleFindings(
			world({connections: [...attempts(3), later]}),
			'handshake-unanswered',
		);
		expect(finding?.severity).toBe('critical');
	});

	it('is only info when a few handshakes among many completed ones go unanswered (a SYN lost or its answer in a record not read yet)', () => {
		const answered = attempts(98, synAck | fin).map((row, index) => ({
			...row,
			id: `answered-${index}`,
			clientAddr: `198.51.${100 + Math.floor(index / 200)}.${index % 200}`,
		}));
		const [finding] = ruleFindings(
			world({connections: [...answered, ...attempts(2), later]}),
			'handshake-unanswered',
		);
		expect(finding?.severity).toBe('info');
		expect(finding?.title).toMatch(
			/^A few handshakes got no answer on tcp\/80: 2 connections \(2%/,
		);
	});

	it('is a warning when most handshakes still complete', () => {
		const answered = attempts(8, synAck | fin).map((row, index) => ({
			...row,
			id: `answered-${index}`,
			clientAddr: `198.51.100.${index}`,
		}));
		const [finding] = ruleFindings(
			world({connections: [...answered, ...attempts(2), later]}),
			'handshake-unanswered',
		);
		expect(finding?.severity).toBe('warning');
	});
});

const deregisterAt = now - 8 * minute;
const deregistration = (overrides: Parameters<typeof change>[0] = {}) =>
	change({
		id: 'evt-deregister',
		time: deregisterAt,
		source: 'elasticloadbalancing.amazonaws.com',
		name: 'DeregisterTargets',
		actor: {type: 'AssumedRole', name: 'codedeploy-service', session: 'AWSCodeDeploy'},
		summary: `${ids.tgDimension}: deregistered ${ids.target2}:80`,
		resources: [ids.tgArn, ids.target2],
		...overrides,
	});

/** TCP_ELB_Reset_Count over the window: 2 a minute, and `burst` in the minute `at`. */
function elbResets(burst: number, at: number) {
	const values = steady(2).map((value, index) =>
		now - (15 - index) * minute === Math.floor(at / minute) * minute ? burst : value,
	);
	return series('TCP_ELB_Reset_Count', values);
}

function deregisteredWorld(options: {
	event?: ReturnType<typeof change>;
	burst?: number;
	at?: number;
}) {
	return buildSnapshot({
		metrics: {
			series: withSeries(
				healthyMetrics(),
				elbResets(options.burst ?? 40, options.at ?? deregisterAt + minute),
			),
			alarms: [],
			dataThrough: now,
		},
		changes: {events: options.event === undefined ? [] : [options.event], dataThrough: now},
	});
}

describe('a target deregistered while it carried connections', () => {
	it('names the target, the call and the resets that followed', () => {
		const [finding, ...rest] = ruleFindings(
			deregisteredWorld({event: deregistration()}),
			'target-deregistered',
		);
		expect(rest).toEqual([]);
		expect(finding?.severity).toBe('warning');
		expect(finding?.title).toMatch(
			new RegExp(
				`^Target ${ids.target2} deregistered from web-tg at 13:37:00 UTC while carrying connections: the LB reset 40 connections`,
			),
		);
		expect(finding?.title).toContain('DeregisterTargets by codedeploy-service');
		expect(finding?.evidence).toContainEqual({kind: 'change', id: 'evt-deregister'});
		expect(finding?.evidence.some((ref) => ref.kind === 'metric')).toBe(true);
	});

	it.each([
		{
			name: 'a deregistration with no resets after it (a clean drain)',
			event: deregistration(),
			burst: 2,
		},
		{
			name: 'resets that came before the deregistration',
			event: deregistration(),
			at: deregisterAt - 4 * minute,
		},
		{
			name: 'a deregistration from a target group of another LB',
			event: deregistration({
				resources: [ids.tgArn.replace('web-tg', 'other-tg'), ids.target2],
			}),
		},
		{name: 'a call that failed', event: deregistration({errorCode: 'AccessDenied'})},
		{name: 'resets with no deregistration', event: undefined},
	])('says nothing of $name', ({event, burst, at}) => {
		const snapshot = deregisteredWorld({
			...(event === undefined ? {} : {event}),
			...(burst === undefined ? {} : {burst}),
			...(at === undefined ? {} : {at}),
		});
		expect(ruleFindings(snapshot, 'target-deregistered')).toEqual([]);
	});
});

const newFlowsAlarm = alarm({
	name: 'web-nlb-new-flows-high',
	metricName: 'NewFlowCount',
	dimensions: {LoadBalancer: ids.lbDimension},
	reason:
		'Threshold Crossed: 2 out of the last 2 datapoints were greater than the threshold (300.0).',
});
const customers = Array.from({length: 100}, (_, index) =>
	sourceRow(`198.51.100.${index + 1}`, [80], 10),
);
const heavy = ['45.155.205.1', '45.155.205.2', '193.142.146.33'].map((addr, index) =>
	sourceRow(addr, [80], 800 - index * 100),
);

function trafficWorld(options: {alarms: ReturnType<typeof alarm>[]; sources: typeof customers}) {
	const total = options.sources.reduce((sum, source) => sum + source.flows, 0);
	return buildSnapshot({
		flows: flows([], {
			acceptedSources: options.sources,
			acceptedFromClients: {flows: total, packets: total * 2, bytes: total * 120},
		}),
		metrics: {series: healthyMetrics(), alarms: options.alarms, dataThrough: now},
	});
}

describe('a traffic alarm carried by a few sources', () => {
	it('names the sources that carry most of the traffic, with the alarm as evidence', () => {
		const snapshot = trafficWorld({alarms: [newFlowsAlarm], sources: [...customers, ...heavy]});
		const findings = evaluateFindings(snapshot);
		const found = findings.filter((finding) => finding.rule === 'heavy-sources');
		expect(found).toHaveLength(1);
		const [finding] = found as [Finding];
		expect(finding.severity).toBe('warning');
		expect(finding.title).toBe(
			"Alarm web-nlb-new-flows-high (NewFlowCount) in ALARM: 3 sources carry 68% of the clients' flow records: 45.155.205.1 (26%), 45.155.205.2 (23%), 193.142.146.33 (19%)",
		);
		expect(finding.evidence).toContainEqual({kind: 'alarm', name: 'web-nlb-new-flows-high'});
		// The alarm is evidence here, not a second line saying no cause was found.
		expect(findings.some((entry) => entry.rule === 'alarm')).toBe(false);
	});

	it.each([
		{name: 'no alarm in ALARM', alarms: [], sources: [...customers, ...heavy]},
		{
			name: 'an alarm on a metric that does not count traffic',
			alarms: [alarm()],
			sources: [...customers, ...heavy],
		},
		{name: 'traffic spread over many sources', alarms: [newFlowsAlarm], sources: customers},
	])('names nobody with $name', ({alarms, sources}) => {
		expect(ruleFindings(trafficWorld({alarms, sources}), 'heavy-sources')).toEqual([]);
	});
});
