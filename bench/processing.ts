// Benchmark 1, processing: an answer's JSON -> flow records -> paired connections and accept/reject
// aggregates, against the floor every implementation pays: JSON.parse of the payload. Two answers:
// FilterLogEvents pages read as the live CLI reads its flow logs (each page read as the SDK
// answer's middleware reads it, its events parsed and counted by the read's tally, the records
// paired and aggregated as a view is built), and GetQueryResults rows read straight into a flow
// table (the reader the table's design began with).
import {performance} from 'node:perf_hooks';
import {type PageEvent, readEventsPage} from '../source/aws/filter-events-answer.js';
import {withArrivals} from '../source/domain/flows/arrivals.js';
import {
	aggregateRecords,
	aggregateTable,
	defaultAggregationSeconds,
	defaultBucketSeconds,
	type ParsedFlowTable,
	pairTable,
	parseResultRows,
	type ResultCell,
} from '../source/domain/flows/index.js';
import {pairRows} from '../source/domain/flows/pairing.js';
import {type FlowFeed, settleDelaySeconds} from '../source/domain/flows-window/index.js';
import {ReadTally} from '../source/live/flows-raw.js';
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, round} from './figure.js';
import {
	filterEventsPages,
	fixtureEvents,
	fixtureFormat,
	fixtureTopology,
	queryResultsPayload,
} from './flow-fixture.js';
import {leastPagesReader} from './processing-least.js';

const benchmark = 'processing';
const recordCount = 10_000;
const warmups = 5;
const runs = 21;

type Payload = {readonly results?: readonly (readonly ResultCell[])[]};

type Timings = {parse: number; records: number; pair: number; aggregate: number};

type Read = {
	readonly parsed: ParsedFlowTable;
	readonly parseMs: number;
	readonly recordsMs: number;
};

/**
 * The answer's rows read into the flow table (parseResultRows: no message object per row), as the
 * AWS layer hands them on: the parsed answer itself is dropped here, as it is once its rows are
 * read, rather than kept reachable while pairing runs (every scavenge then copies it).
 */
function readAnswer(text: string): Read {
	const t0 = performance.now();
	const payload = JSON.parse(text) as Payload;
	const t1 = performance.now();
	const parsed = parseResultRows(payload.results ?? [], fixtureFormat);
	return {parsed, parseMs: t1 - t0, recordsMs: performance.now() - t1};
}

function fullPipeline(text: string): {timings: Timings; connections: number; records: number} {
	const {parsed, parseMs, recordsMs} = readAnswer(text);
	const t2 = performance.now();
	const connections = pairTable(parsed.table, fixtureTopology, {
		aggregationSeconds: defaultAggregationSeconds,
	});
	const t3 = performance.now();
	aggregateTable(parsed.table, fixtureTopology, {bucketSeconds: defaultBucketSeconds});
	const t4 = performance.now();
	return {
		timings: {parse: parseMs, records: recordsMs, pair: t3 - t2, aggregate: t4 - t3},
		connections: connections.length,
		records: parsed.table.length,
	};
}

function floor(text: string): number {
	const t0 = performance.now();
	const payload = JSON.parse(text) as Payload;
	const elapsed = performance.now() - t0;
	if ((payload.results?.length ?? 0) !== recordCount) {
		throw new Error('the payload lost records');
	}

	return elapsed;
}

const liveFeed: FlowFeed = {
	logGroupName: '/vpc/flow-logs',
	format: fixtureFormat,
	aggregationSeconds: defaultAggregationSeconds,
	interfaceIds: [],
};

/**
 * The pages as lbtop reads them on a first read (no event held yet): each read as the answer's
 * middleware reads it (readEventsPage), its events parsed and counted by the read's tally
 * (ReadTally, as readRawRecords does), then the records paired and aggregated as `buildFlowsView`
 * does.
 */
