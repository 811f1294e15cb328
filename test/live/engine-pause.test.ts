// `p` freezes the screen, not the sources: the engine keeps collecting while the user reads, so
// what arrived is there the moment the screen resumes, and the banner can say what it is.
import {afterEach, describe, expect, it} from 'vitest';
import {type Rig, startedRig} from '../faults/support/fault-rig.js';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

describe('pausing the screen', () => {
	it('keeps every source polling and lets its queries answer', async () => {
		const current = await startedRig({refreshMs: 10_000});
		rig = current;
		const names = ['flows', 'metrics', 'changes'] as const;
		const before = new Map(names.map((name) => [name, current.finished(name)]));
		const cost = current.snapshot().cost;
		current.engine.pause();
		expect(current.snapshot().paused).toBe(true);

		// Four minutes with the screen frozen: new time settles, minutes are published, CloudTrail is
		// read again.
		for (let minute = 0; minute < 4; minute++) {
			current.timers.advance(60_000);
			await current.until('the runs due while paused', () => !current.busy());
		}

		await current.until('a run of every source while paused', () =>
			names.every((name) => current.finished(name) > (before.get(name) ?? 0)),
		);
		expect(current.snapshot().cost.queries).toBeGreaterThan(cost.queries);
		for (const name of names) {
			expect(current.state(name).status).toBe('ok');
			expect(current.state(name).fetchedAt).toBeGreaterThan(current.timers.now() - 2 * 60_000);
		}

		current.engine.resume();
		expect(current.snapshot().paused).toBe(false);
	});
});
