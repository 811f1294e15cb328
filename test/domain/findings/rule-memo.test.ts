// A rule reruns only when something it read changed; whatever the sequence of snapshots, the
// findings are those a fresh evaluation gives.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {DraftFinding, FindingRule} from '../../../source/domain/findings/index.js';
import {evaluateFindings, RuleMemo} from '../../../source/domain/findings/index.js';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {keepFlowsView} from '../../../source/live/keep-rows.js';
import {
	blockedAtLbSnapshot,
	newSourceSnapshot,
	scanSnapshot,
	targetSgRejectsSnapshot,
	unhealthyTargetSnapshot,
} from './scenarios.js';
import {buildSnapshot, flows, minute, now, steadyConnections} from './snapshot-builder.js';
import {topology} from './topology-builder.js';

function counting(
	name: string,
	read: (snapshot: Snapshot) => unknown,
): {
	readonly rule: FindingRule;
	readonly runs: () => number;
} {
	let runs = 0;
	return {
		rule: {
			name,
			evaluate: (snapshot): DraftFinding[] => {
				runs++;
				read(snapshot);
				return [];
			},
		},
		runs: () => runs,
	};
}

describe('RuleMemo', () => {
	const base = targetSgRejectsSnapshot();

	it.each<{
		readonly reads: string;
		readonly read: (snapshot: Snapshot) => unknown;
		readonly change: (snapshot: Snapshot) => Snapshot;
		readonly reruns: boolean;
	}>([
		{
			reads: 'the rows',
			read: (snapshot) => snapshot.flows?.connections,
			change: (snapshot) => ({...snapshot, cost: {...snapshot.cost, queries: 3}}),
			reruns: false,
		},
		{
			reads: 'the rows',
			read: (snapshot) => snapshot.flows?.connections,
			change: (snapshot) => ({...snapshot, generatedAt: snapshot.generatedAt + 5000}),
			reruns: false,
		},
		{
			reads: 'the rows',
			read: (snapshot) => snapshot.flows?.connections,
			change: (snapshot) => ({...snapshot, flows: flows(steadyConnections())}),
			reruns: true,
		},
		{
			reads: 'the clock',
			read: (snapshot) => snapshot.generatedAt,
			change: (snapshot) => ({...snapshot, generatedAt: snapshot.generatedAt + 5000}),
			reruns: true,
		},
		{
			reads: 'the window',
			read: (snapshot) => snapshot.window.start,
			change: (snapshot) => ({...snapshot, window: {start: 1, end: 2}}),
			reruns: true,
		},
		{
			reads: "discovery's state",
			read: (snapshot) => snapshot.sources.discovery.fetchedAt,
			change: (snapshot) => ({
				...snapshot,
				sources: {...snapshot.sources, flows: {status: 'ok', fetchedAt: now + 1}},
			}),
			reruns: false,
		},
		{
			reads: "discovery's state",
			read: (snapshot) => snapshot.sources.discovery.fetchedAt,
			change: (snapshot) => ({
				...snapshot,
				sources: {...snapshot.sources, discovery: {status: 'ok', fetchedAt: now + 1}},
			}),
			reruns: true,
		},
		{
			reads: 'every part (a spread)',
			read: (snapshot) => ({...snapshot}),
			change: (snapshot) => ({...snapshot}),
			reruns: true,
		},
	])('a rule reading $reads reruns: $reruns', ({read, change, reruns}) => {
		const {rule, runs} = counting('probe', read);
		const memo = new RuleMemo();
		evaluateFindings(base, {rules: [rule], memo});
		evaluateFindings(change(base), {rules: [rule], memo});
		expect(runs()).toBe(reruns ? 2 : 1);
		expect(memo.ruleRuns).toBe(runs());
	});

	it('runs each of lbtop’s flow rules once while only the clock and the cost move', () => {
		const memo = new RuleMemo();
		const snapshots = [0, 2, 4, 6].map((seconds) => ({
			...base,
			generatedAt: now + seconds * 1000,
			window: {start: base.window.start + seconds * 1000, end: now + seconds * 1000},
			cost: {...base.cost, queries: seconds},
		}));
		for (const snapshot of snapshots) {
			evaluateFindings(snapshot, {memo});
		}
		const first = new RuleMemo();
		evaluateFindings(base, {memo: first});
		// The rules reading the clock (metric freshness) run every time; the others once.
		const clockBound = (memo.ruleRuns - first.ruleRuns) / (snapshots.length - 1);
		expect(clockBound).toBeLessThan(first.ruleRuns / 2);
	});
});

