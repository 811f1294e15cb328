// Benchmark 1, processing: GetQueryResults JSON -> flow records -> paired connections and
// accept/reject aggregates, against the floor every implementation pays: JSON.parse of the payload.
import {performance} from 'node:perf_hooks';
import {
	aggregateTable,
	defaultAggregationSeconds,
	defaultBucketSeconds,
	type ParsedFlowTable,
	pairTable,
	parseResultRows,
	type ResultCell,
} from '../source/domain/flows/index.js';
import {progress, runBenchmark} from './channel.js';
import {atMost, type Figure, info, median, round} from './figure.js';
import {
	fixtureEvents,
	fixtureFormat,
	fixtureTopology,
	queryResultsPayload,
} from './flow-fixture.js';

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

async function measure(): Promise<Figure[]> {
	const endSeconds = Math.floor(Date.UTC(2025, 2, 14, 13, 42, 0) / 1000);
	const payload = queryResultsPayload(fixtureEvents(recordCount, endSeconds));
	progress(benchmark, `payload ${(payload.length / 1e6).toFixed(2)} MB, ${recordCount} records`);
	for (let index = 0; index < warmups; index++) {
		floor(payload);
		fullPipeline(payload);
	}

	const floors: number[] = [];
	const totals: number[] = [];
	const parts: Timings[] = [];
	let shape = {connections: 0, records: 0};
	// Interleaved, alternating which goes first, so drift on a shared machine hits both alike.
	for (let index = 0; index < runs; index++) {
		const run = () => {
			const result = fullPipeline(payload);
			const {parse, records, pair, aggregate} = result.timings;
			totals.push(parse + records + pair + aggregate);
			parts.push(result.timings);
			shape = {connections: result.connections, records: result.records};
		};
		if (index % 2 === 0) {
			floors.push(floor(payload));
			run();
		} else {
			run();
			floors.push(floor(payload));
		}
	}

	const floorMs = median(floors);
	const totalMs = median(totals);
	const part = (key: keyof Timings) => round(median(parts.map((timing) => timing[key])), 1);
	const breakdown = `JSON.parse ${part('parse')} ms, records ${part('records')} ms, pairing ${part('pair')} ms, aggregation ${part('aggregate')} ms`;
	progress(
		benchmark,
		`floor ${floorMs.toFixed(1)} ms, full ${totalMs.toFixed(1)} ms (${breakdown})`,
	);
	const basis = `median of ${runs} interleaved runs after ${warmups} warm-ups; ${recordCount} records (${shape.records} parsed, ${shape.connections} connection rows), two AZs, 4 targets`;
	return [
		atMost(
			{
				benchmark,
				name: 'parse+pair+aggregate / JSON.parse floor',
				value: round(totalMs / floorMs),
				unit: 'x',
				goal: '<= 2x',
				notes: `${basis}; ${breakdown}`,
			},
			2,
		),
		info({
			benchmark,
			name: 'parse+pair+aggregate 10k records',
			value: round(totalMs, 1),
			unit: 'ms',
			notes: 'JSON.parse of the GetQueryResults payload included',
		}),
		info({
			benchmark,
			name: 'JSON.parse floor 10k records',
			value: round(floorMs, 1),
			unit: 'ms',
			notes: `payload ${(payload.length / 1e6).toFixed(2)} MB`,
		}),
	];
}

await runBenchmark(benchmark, measure);
