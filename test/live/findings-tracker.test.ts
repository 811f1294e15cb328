// The store's findings across refreshes: a start outlives the window that showed it, a finding
// whose evidence is gone is resolved (as info) rather than dropped, and goes a while later.
import {describe, expect, it} from 'vitest';
import type {Finding, Snapshot} from '../../source/domain/snapshot.js';
import {deriveSnapshot} from '../../source/live/derive.js';
import {SnapshotStore} from '../../source/live/store.js';
import {change, flows, minute, now} from '../domain/findings/snapshot-builder.js';
import {flow, permission, syn, world} from '../domain/findings/worlds.js';

const vpcOnly = {webIngress: [permission(80, ['10.0.0.0/16'])]};
const incident = [0, 1, 2, 3, 4].map((index) =>
	flow({
		client: `203.0.113.${index + 1}`,
		clientPort: 51_000 + index,
		at: now - (9 - index) * minute,
		target: {forward: {action: 'REJECT', flags: syn}},
	}),
);
/** Accepted traffic up to the incident: nothing says the target works again since. */
const background = Array.from({length: 30}, (_, index) =>
	flow({
		client: `10.0.9.${index + 1}`,
		clientPort: 41_000 + index,
		at: now - (40 - index) * minute,
	}),
);

function incidentSnapshot(windowMinutes = 15): Snapshot {
	const start = now - windowMinutes * minute;
	const rows = [...background, ...incident].filter(
		(connection) => connection.start * 1000 >= start,
	);
	return {
		...world({rules: vpcOnly, connections: rows}),
		window: {start, end: now},
		changes: {events: [change({time: now - 10 * minute})]},
	};
}

const rejects = (findings: readonly Finding[]) =>
	findings.find((finding) => finding.rule === 'target-sg-rejects');

describe('findings across refreshes', () => {
	it('keeps when the evidence began after the window no longer shows it', () => {
		const store = new SnapshotStore(incidentSnapshot(15), deriveSnapshot);
		const first = rejects(store.getSnapshot().findings);
		expect(first?.title).toContain('began 1m after RevokeSecurityGroupIngress');
		store.update(() => ({
			...incidentSnapshot(5),
			findings: store.getSnapshot().findings,
			generatedAt: now + 1000,
		}));
		const narrowed = rejects(store.getSnapshot().findings);
		expect(narrowed?.since).toBe(first?.since);
		expect(narrowed?.title).toContain('began 1m after RevokeSecurityGroupIngress');
	});

	it('resolves a finding whose evidence is gone, then drops it a while later', () => {
		const store = new SnapshotStore(incidentSnapshot(), deriveSnapshot);
		const active = rejects(store.getSnapshot().findings);
		expect(active?.severity).toBe('critical');

		// The REJECT rows have left the window; nothing else points at the target.
		store.update((snapshot) => ({
			...snapshot,
			generatedAt: now + 10 * minute,
			flows: flows(background),
		}));
		const resolved = rejects(store.getSnapshot().findings);
		expect(resolved).toMatchObject({
			severity: 'info',
			resolvedAt: active?.lastSeen,
			since: active?.since,
		});
		expect(resolved?.next).toMatch(/^Resolved at \d\d:\d\d:\d\d UTC: no new evidence since/);

		store.update((snapshot) => ({...snapshot, generatedAt: now + 40 * minute}));
		expect(rejects(store.getSnapshot().findings)).toBeUndefined();
	});

	it('reopens a resolved finding with its first start when the evidence comes back', () => {
		const store = new SnapshotStore(incidentSnapshot(), deriveSnapshot);
		const since = rejects(store.getSnapshot().findings)?.since;
		store.update((snapshot) => ({
			...snapshot,
			generatedAt: now + 60_000,
			flows: flows(background),
		}));
		expect(rejects(store.getSnapshot().findings)?.resolvedAt).toBeDefined();
		const again = flow({
			client: '203.0.113.9',
			clientPort: 59_000,
			at: now,
			target: {forward: {action: 'REJECT', flags: syn}},
		});
		store.update((snapshot) => ({
			...snapshot,
			generatedAt: now + 120_000,
			flows: flows([...background, again]),
		}));
		const reopened = rejects(store.getSnapshot().findings);
		expect(reopened?.severity).toBe('critical');
		expect(reopened?.resolvedAt).toBeUndefined();
		expect(reopened?.since).toBe(since);
	});
});
