// A flows read re-pairs the whole window, so every row of the new view is a new object, though most
// equal the held ones: what follows from a row (the rules' work per row, the panes' cells) is kept
// per object, so the new view is given the held rows wherever they are equal. A row is compared
// field by field as the Connection type declares it: about a hundred comparisons each, a thousand
// rows in well under a millisecond, where a walk of any object's keys took tens.
import type {Connection, DirectionStats, FlowLeg, FlowsView} from '../domain/snapshot.js';

/** `next`, with each row equal to a held row of the same id being that held row. */
export function keepRows(
	held: readonly Connection[],
	next: readonly Connection[],
): readonly Connection[] {
	const byId = new Map<string, Connection>();
	for (const row of held) {
		byId.set(row.id, row);
	}

	let sameHeld = held.length === next.length;
	let sameNext = true;
	const rows = next.map((row, index) => {
		const before = byId.get(row.id);
		const kept = before !== undefined && sameConnection(before, row) ? before : row;
		sameHeld &&= kept === held[index];
		sameNext &&= kept === row;
		return kept;
	});
	return sameHeld ? held : sameNext ? next : rows;
}

export function sameConnection(a: Connection, b: Connection): boolean {
	return (
		a.id === b.id &&
		a.kind === b.kind &&
		'candidates' in a === 'candidates' in b &&
		Object.is(a.candidates, b.candidates) &&
		a.clientAddr === b.clientAddr &&
		Object.is(a.clientPort, b.clientPort) &&
		'listenerPort' in a === 'listenerPort' in b &&
		Object.is(a.listenerPort, b.listenerPort) &&
		'targetAddr' in a === 'targetAddr' in b &&
		Object.is(a.targetAddr, b.targetAddr) &&
		'targetPort' in a === 'targetPort' in b &&
		Object.is(a.targetPort, b.targetPort) &&
		Object.is(a.protocol, b.protocol) &&
		Object.is(a.packets, b.packets) &&
		Object.is(a.bytes, b.bytes) &&
		Object.is(a.start, b.start) &&
		Object.is(a.end, b.end) &&
		'frontend' in a === 'frontend' in b &&
		samePart(a.frontend, b.frontend, sameLeg) &&
		'backend' in a === 'backend' in b &&
		samePart(a.backend, b.backend, sameLeg) &&
		'targetView' in a === 'targetView' in b &&
		samePart(a.targetView, b.targetView, sameLeg)
	);
}

function sameLeg(a: FlowLeg, b: FlowLeg): boolean {
	return (
		a.role === b.role &&
		a.interfaceId === b.interfaceId &&
		'availabilityZone' in a === 'availabilityZone' in b &&
		Object.is(a.availabilityZone, b.availabilityZone) &&
		Object.is(a.protocol, b.protocol) &&
		a.srcAddr === b.srcAddr &&
		Object.is(a.srcPort, b.srcPort) &&
		a.dstAddr === b.dstAddr &&
		Object.is(a.dstPort, b.dstPort) &&
		a.action === b.action &&
		Object.is(a.packets, b.packets) &&
		Object.is(a.bytes, b.bytes) &&
		Object.is(a.start, b.start) &&
		Object.is(a.end, b.end) &&
		'forward' in a === 'forward' in b &&
		samePart(a.forward, b.forward, sameStats) &&
		'reverse' in a === 'reverse' in b &&
		samePart(a.reverse, b.reverse, sameStats)
	);
}

function sameStats(a: DirectionStats, b: DirectionStats): boolean {
	return (
		Object.is(a.packets, b.packets) &&
		Object.is(a.bytes, b.bytes) &&
		a.action === b.action &&
		Object.is(a.records, b.records) &&
		'rejectedRecords' in a === 'rejectedRecords' in b &&
		Object.is(a.rejectedRecords, b.rejectedRecords) &&
		'tcpFlags' in a === 'tcpFlags' in b &&
		Object.is(a.tcpFlags, b.tcpFlags)
	);
}

/** An optional part: absent (or undefined) in both, the same object, or equal by `same`. */
function samePart<P>(
	a: P | undefined,
	b: P | undefined,
	same: (left: P, right: P) => boolean,
): boolean {
	if (a === undefined || b === undefined) {
		return a === b;
	}

	return a === b || same(a, b);
}

/** The new view, with the held rows wherever they are equal. */
export function keepFlowsView(held: FlowsView, next: FlowsView): FlowsView {
	const connections = keepRows(held.connections, next.connections);
	return connections === next.connections ? next : {...next, connections};
}
