import {describe, expect, it, vi} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import {SnapshotStore} from '../../source/live/store.js';

const config: Config = {
	target: 'web',
	windowMs: 900_000,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: false,
};

describe('SnapshotStore', () => {
	it('tells listeners about a real change', () => {
		const store = new SnapshotStore(initialSnapshot(config, 1000, 'us-east-1'));
		const listener = vi.fn();
		store.subscribe(listener);
		store.update((snapshot) => ({...snapshot, region: 'eu-west-1'}));
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.getSnapshot().region).toBe('eu-west-1');
	});

	it('stays silent when an update changes nothing a user could see', () => {
		const store = new SnapshotStore(initialSnapshot(config, 1000, 'us-east-1'));
		const listener = vi.fn();
		store.subscribe(listener);
		store.update((snapshot) => ({...snapshot, generatedAt: 2000}));
		store.update((snapshot) => snapshot);
		store.update((snapshot) => ({...snapshot, sources: {...snapshot.sources}}));
		expect(listener).not.toHaveBeenCalled();
	});

	it('stops calling a listener once it unsubscribes', () => {
		const store = new SnapshotStore(initialSnapshot(config, 1000, 'us-east-1'));
		const listener = vi.fn();
		const unsubscribe = store.subscribe(listener);
		unsubscribe();
		store.update((snapshot) => ({...snapshot, paused: true}));
		expect(listener).not.toHaveBeenCalled();
		expect(store.listenerCount).toBe(0);
	});
});

describe('SnapshotStore with derived data', () => {
	it('recomputes derived fields on every write', () => {
		const store = new SnapshotStore(initialSnapshot(config, 1000, 'us-east-1'), (snapshot) => ({
			...snapshot,
			target: snapshot.region.toUpperCase(),
		}));
		expect(store.getSnapshot().target).toBe('US-EAST-1');
		store.update((snapshot) => ({...snapshot, region: 'eu-west-1'}));
		expect(store.getSnapshot().target).toBe('EU-WEST-1');
	});
});
