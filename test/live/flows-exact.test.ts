// A settled stretch asked for in one combined query gives the accept/reject panes exactly the
// figures the timeline and sources pair gives, at half the bytes scanned; an answer that may have
// been cut at Insights' row limit is never trusted.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type InsightsResult, InsightsRunner} from '../../source/aws/insights-runner.js';
import {
	type ExactSlice,
	exactAggregates,
	insightsRowLimit,
	planFeeds,
} from '../../source/domain/flows-window/index.js';
import type {Topology} from '../../source/domain/types/topology.js';
import {queryExactSlice} from '../../source/live/flows-exact.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';

let harness: FlowsHarness;
let topology: Topology;

beforeEach(async () => {
	harness = await startFlowsHarness();
	await discover(harness);
	const discovered = harness.environment.store.getSnapshot().topology;
	if (discovered === undefined) {
		throw new Error('no topology');
	}

	topology = discovered;
});

afterEach(async () => {
	await harness.close();
});

/** The whole window of the flows world, in whole minutes. */
function windowRange(): {start: number; end: number} {
	const end = Math.floor(harness.now() / 60_000) * 60;
	return {start: end - 15 * 60, end};
}

async function sliceOf(
	recordCounts: readonly (number | undefined)[],
): Promise<{slice: ExactSlice; queries: number; bytes: number}> {
	let queries = 0;
	let bytes = 0;
	const runner = new InsightsRunner(harness.environment.clients, {
		pollDelaysMs: [50],
		onScanned: (scanned) => {
			bytes += scanned;
		},
	});
	const slice = await queryExactSlice(
		runner,
		planFeeds(topology).feeds,
		topology,
		windowRange(),
		{
			bucketSeconds: 60,
			recordCounts,
			onStart: () => {
				queries += 1;
			},
		},
		new AbortController().signal,
	);
	return {slice, queries, bytes};
}

describe('the exact figures of a settled stretch', () => {
	it('are the same from one combined query as from the timeline and sources pair', async () => {
		const combined = await sliceOf([40]);
		const pair = await sliceOf([undefined]);
		expect(combined.queries).toBe(1);
		expect(pair.queries).toBe(2);
		expect(combined.bytes * 2).toBe(pair.bytes);

		const figures = (slice: ExactSlice) =>
			exactAggregates([slice], windowRange().start, topology, 60);
		const fromCombined = figures(combined.slice);
		expect(fromCombined?.aggregates.accepted.flows).toBe(harness.fixture.accepted);
		expect(fromCombined?.aggregates.rejected.flows).toBe(harness.fixture.rejected);
		expect(fromCombined).toEqual(figures(pair.slice));
	});

	it('are asked for with the pair when the count says the combined rows might not fit', async () => {
		const {queries} = await sliceOf([insightsRowLimit]);
		expect(queries).toBe(2);
	});

	it('come from the pair when a combined answer fills a whole page', async () => {
		const asked: string[] = [];
		const fullPage = Array.from({length: insightsRowLimit}, (_, index) => [
			{field: 'action', value: 'ACCEPT'},
			{field: 'srcAddr', value: `10.9.${Math.floor(index / 250)}.${index % 250}`},
			{field: 'flows', value: '1'},
		]);
		const runner = {
			async run(query: {readonly queryString: string}): Promise<InsightsResult> {
				asked.push(query.queryString);
				const rows = asked.length === 1 ? fullPage : [];
				return {rows, status: 'Complete', recordsMatched: 0, recordsScanned: 0, bytesScanned: 0};
			},
		};
		const slice = await queryExactSlice(
			runner,
			planFeeds(topology).feeds,
			topology,
			windowRange(),
			{bucketSeconds: 60, recordCounts: [10], onStart: () => undefined},
			new AbortController().signal,
		);
		const [combined, timeline, sources] = asked;
		expect(asked).toHaveLength(3);
		expect(combined).toContain('by bin(60s) as bucket, action, interfaceId, srcAddr, dstPort');
		expect(timeline).not.toContain('srcAddr');
		expect(sources).toContain('sort flows desc');
		// Nothing of the cut answer is kept.
		expect(slice.timeline).toEqual([]);
		expect([...slice.sources]).toEqual([]);
	});
});
