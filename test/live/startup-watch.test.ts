// The interactive run's start: which failures end it (waiting cannot fix them) and what it
// reports when the user quits before the load balancer was ever found.
import {describe, expect, it} from 'vitest';
import type {ErrorKind, Snapshot} from '../../source/domain/snapshot.js';
import {StartupWatch} from '../../source/live/startup-watch.js';
import {SnapshotStore} from '../../source/live/store.js';
import {fixtureSnapshot} from '../helpers/snapshot-fixture.js';

function starting(): Snapshot {
	const {topology: _topology, ...withoutTopology} = fixtureSnapshot();
	return {
		...withoutTopology,
		sources: {...withoutTopology.sources, discovery: {status: 'pending'}},
	};
}

function failed(snapshot: Snapshot, kind: ErrorKind): Snapshot {
	return {
		...snapshot,
		sources: {
			...snapshot.sources,
			discovery: {status: 'error', error: {kind, message: `${kind}!`, hint: 'do this', at: 1}},
		},
	};
}

describe('StartupWatch', () => {
	it.each(['not-found', 'credentials', 'invalid', 'access-denied'] as const)(
		'%s before the load balancer is found ends the screen and is the outcome',
		(kind) => {
			const store = new SnapshotStore(starting());
			const watch = new StartupWatch(store);
			store.update((snapshot) => failed(snapshot, kind));
			expect(watch.ended.signal.aborted).toBe(true);
			expect(watch.outcome()?.error.message).toBe(`${kind}!`);
			expect(store.listenerCount).toBe(0);
		},
	);

	it.each(['network', 'throttled', 'unknown'] as const)(
		'%s keeps the screen (discovery retries), and is the outcome only if the user quits before it clears',
		(kind) => {
			const store = new SnapshotStore(starting());
			const watch = new StartupWatch(store);
			store.update((snapshot) => failed(snapshot, kind));
			expect(watch.ended.signal.aborted).toBe(false);
			expect(watch.outcome()?.error.kind).toBe(kind);
		},
	);

	it('once the load balancer is found, quitting is a normal end', () => {
		const store = new SnapshotStore(starting());
		const watch = new StartupWatch(store);
		store.update((snapshot) => failed(snapshot, 'network'));
		store.update(() => fixtureSnapshot());
		expect(watch.ended.signal.aborted).toBe(false);
		expect(watch.outcome()).toBeUndefined();
	});

	it('a failure to start at all (the engine could not be built) ends it', () => {
		const watch = new StartupWatch(new SnapshotStore(starting()));
		watch.end({error: {kind: 'unknown', message: 'boom', hint: '', at: 1}, ends: true});
		expect(watch.ended.signal.aborted).toBe(true);
		expect(watch.outcome()?.error.message).toBe('boom');
	});
});
