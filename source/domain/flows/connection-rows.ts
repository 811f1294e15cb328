// One connection row from a frontend leg and/or a backend unit, and the rows in display order.
import type {Connection, FlowLeg, PairingKind} from '../types/flows.js';
import type {BackendUnit} from './backend-units.js';
import {type ConnectionKey, formatConnectionId} from './connection-id.js';

export function idOf(key: ConnectionKey | undefined): string {
	return key === undefined ? 'c-empty' : formatConnectionId(key);
}

type Row = {-readonly [Key in keyof Connection]?: Connection[Key]};

/**
 * The row of a frontend and/or backend unit; `id` is the connection id of its first leg. Optional
 * fields are assigned in the row's field order (the order its JSON reads in) rather than spread in,
 * which costs far more per row.
 */
export function connectionOf(
	id: string,
	kind: PairingKind,
	frontend: FlowLeg | undefined,
	unit: BackendUnit | undefined,
	candidates = 0,
): Connection {
	const backend = unit?.backend?.leg;
	const targetView = unit?.view?.leg;
	if (
		frontend !== undefined &&
		unit !== undefined &&
		backend !== undefined &&
		targetView !== undefined
	) {
		// The usual row, all three legs: one literal, in the same field order as below.
		return {
			id,
			kind,
			clientAddr: frontend.srcAddr,
			clientPort: frontend.srcPort,
			listenerPort: frontend.dstPort,
			targetAddr: unit.dstAddr,
			targetPort: unit.dstPort,
			protocol: frontend.protocol,
			frontend,
			backend,
			targetView,
			packets: frontend.packets,
			bytes: frontend.bytes,
			start: Math.min(frontend.start, backend.start, targetView.start),
			end: Math.max(0, frontend.end, backend.end, targetView.end),
		};
	}

	const empty = frontend === undefined && backend === undefined && targetView === undefined;
	const row: Row = {id: empty ? 'c-empty' : id, kind};
	if (candidates > 0) {
		row.candidates = candidates;
	}

	row.clientAddr = frontend?.srcAddr ?? unit?.originAddr ?? '';
	row.clientPort = frontend?.srcPort ?? unit?.srcPort ?? 0;
	if (frontend !== undefined) {
		row.listenerPort = frontend.dstPort;
	}

	if (unit !== undefined) {
		row.targetAddr = unit.dstAddr;
		row.targetPort = unit.dstPort;
	}

	row.protocol = frontend?.protocol ?? unit?.protocol ?? 0;
	if (frontend !== undefined) {
		row.frontend = frontend;
	}

	if (backend !== undefined) {
		row.backend = backend;
	}

	if (targetView !== undefined) {
		row.targetView = targetView;
	}

	// The client's own traffic is what the frontend carried; the backend repeats it, so legs are not
	// summed. Without a frontend, the LB's backend leg is the nearest view of it.
	const volume = frontend ?? backend ?? targetView;
	row.packets = volume?.packets ?? 0;
	row.bytes = volume?.bytes ?? 0;
	row.start = Math.min(
		frontend?.start ?? Number.POSITIVE_INFINITY,
		backend?.start ?? Number.POSITIVE_INFINITY,
		targetView?.start ?? Number.POSITIVE_INFINITY,
	);
	row.end = Math.max(frontend?.end ?? 0, backend?.end ?? 0, targetView?.end ?? 0);
	return isConnection(row) ? row : emptyConnection(kind);
}

// Tells the compiler what connectionOf has just assigned; it always holds.
function isConnection(row: Row): row is Connection {
	return (
		row.id !== undefined &&
		row.kind !== undefined &&
		row.clientAddr !== undefined &&
		row.clientPort !== undefined &&
		row.protocol !== undefined &&
		row.packets !== undefined &&
		row.bytes !== undefined &&
		row.start !== undefined &&
		row.end !== undefined
	);
}

function emptyConnection(kind: PairingKind): Connection {
	return {
		id: 'c-empty',
		kind,
		clientAddr: '',
		clientPort: 0,
		protocol: 0,
		packets: 0,
		bytes: 0,
		start: 0,
		end: 0,
	};
}

export function isRejected(connection: Connection): boolean {
	return (
		connection.frontend?.action === 'REJECT' ||
		connection.backend?.action === 'REJECT' ||
		connection.targetView?.action === 'REJECT'
	);
}

/** REJECT rows first (they are usually the incident), then the newest. */
export function compareConnections(left: Connection, right: Connection): number {
	const rejected = Number(isRejected(right)) - Number(isRejected(left));
	return (
		rejected || right.end - left.end || right.start - left.start || left.id.localeCompare(right.id)
	);
}

/**
 * The rows in compareConnections order. What the order reads of each row (its REJECT flag, end and
 * start) is read once into columns rather than on every comparison: rows of different kinds have
 * different shapes, which makes reading their fields in a comparator slow.
 */
export function sortConnections(connections: readonly Connection[]): Connection[] {
	const count = connections.length;
	const rejected = new Uint8Array(count);
	const ends = new Float64Array(count);
	const starts = new Float64Array(count);
	const order: number[] = [];
	for (let position = 0; position < count; position++) {
		const connection = connections[position];
		if (connection !== undefined) {
			rejected[position] = Number(isRejected(connection));
			ends[position] = connection.end;
			starts[position] = connection.start;
		}

		order.push(position);
	}

	order.sort(
		(left, right) =>
			(rejected[right] ?? 0) - (rejected[left] ?? 0) ||
			(ends[right] ?? 0) - (ends[left] ?? 0) ||
			(starts[right] ?? 0) - (starts[left] ?? 0) ||
			(connections[left]?.id ?? '').localeCompare(connections[right]?.id ?? ''),
	);
	const sorted: Connection[] = [];
	for (const position of order) {
		const connection = connections[position];
		if (connection !== undefined) {
			sorted.push(connection);
		}
	}

	return sorted;
}
