// FlowAggregates from parsed records: the provisional figures for the fresh edge, before Insights
// has settled numbers for those minutes.
import type {FlowAggregates, FlowRecord, Precision} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type AggregateOptions, aggregateContext} from './aggregate-context.js';
import {createTally} from './aggregate-tally.js';

export type RecordAggregateOptions = AggregateOptions & {
	/** Records read from a sampled source (Live Tail over 500 events/s) are `sampled`. */
	readonly precision?: Precision;
};

export function aggregateRecords(
	records: readonly FlowRecord[],
	topology: Topology,
	options: RecordAggregateOptions = {},
): FlowAggregates {
	const context = aggregateContext(topology, options);
	const tally = createTally({
		bucketSeconds: context.bucketSeconds,
		precision: options.precision ?? 'provisional',
		limit: context.limit,
	});
	for (const record of records) {
		// NODATA/SKIPDATA rows carry no traffic, and without an action a record is neither pane's.
		if (record.logStatus !== 'OK' || record.action === undefined) {
			continue;
		}

		const {action} = record;
		const traffic = {flows: 1, packets: record.packets ?? 0, bytes: record.bytes ?? 0};
		const where = context.whereOf(record.interfaceId);
		tally.total(action, traffic);
		tally.interface(record.interfaceId, context.zoneOf(record.interfaceId), action, traffic);
		tally.bucket(record.start, {
			accepted: action === 'ACCEPT' ? 1 : 0,
			rejected: action === 'REJECT' ? 1 : 0,
			bytes: traffic.bytes,
		});
		if (record.srcAddr === undefined || context.isLocalAddr(record.srcAddr)) {
			continue;
		}

		const ports = record.dstPort === undefined ? [] : [record.dstPort];
		tally.source(action, record.srcAddr, where, ports, traffic);
		if (record.dstPort !== undefined) {
			tally.port(action, record.dstPort, where, traffic);
		}
	}

	return tally.finish();
}
