// The flows slice of the snapshot from what is held: exact Insights figures for settled time, the
// provisional edge rebuilt from this refresh's raw read, and paired rows from the bounded raw records.
import {aggregateRecords} from '../flows/aggregate.js';
import {withArrivals} from '../flows/arrivals.js';
import {combineAggregates} from '../flows/combine-aggregates.js';
import {type PairedRows, pairRows} from '../flows/pairing.js';
import type {FlowRecord, FlowsView} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type ExactSlice, exactAggregates} from './exact-slices.js';
import {type RawHold, rawTotals} from './raw-records.js';
import {settleDelaySeconds} from './settling.js';

export type ViewInputs = {
	readonly topology: Topology;
	readonly slices: readonly ExactSlice[];
	/** Unix seconds. */
	readonly windowStart: number;
	/** Records of the provisional edge: every record read this refresh from the edge's start on. */
	readonly edge: readonly FlowRecord[];
	readonly raw: RawHold;
	readonly aggregationSeconds: number;
	readonly bucketSeconds: number;
	/**
	 * Unix ms: when the view is built. Rows whose partner may still be in delivery at this time are
	 * `arriving`; the snapshot carries that, so every output of it says the same.
	 */
	readonly now: number;
};

export function buildFlowsView(inputs: ViewInputs): FlowsView {
	const {topology, bucketSeconds} = inputs;
	const exact = exactAggregates(inputs.slices, inputs.windowStart, topology, bucketSeconds);
	const provisional = aggregateRecords(inputs.edge, topology, {
		bucketSeconds,
		precision: 'provisional',
	});
	const aggregates = combineAggregates(
		exact === undefined ? [provisional] : [exact.aggregates, provisional],
	);
	const totals = rawTotals(inputs.raw);
	const connections = withArrivals(
		pairedRows(inputs.raw, topology, inputs.aggregationSeconds),
		inputs.now,
		settleDelaySeconds(inputs.aggregationSeconds),
	);
	return {
		connections,
		sampled: totals.recordsMatched > totals.recordsRead,
		recordsRead: totals.recordsRead,
		recordsMatched: totals.recordsMatched,
		malformedRecords: totals.malformed + (exact?.malformedRows ?? 0),
		aggregates,
		...(inputs.raw.newestEnd === undefined ? {} : {dataThrough: inputs.raw.newestEnd * 1000}),
		aggregationSeconds: inputs.aggregationSeconds,
	};
}

type Paired = {
	readonly topology: Topology;
	readonly aggregationSeconds: number;
	readonly rows: PairedRows;
};

// Pairing is the costliest step of a view, and a view is often rebuilt over the same held records
// (an Insights answer arriving, a read that found nothing new): those rows are paired once.
const pairedByHold = new WeakMap<RawHold, Paired>();

function pairedRows(raw: RawHold, topology: Topology, aggregationSeconds: number): PairedRows {
	const known = pairedByHold.get(raw);
	if (known?.topology === topology && known.aggregationSeconds === aggregationSeconds) {
		return known.rows;
	}

	const rows = pairRows(
		raw.records.map((held) => held.record),
		topology,
		{aggregationSeconds},
	);
	pairedByHold.set(raw, {topology, aggregationSeconds, rows});
	return rows;
}
