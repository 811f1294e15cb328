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
import {
	type AggregateContext,
	type AggregateOptions,
	aggregateContext,
} from './aggregate-context.js';
import {addTraffic, createTally, type Sums, type Tally} from './aggregate-tally.js';
import {type FlowTable, flowTableOf, noText, numberAt, rowFlag, textOf} from './flow-table.js';

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
	return aggregateTable(flowTableOf(records), topology, options);
}

/** The aggregates of records parsed straight into a table: the same as of the records. */
export function aggregateTable(
	table: FlowTable,
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
	const {texts, flags, interfaceIds, srcAddrs, dstPorts} = table;
	// Records come from a handful of interfaces: each one's place is looked up once, not per record;
	// and whether an address is the path's own once per address (1 local, 2 not, 0 not yet known).
	const places: (Place | undefined)[] = [];
	const local = new Uint8Array(texts.length);
	for (let row = 0; row < table.length; row++) {
		// NODATA/SKIPDATA rows carry no traffic, and without an action a record is neither pane's.
		const rowFlags = flags[row] ?? 0;
		if ((rowFlags & rowFlag.ok) === 0 || (rowFlags & (rowFlag.accept | rowFlag.reject)) === 0) {
			continue;
		}

		const accepted = (rowFlags & rowFlag.accept) !== 0;
		const action: FlowAction = accepted ? 'ACCEPT' : 'REJECT';
		const packets = numberAt(table.packets, row);
		const bytes = numberAt(table.bytes, row);
		const place = placeOf(places, context, texts, interfaceIds[row] ?? 0);
		addTraffic(accepted ? acceptedTotals : rejectedTotals, 1, packets, bytes);
		addTraffic(interfaceSums(tally, place, action), 1, packets, bytes);
		const bucket = tally.bucket(table.starts[row] ?? 0);
		bucket.accepted += accepted ? 1 : 0;
		bucket.rejected += accepted ? 0 : 1;
		bucket.bytes += bytes;
		const srcId = srcAddrs[row] ?? noText;
		const srcAddr = textOf(table, srcId);
		if (srcAddr === undefined) {
			tally.clientsUnknown();
			continue;
		}

		if (local[srcId] === 0) {
			local[srcId] = context.isLocalAddr(srcAddr) ? 1 : 2;
		}

		if (local[srcId] === 1) {
			continue;
		}

		addTraffic(accepted ? acceptedClients : rejectedClients, 1, packets, bytes);
		const source = tally.source(action, srcAddr, place.where);
		addTraffic(source, 1, packets, bytes);
		if ((rowFlags & rowFlag.hasDstPort) !== 0) {
			const dstPort = numberAt(dstPorts, row);
			source.ports.add(dstPort);
			addTraffic(tally.port(action, dstPort, place.where), 1, packets, bytes);
		}
	}

	return tally.finish();
}

function placeOf(
	places: (Place | undefined)[],
	context: AggregateContext,
	texts: readonly string[],
	id: number,
): Place {
	const known = places[id];
	if (known !== undefined) {
		return known;
	}

	const interfaceId = texts[id] ?? '';
	const place: Place = {
		interfaceId,
		where: context.whereOf(interfaceId),
		zone: context.zoneOf(interfaceId),
		accepted: undefined,
		rejected: undefined,
	};
	places[id] = place;
	return place;
}

function interfaceSums(tally: Tally, place: Place, action: FlowAction): Sums {
	if (action === 'ACCEPT') {
		place.accepted ??= tally.interface(place.interfaceId, place.zone, action);
		return place.accepted;
	}

	place.rejected ??= tally.interface(place.interfaceId, place.zone, action);
	return place.rejected;
}