describe('a start taken from the rows', () => {
	it('becomes "began by" once the sliding window reaches it, while its rule is not rerun', () => {
		const memo = new RuleMemo();
		const rejects = (snapshot: Snapshot) =>
			evaluateFindings(snapshot, {memo}).find((finding) => finding.rule === 'target-sg-rejects');
		const base = targetSgRejectsSnapshot();
		const first = rejects(base);
		expect(first?.sinceBefore).toBeUndefined();
		const runs = memo.ruleRuns;

		// Eight minutes on, the window starts where the REJECTs did; the rows are the same.
		const slid = {
			...base,
			generatedAt: now + 8 * minute,
			window: {start: base.window.start + 8 * minute, end: now + 8 * minute},
		};
		const second = rejects(slid);
		expect(second?.since).toBe(first?.since);
		expect(second?.sinceBefore).toBe(true);
		expect(memo.ruleRuns - runs).toBeLessThan(runs);
	});
});

// Snapshots mixed from several worlds part by part, in any order, at any clock: what a memo
// keeps must never differ from what the rules would say afresh.
const worlds: readonly Snapshot[] = [
	buildSnapshot(),
	targetSgRejectsSnapshot(),
	blockedAtLbSnapshot(),
	scanSnapshot(),
	newSourceSnapshot(),
	unhealthyTargetSnapshot(),
];
const parts = ['flows', 'metrics', 'topology', 'changes', 'sources', 'cost'] as const;

const mixed = fc
	.record({
		from: fc.record(
			Object.fromEntries(
				parts.map((part) => [part, fc.integer({min: 0, max: worlds.length - 1})]),
			) as Record<(typeof parts)[number], fc.Arbitrary<number>>,
		),
		minutesLater: fc.integer({min: 0, max: 30}),
	})
	.map(({from, minutesLater}): Snapshot => {
		const mix = Object.fromEntries(
			parts.map((part) => [part, worlds[from[part]]?.[part]]),
		) as Partial<Snapshot>;
		const generatedAt = now + minutesLater * minute;
		const start = generatedAt - 15 * minute;
		return {...buildSnapshot(), ...mix, generatedAt, window: {start, end: generatedAt}};
	});

describe('evaluateFindings with a memo', () => {
	it('gives what a fresh evaluation gives, for any sequence of snapshots', () => {
		fc.assert(
			fc.property(fc.array(mixed, {minLength: 1, maxLength: 6}), (sequence) => {
				const memo = new RuleMemo();
				for (const snapshot of sequence) {
					expect(evaluateFindings(snapshot, {memo})).toEqual(evaluateFindings(snapshot));
				}
			}),
			{numRuns: 40},
		);
	});
});

// The live flows source builds each view from the held one's unchanged rows (keepFlowsView), so
// what the rules work out per row is kept across writes: with rows mixed from several worlds, a
// sequence of such views must give what a copy of each snapshot (no object seen before) gives.
const rowsOf = (snapshot: Snapshot) => snapshot.flows?.connections ?? [];
// A topology that knows no targets, and one whose LB has no security group: the same rows, read
// against either, are other rejections.
const rowWorlds: readonly Snapshot[] = [
	...worlds,
	{...targetSgRejectsSnapshot(), topology: topology({targetGroups: []})},
	{...blockedAtLbSnapshot(), topology: topology({securityGroups: []})},
];
const mixedRows = fc
	.record({
		flows: fc.integer({min: 0, max: rowWorlds.length - 1}),
		rows: fc.array(
			fc.record({
				world: fc.integer({min: 0, max: rowWorlds.length - 1}),
				row: fc.nat(),
			}),
			{maxLength: 12},
		),
		topology: fc.integer({min: 0, max: rowWorlds.length - 1}),
		minutesLater: fc.integer({min: 0, max: 30}),
	})
	.map(({flows: from, rows, topology, minutesLater}): Snapshot => {
		const base = rowWorlds[from] ?? buildSnapshot();
		const picked = rows.flatMap(({world, row}) => {
			const all = rowsOf(rowWorlds[world] ?? base);
			const chosen = all[row % Math.max(1, all.length)];
			return chosen === undefined ? [] : [chosen];
		});
		const connections = [...new Map(picked.map((row) => [row.id, row])).values()];
		const generatedAt = now + minutesLater * minute;
		const network = rowWorlds[topology]?.topology ?? base.topology;
		return {
			...base,
			...(network === undefined ? {} : {topology: network}),
			...(base.flows === undefined ? {} : {flows: {...base.flows, connections}}),
			generatedAt,
			window: {start: generatedAt - 15 * minute, end: generatedAt},
		};
	});

describe('evaluateFindings over views that keep their unchanged rows', () => {
	it('gives what the same snapshot, copied, gives', () => {
		fc.assert(
			fc.property(fc.array(mixedRows, {minLength: 1, maxLength: 6}), (sequence) => {
				const memo = new RuleMemo();
				let held: Snapshot | undefined;
				for (const written of sequence) {
					const snapshot: Snapshot =
						held?.flows === undefined || written.flows === undefined
							? written
							: {...written, flows: keepFlowsView(held.flows, written.flows)};
					held = snapshot;
					expect(evaluateFindings(snapshot, {memo})).toEqual(
						evaluateFindings(structuredClone(snapshot)),
					);
				}
			}),
			{numRuns: 40},
		);
	});
});
