// An accelerated soak: the engine against the sim for a long stretch of polling, with intermittent
// faults, on timers the test moves. Nothing may pile up run after run: pending timers, store
// listeners, abort listeners (Node warns past ten on one signal), the snapshot, the heap.
import process from 'node:process';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {afterEach, expect, it} from 'vitest';
import {expectAllOk} from './support/expectations.js';
import {allSources, faultTestSources, type Rig, startedRig} from './support/fault-rig.js';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

/** A full collection, so the heap figure is what is still referenced. */
function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	gc();
	gc();
}

const minute = 60_000;

it('three quarters of an hour of 2-s refreshes, faults coming and going, pile nothing up', async () => {
	const warnings: string[] = [];
	const onWarning = (warning: Error) => {
		warnings.push(`${warning.name}: ${warning.message}`);
	};
	process.on('warning', onWarning);
	try {
		const current = await startedRig({refreshMs: 2000});
		rig = current;
		// The screen's subscription, as the UI holds it.
		let redraws = 0;
		const unsubscribe = current.store.subscribe(() => {
			redraws += 1;
		});

		const soak = async (minutes: number) => {
			const end = current.timers.now() + minutes * minute;
			let cycle = 0;
			while (current.timers.now() < end) {
				cycle += 1;
				// Now and then a spell of throttling and dropped connections.
				if (cycle % 200 === 0) {
					current.sim.faults.set({seed: cycle, rules: {'*': {throttleRate: 0.3, dropRate: 0.1}}});
				} else if (cycle % 200 === 30) {
					current.sim.faults.clear();
				}
				await current.step();
				// Each poller (the access logs' too) holds at most one timer between runs.
				expect(current.timers.pendingCount).toBeLessThanOrEqual(faultTestSources.length);
				expect(current.store.listenerCount).toBe(1);
			}
			current.sim.faults.clear();
			return cycle;
		};

		// Warm up: every cache filled, every lazy client and module loaded.
		await soak(10);
		collectGarbage();
		const heapBefore = process.memoryUsage().heapUsed;
		const snapshotBefore = JSON.stringify(current.snapshot()).length;

		const cycles = await soak(35);
		expect(cycles).toBeGreaterThan(300);
		collectGarbage();
		const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

		// Back to normal after the last fault: every source ok at its next attempt.
		for (const name of allSources) {
			if (current.state(name).status !== 'ok') {
				await current.retry(name);
			}
		}
		expectAllOk(current);
		expect(redraws).toBeGreaterThan(0);
		unsubscribe();
		expect(current.store.listenerCount).toBe(0);
		// The window slides: what the snapshot holds stays about the same size.
		expect(JSON.stringify(current.snapshot()).length).toBeLessThan(2 * snapshotBefore + 10_000);
		// Caches settle during the warm-up (the in-process sim keeps its last 1000 queries, too): about
		// 2 MB of growth remains. Holding on to one snapshot (tens of kilobytes) per cycle would add
		// tens of megabytes.
		expect(heapGrowth).toBeLessThan(8 * 1024 * 1024);
		expect(warnings).toEqual([]);
		await current.engine.stop();
		expect(current.timers.pendingCount).toBe(0);
		expect(current.logs.runningQueryCount()).toBe(0);
	} finally {
		process.off('warning', onWarning);
	}
}, 60_000);
