// Insights `stats` rows (from the queries in aggregate-queries.ts) into FlowAggregates. Rows come back
// as text; a value that is missing or unreadable costs that row, never the whole result.
import type {FlowAction, FlowAggregates, Precision, TrafficTotals} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type AggregateOptions, aggregateContext} from './aggregate-context.js';
import {aggregateColumns} from './aggregate-queries.js';
import {addTraffic, createTally} from './aggregate-tally.js';
import {maxPort, parseAddress} from './flow-values.js';
import {parseInsightsTime} from './insights-time.js';

export {parseInsightsTime} from './insights-time.js';

/** One result row as GetQueryResults returns it (the SDK's ResultField[]). */
export type InsightsRow = readonly {
	readonly field?: string | undefined;
	readonly value?: string | undefined;
}[];

export type AggregateRows = {
	/** Rows of the `timeline` query: totals, interfaces and buckets come from these. */
	readonly timeline?: readonly InsightsRow[];
	/** Rows of the `sources` query: source and port lists come from these. */
	readonly sources?: Iterable<InsightsRow>;
};

export type MergedAggregates = {
	readonly aggregates: FlowAggregates;
	/** Rows skipped because a value they need was missing or unreadable. */
	readonly malformedRows: number;
};

export type RowAggregateOptions = AggregateOptions & {
	/** Settled buckets are `exact`; a query over minutes still arriving is `provisional`. */
	readonly precision?: Precision;
};

export function mergeAggregateRows(
	rows: AggregateRows,
	topology: Topology,
	options: RowAggregateOptions = {},
): MergedAggregates {
	const context = aggregateContext(topology, options);
	const tally = createTally({
		bucketSeconds: context.bucketSeconds,
		precision: options.precision ?? 'exact',
		limit: context.limit,
	});
	let malformedRows = 0;
	const values = createValues();
	for (const row of rows.timeline ?? []) {
		readValues(row, values);
		const common = readCommon(values);
		if (common === undefined) {
			malformedRows++;
			continue;
		}

		const {action, traffic} = common;
		const {flows, packets, bytes} = traffic;
		addTraffic(tally.total(action), flows, packets, bytes);
		const {interfaceId} = values;
		if (interfaceId) {
			const sums = tally.interface(interfaceId, context.zoneOf(interfaceId), action);
			addTraffic(sums, flows, packets, bytes);
		}

		const bucketStart = parseInsightsTime(values.bucket);
		if (bucketStart !== undefined) {
			const bucket = tally.bucket(bucketStart);
			bucket.accepted += action === 'ACCEPT' ? flows : 0;
			bucket.rejected += action === 'REJECT' ? flows : 0;
			bucket.bytes += bytes;
		}
	}

	if (rows.sources === undefined) {
		tally.clientsUnknown();
	}

	for (const row of rows.sources ?? []) {
		readValues(row, values);
		const common = readCommon(values);
		const addr = parseAddress(values.srcAddr ?? '');
		if (common === undefined || addr === undefined) {
			malformedRows++;
			continue;
		}

		// The query leaves local addresses out when it is given them; this keeps the lists right when
		// it was not.
		if (context.isLocalAddr(addr)) {
			continue;
		}

		const {action, traffic} = common;
		const {interfaceId} = values;
		const where = interfaceId ? context.whereOf(interfaceId) : undefined;
		const port = readNumber(values.dstPort);
		const validPort = port !== undefined && port <= maxPort ? port : undefined;
		const {flows, packets, bytes} = traffic;
		addTraffic(tally.clients(action), flows, packets, bytes);
		const source = tally.source(action, addr, where);
		addTraffic(source, flows, packets, bytes);
		if (validPort !== undefined) {
			source.ports.add(validPort);
			addTraffic(tally.port(action, validPort, where), flows, packets, bytes);
		}
	}

	return {aggregates: tally.finish(), malformedRows};
}

/** A row's values of the columns the aggregates read, trimmed; undefined where the row has none. */
type RowValues = {-readonly [Column in keyof typeof aggregateColumns]: string | undefined};

function createValues(): RowValues {
	return {
		action: undefined,
		interfaceId: undefined,
		srcAddr: undefined,
		dstPort: undefined,
		bucket: undefined,
		flows: undefined,
		packets: undefined,
		bytes: undefined,
	};
}

/**
 * Reads the row's cells into `values`, the last cell of a field winning. One set of slots serves
 * every row of a merge: a map per row was most of what merging thousands of held rows allocated,
 * and the held answers are merged again whenever the window's start passes a bucket.
 */
function readValues(row: InsightsRow, values: RowValues): void {
	values.action = undefined;
	values.interfaceId = undefined;
	values.srcAddr = undefined;
	values.dstPort = undefined;
	values.bucket = undefined;
	values.flows = undefined;
	values.packets = undefined;
	values.bytes = undefined;
	for (const cell of Array.isArray(row) ? row : []) {
		const field = cell?.field;
		const value = cell?.value;
		if (typeof field !== 'string' || typeof value !== 'string') {
			continue;
		}

		switch (field) {
			case aggregateColumns.action:
				values.action = value.trim();
				break;
			case aggregateColumns.interfaceId:
				values.interfaceId = value.trim();
				break;
			case aggregateColumns.srcAddr:
				values.srcAddr = value.trim();
				break;
			case aggregateColumns.dstPort:
				values.dstPort = value.trim();
				break;
			case aggregateColumns.bucket:
				values.bucket = value.trim();
				break;
			case aggregateColumns.flows:
				values.flows = value.trim();
				break;
			case aggregateColumns.packets:
				values.packets = value.trim();
				break;
			case aggregateColumns.bytes:
				values.bytes = value.trim();
				break;
			default:
				break;
		}
	}
}

function readCommon(values: RowValues): {action: FlowAction; traffic: TrafficTotals} | undefined {
	const {action} = values;
	const flows = readNumber(values.flows);
	if ((action !== 'ACCEPT' && action !== 'REJECT') || flows === undefined) {
		return undefined;
	}

	// A sum over records whose format lacks the field comes back empty; zero is the honest reading.
	const packets = readNumber(values.packets) ?? 0;
	const bytes = readNumber(values.bytes) ?? 0;
	return {action, traffic: {flows, packets, bytes}};
}

const numeric = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+]?[0-9]+)?$/;

/** A non-negative count; Insights may render sums as `1234.0` or `1.2E7`. */
export function readNumber(text: string | undefined): number | undefined {
	if (text === undefined || !numeric.test(text)) {
		return undefined;
	}

	const value = Math.round(Number(text));
	return Number.isSafeInteger(value) ? value : undefined;
}