function livePipeline(
	pages: readonly Buffer[],
	nowMs: number,
): {
	timings: Timings;
	connections: number;
	records: number;
} {
	const t0 = performance.now();
	const scanned: PageEvent<never>[][] = [];
	for (const bytes of pages) {
		const page = readEventsPage<never>(bytes);
		if (page === undefined) {
			throw new Error('a page was not read');
		}
		scanned.push(page.events);
	}
	const t1 = performance.now();
	const tally = new ReadTally(defaultBucketSeconds);
	tally.addFeed(liveFeed, scanned.flat(), {complete: true, coveredFrom: 0});
	const records = tally
		.result({start: 0, end: 0}, new Set())
		.read.records.map((held) => held.record);
	const t2 = performance.now();
	const connections = withArrivals(
		pairRows(records, fixtureTopology, {aggregationSeconds: defaultAggregationSeconds}),
		nowMs,
		settleDelaySeconds(defaultAggregationSeconds),
	);
	const t3 = performance.now();
	aggregateRecords(records, fixtureTopology, {
		bucketSeconds: defaultBucketSeconds,
		precision: 'provisional',
	});
	const t4 = performance.now();
	return {
		timings: {parse: t1 - t0, records: t2 - t1, pair: t3 - t2, aggregate: t4 - t3},
		connections: connections.length,
		records: records.length,
	};
}

function pagesFloor(pages: readonly string[]): number {
	const t0 = performance.now();
	let events = 0;
	for (const text of pages) {
		events += (JSON.parse(text) as {readonly events?: readonly unknown[]}).events?.length ?? 0;
	}
	const elapsed = performance.now() - t0;
	if (events !== recordCount) {
		throw new Error('the pages lost events');
	}

	return elapsed;
}

type Pipeline<T> = (payload: T) => {timings: Timings; connections: number; records: number};

type Measured = {
	readonly floorMs: number;
	readonly totalMs: number;
	readonly breakdown: string;
	readonly basis: string;
};

/**
 * Floors and runs interleaved after the warm-ups, alternating which goes first, so drift hits both
 * alike: each floor, and what each run returned.
 */
function interleaved<R>(floorOf: () => number, run: () => R): {floors: number[]; results: R[]} {
	for (let index = 0; index < warmups; index++) {
		floorOf();
		run();
	}

	const floors: number[] = [];
	const results: R[] = [];
	for (let index = 0; index < runs; index++) {
		if (index % 2 === 0) {
			floors.push(floorOf());
			results.push(run());
		} else {
			results.push(run());
			floors.push(floorOf());
		}
	}

	return {floors, results};
}

function measurePath<T>(
	label: string,
	payload: T,
	floorOf: (payload: T) => number,
	pipeline: Pipeline<T>,
): Measured {
	const {floors, results} = interleaved(
		() => floorOf(payload),
		() => pipeline(payload),
	);
	const totals = results.map(
		({timings}) => timings.parse + timings.records + timings.pair + timings.aggregate,
	);
	const parts = results.map((result) => result.timings);
	const shape = results.at(-1) ?? {connections: 0, records: 0};
	const floorMs = median(floors);
	const totalMs = median(totals);
	const part = (key: keyof Timings) => round(median(parts.map((timing) => timing[key])), 1);
	const breakdown = `reading the answer ${part('parse')} ms, records ${part('records')} ms, pairing ${part('pair')} ms, aggregation ${part('aggregate')} ms`;
	progress(
		benchmark,
		`${label}: floor ${floorMs.toFixed(1)} ms, full ${totalMs.toFixed(1)} ms (${breakdown})`,
	);
	const basis = `median of ${runs} interleaved runs after ${warmups} warm-ups; ${recordCount} records (${shape.records} parsed, ${shape.connections} connection rows), two AZs, 4 targets`;
	return {floorMs, totalMs, breakdown, basis};
}

type Bound = {readonly ratio: number; readonly floorMs: number; readonly totalMs: number};

/**
 * The least reader of the pages (processing-least.ts), interleaved with the same floor the same
 * way: what this design of reader costs at the least, beside the figure held to the goal.
 */
