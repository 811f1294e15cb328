// The store's derive runs a rule again only when what it read changed, while whatever the clock
// alone decides (a metric going stale, a resolved finding expiring) still happens on time.
import {describe, expect, it} from 'vitest';
import type {DraftFinding, FindingRule} from '../../source/domain/findings/index.js';
import type {Finding, Snapshot} from '../../source/domain/snapshot.js';
import {createDerive} from '../../source/live/derive.js';
import {SnapshotStore} from '../../source/live/store.js';
import {resetSpikeSnapshot, targetSgRejectsSnapshot} from '../domain/findings/scenarios.js';
import {flows, minute, now, steadyConnections} from '../domain/findings/snapshot-builder.js';

function rowsRule(): {readonly rule: FindingRule; readonly runs: () => number} {
	let runs = 0;
	return {
		rule: {
			name: 'rows-probe',
			evaluate: (snapshot): DraftFinding[] => {
				runs++;
				// It reads the rows and finds nothing in them.
				return snapshot.flows === undefined ? [] : [];
			},
		},
		runs: () => runs,
	};
}

const later = (snapshot: Snapshot, ms: number): Snapshot => ({
	...snapshot,
	generatedAt: snapshot.generatedAt + ms,
});

describe('createDerive', () => {
	it('runs no rule on a write that changes none of what the rules read', () => {
		const {rule, runs} = rowsRule();
		const store = new SnapshotStore(targetSgRejectsSnapshot(), createDerive({rules: [rule]}));
		expect(runs()).toBe(1);

		store.update((snapshot) => ({...later(snapshot, 2000), cost: {...snapshot.cost, queries: 1}}));
		store.update((snapshot) => ({
			...later(snapshot, 2000),
			sources: {...snapshot.sources, metrics: {status: 'ok', fetchedAt: now + 4000}},
		}));
		expect(runs()).toBe(1);

		store.update((snapshot) => ({...later(snapshot, 2000), flows: flows(steadyConnections())}));
		expect(runs()).toBe(2);
	});

	it('keeps the same findings array while the findings do not change', () => {
		const store = new SnapshotStore(targetSgRejectsSnapshot(), createDerive());
		const before = store.getSnapshot().findings;
		expect(before.length).toBeGreaterThan(0);
		store.update((snapshot) => ({...later(snapshot, 2000), cost: {...snapshot.cost, queries: 1}}));
		expect(store.getSnapshot().findings).toBe(before);
	});

	it('ends a metric finding once its datapoints are old, with only the clock moving', () => {
		const spike = (findings: readonly Finding[]) =>
			findings.find((finding) => finding.rule === 'reset-spike');
		const store = new SnapshotStore(resetSpikeSnapshot('TCP_Target_Reset_Count'), createDerive());
		expect(spike(store.getSnapshot().findings)?.resolvedAt).toBeUndefined();

		// No write brings data: the cost counter and the clock move, the series stay as they were.
		for (const minutes of [5, 10, 16]) {
			store.update((snapshot) => ({
				...snapshot,
				generatedAt: now + minutes * minute,
				cost: {...snapshot.cost, queries: minutes},
			}));
		}
		const ended = spike(store.getSnapshot().findings);
		expect(ended?.resolvedAt).toBeDefined();
		expect(ended?.severity).toBe('info');

		store.update((snapshot) => ({...snapshot, generatedAt: now + 40 * minute}));
		expect(spike(store.getSnapshot().findings)).toBeUndefined();
	});
});
