// A run's signal joined to its source's lasting one: aborted when either is, and holding nothing
// in the lasting one once released (AbortSignal.any on Node 20 keeps every signal it made there).
import {getEventListeners} from 'node:events';
import {describe, expect, it} from 'vitest';
import {linkedSignal} from '../../source/live/linked-signal.js';

/** What Node keeps in a signal for the signals AbortSignal.any made from it (internal, Node 20). */
function dependants(signal: AbortSignal): number {
	const key = Object.getOwnPropertySymbols(signal).find(
		(symbol) => symbol.description === 'kDependantSignals',
	);
	const held = key === undefined ? undefined : (signal as unknown as Record<symbol, unknown>)[key];
	// Node's own SafeSet, not a Set of this realm: read by its size.
	const size = (held as {readonly size?: unknown} | undefined)?.size;
	return typeof size === 'number' ? size : 0;
}

describe('linkedSignal', () => {
	it.each([
		['the run', 0],
		['the source', 1],
	])('aborts when %s does, with its reason', (_name, which) => {
		const run = new AbortController();
		const lasting = new AbortController();
		const linked = linkedSignal(run.signal, lasting.signal);
		expect(linked.signal.aborted).toBe(false);
		const reason = new Error('stopped');
		(which === 0 ? run : lasting).abort(reason);
		expect(linked.signal.aborted).toBe(true);
		expect(linked.signal.reason).toBe(reason);
	});

	it('starts aborted when either already is', () => {
		const lasting = new AbortController();
		lasting.abort('disposed');
		const linked = linkedSignal(new AbortController().signal, lasting.signal);
		expect(linked.signal.aborted).toBe(true);
		expect(linked.signal.reason).toBe('disposed');
		linked.release();
	});

	it('leaves nothing in the lasting signal after many released runs', () => {
		const lasting = new AbortController();
		for (let run = 0; run < 1000; run++) {
			linkedSignal(new AbortController().signal, lasting.signal).release();
		}
		expect(getEventListeners(lasting.signal, 'abort')).toHaveLength(0);
		// Made with AbortSignal.any, Node 20 would hold 1,000 here.
		expect(dependants(lasting.signal)).toBe(0);
	});

	it('a released link no longer follows the lasting signal', () => {
		const lasting = new AbortController();
		const linked = linkedSignal(new AbortController().signal, lasting.signal);
		linked.release();
		lasting.abort();
		expect(linked.signal.aborted).toBe(false);
	});
});
