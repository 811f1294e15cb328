// A sim a test starts is stopped whole. Run under a wrapper that forks it (faketime), Ctrl-C sent to
// the wrapper alone ended the wrapper and left the sim serving on its port long after the suite.
import {readdirSync, readFileSync} from 'node:fs';
import {afterEach, expect, it, vi} from 'vitest';
import {type SimProcess, startSimProcess} from '../helpers/sim-process.js';

let sim: SimProcess | undefined;

afterEach(async () => {
	await sim?.stop();
	sim = undefined;
});

/** The state and parent of a process, from /proc; undefined once it is gone. */
function statOf(pid: number): {state: string; parent: number} | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const [state = '', parent = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return {state, parent: Number(parent)};
	} catch {
		return undefined;
	}
}

function childrenOf(pid: number): number[] {
	return readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.map(Number)
		.filter((child) => statOf(child)?.parent === pid);
}

function running(pid: number): boolean {
	const state = statOf(pid)?.state;
	return state !== undefined && state !== 'Z' && state !== 'X';
}

it('stop() ends the sim too when a wrapper (faketime) runs it', {timeout: 60_000}, async () => {
	sim = await startSimProcess('examples/healthy-quiet-nlb.json', ['faketime', '-f', '+0s']);
	const forked = childrenOf(sim.pid);
	expect(forked.length).toBeGreaterThan(0);
	await sim.stop();
	await vi.waitFor(() => expect(forked.filter(running)).toEqual([]), {timeout: 10_000});
});
