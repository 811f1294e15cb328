// FlowAggregates from parsed records: the provisional figures for the fresh edge, before Insights
// has settled numbers for those minutes.
import type {
	FlowAction,
	FlowAggregates,
	FlowRecord,
	Precision,
	RejectLocation,
} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type AggregateOptions, aggregateContext} from './aggregate-context.js';
import {addTraffic, createTally, type Sums, type Tally} from './aggregate-tally.js';

export type RecordAggregateOptions = AggregateOptions & {
	/** Records read from a sampled source (Live Tail over 500 events/s) are `sampled`. */
	readonly precision?: Precision;
};

/** What one interface's records share: where it is, and its per-action interface sums. */
type Place = {
	readonly interfaceId: string;
	readonly where: RejectLocation | undefined;
	readonly zone: string | undefined;
	accepted: Sums | undefined;
	rejected: Sums | undefined;
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
	const acceptedTotals = tally.total('ACCEPT');
	const rejectedTotals = tally.total('REJECT');
	const acceptedClients = tally.clients('ACCEPT');
	const rejectedClients = tally.clients('REJECT');
	// Records come from a handful of interfaces: each one's place is looked up once, not per record.
	const places = new Map<string, Place>();
	for (const record of records) {
		// NODATA/SKIPDATA rows carry no traffic, and without an action a record is neither pane's.
		const {action, interfaceId} = record;
		if (record.logStatus !== 'OK' || action === undefined) {
			continue;
		}

		const packets = record.packets ?? 0;
		const bytes = record.bytes ?? 0;
		let place = places.get(interfaceId);
		if (place === undefined) {
			place = {
				interfaceId,
				where: context.whereOf(interfaceId),
				zone: context.zoneOf(interfaceId),
				accepted: undefined,
				rejected: undefined,
			};
			places.set(interfaceId, place);
		}

		const accepted = action === 'ACCEPT';
		addTraffic(accepted ? acceptedTotals : rejectedTotals, 1, packets, bytes);
		addTraffic(interfaceSums(tally, place, action), 1, packets, bytes);
		const bucket = tally.bucket(record.start);
		bucket.accepted += accepted ? 1 : 0;
		bucket.rejected += accepted ? 0 : 1;
		bucket.bytes += bytes;
		if (record.srcAddr === undefined) {
			tally.clientsUnknown();
			continue;
		}

		if (context.isLocalAddr(record.srcAddr)) {
			continue;
		}

		addTraffic(accepted ? acceptedClients : rejectedClients, 1, packets, bytes);
		const source = tally.source(action, record.srcAddr, place.where);
		addTraffic(source, 1, packets, bytes);
		if (record.dstPort !== undefined) {
			source.ports.add(record.dstPort);
			addTraffic(tally.port(action, record.dstPort, place.where), 1, packets, bytes);
		}
	}

	return tally.finish();
}

function interfaceSums(tally: Tally, place: Place, action: FlowAction): Sums {
	if (action === 'ACCEPT') {
		place.accepted ??= tally.interface(place.interfaceId, place.zone, action);
		return place.accepted;
	}

	place.rejected ??= tally.interface(place.interfaceId, place.zone, action);
	return place.rejected;
}