function measureLeast(pages: readonly string[]): Bound {
	const first = leastPagesReader(pages);
	const {floors, results} = interleaved(
		() => pagesFloor(pages),
		() => {
			const t0 = performance.now();
			const read = leastPagesReader(pages);
			const elapsed = performance.now() - t0;
			if (read.conversations !== first.conversations || read.bytes !== first.bytes) {
				throw new Error('two runs of the least reader disagree');
			}

			return elapsed;
		},
	);
	const floorMs = median(floors);
	const totalMs = median(results);
	progress(
		benchmark,
		`the least reader of the pages: floor ${floorMs.toFixed(1)} ms, ${totalMs.toFixed(1)} ms (${(totalMs / floorMs).toFixed(2)}x)`,
	);
	return {ratio: totalMs / floorMs, floorMs, totalMs};
}

async function measure(): Promise<Figure[]> {
	const endSeconds = Math.floor(Date.UTC(2025, 2, 14, 13, 42, 0) / 1000);
	const events = fixtureEvents(recordCount, endSeconds);
	const pages = filterEventsPages(events);
	const pageBytes = pages.map((page) => Buffer.from(page, 'utf8'));
	const pagesMb = pages.reduce((total, page) => total + page.length, 0) / 1e6;
	const shape = `${pages.length} FilterLogEvents pages of at most 1 MB of events, ${pagesMb.toFixed(2)} MB`;
	progress(benchmark, `${shape}, ${recordCount} events`);
	const live = measurePath('FilterLogEvents pages, as lbtop reads', pages, pagesFloor, () =>
		livePipeline(pageBytes, endSeconds * 1000),
	);
	const least = measureLeast(pages);
	const payload = queryResultsPayload(events);
	progress(
		benchmark,
		`GetQueryResults payload ${(payload.length / 1e6).toFixed(2)} MB, ${recordCount} records`,
	);
	const table = measurePath('GetQueryResults rows into a table', payload, floor, fullPipeline);
	return [
		atMost(
			{
				benchmark,
				name: 'parse+pair+aggregate / JSON.parse floor, FilterLogEvents pages as lbtop reads them',
				value: round(live.totalMs / live.floorMs),
				unit: 'x',
				goal: '<= 2x',
				notes: `${live.basis}; ${shape}, each page read as the answer's middleware reads it (readEventsPage: with nothing held, the whole parse), its events parsed and counted by the read's tally (ReadTally), the records paired and aggregated as a view is built; floor: JSON.parse of each page's text; ${live.breakdown}`,
			},
			2,
		),
		info({
			benchmark,
			name: 'the least a reader of the pages does / JSON.parse floor',
			value: round(least.ratio),
			unit: 'x',
			notes: `${round(least.totalMs, 1)} ms against a floor of ${round(least.floorMs, 1)} ms, its own series (median of ${runs} interleaved runs after ${warmups} warm-ups); JSON.parse of each page, then one pass over each message's characters for the fields pairing reads, each record added to its conversation (bench/processing-least.ts): no checks, no pairing across interfaces, no buckets, no record objects; a lower bound for readers that parse the pages with JSON.parse, as lbtop does on a first read`,
		}),
		info({
			benchmark,
			name: 'parse+pair+aggregate 10k events, FilterLogEvents pages',
			value: round(live.totalMs, 1),
			unit: 'ms',
			notes: `JSON.parse floor ${round(live.floorMs, 1)} ms; ${shape}`,
		}),
		atMost(
			{
				benchmark,
				name: 'parse+pair+aggregate / JSON.parse floor',
				value: round(table.totalMs / table.floorMs),
				unit: 'x',
				goal: '<= 2x',
				notes: `GetQueryResults rows read straight into a flow table (parseResultRows; not a path the live CLI reads records by); ${table.basis}; ${table.breakdown}`,
			},
			2,
		),
		info({
			benchmark,
			name: 'parse+pair+aggregate 10k records',
			value: round(table.totalMs, 1),
			unit: 'ms',
			notes: 'JSON.parse of the GetQueryResults payload included',
		}),
		info({
			benchmark,
			name: 'JSON.parse floor 10k records',
			value: round(table.floorMs, 1),
			unit: 'ms',
			notes: `payload ${(payload.length / 1e6).toFixed(2)} MB`,
		}),
	];
}

await runBenchmark(benchmark, measure);
