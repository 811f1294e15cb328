// When a finding's flow evidence began and was last seen, and whether lbtop can know the start:
// evidence that reaches back to where the rows begin may have begun earlier ("before 13:40").
import type {Snapshot} from '../snapshot.js';
import type {Connection, FlowLeg} from '../types/flows.js';

export type EvidenceTime = {
	/** Unix ms. */
	readonly since?: number;
	readonly lastSeen?: number;
	/**
	 * The evidence is connection rows: whether it may have begun before the rows do is decided when
	 * the findings are evaluated (beganBeforeRows), against where the rows begin then.
	 */
	readonly sinceFromRows?: true;
};

// The oldest row of each rows array: the rows change a few times a minute, the window every write.
const oldestRows = new WeakMap<readonly Connection[], number>();

/** Unix ms where the rows begin: the window's start, or the oldest row when the rows start later. */
export function rowsBegin(snapshot: Snapshot): number {
	const connections = snapshot.flows?.connections ?? [];
	let oldest = oldestRows.get(connections);
	if (oldest === undefined) {
		oldest = Number.POSITIVE_INFINITY;
		for (const connection of connections) {
			oldest = Math.min(oldest, connection.start);
		}

		oldestRows.set(connections, oldest);
	}

	return Math.max(snapshot.window.start, Number.isFinite(oldest) ? oldest * 1000 : 0);
}

/**
 * Evidence starting where the rows begin may have begun earlier. The window slides with the
 * clock, so this is worked out on every evaluation rather than by the rules (which then need
 * not run again while their rows are the same).
 */
export function beganBeforeRows(snapshot: Snapshot, since: number): boolean {
	// A record starts up to one aggregation interval before its packets.
	const slack = (snapshot.flows?.aggregationSeconds ?? 60) * 1000;
	return since <= rowsBegin(snapshot) + slack;
}

export function legsTime(legs: readonly FlowLeg[]): EvidenceTime {
	if (legs.length === 0) {
		return {};
	}

	let since = Number.POSITIVE_INFINITY;
	let lastSeen = Number.NEGATIVE_INFINITY;
	for (const leg of legs) {
		since = Math.min(since, leg.start);
		lastSeen = Math.max(lastSeen, leg.end);
	}

	return {since: since * 1000, lastSeen: lastSeen * 1000, sinceFromRows: true};
}

/** Which leg of a row was logged where the evidence was: the LB's interface, or the target's. */
export type LegSide = 'frontend' | 'backend' | 'targetView';

/**
 * Unix ms: the newest start of a leg accepted end to end on the interfaces where the evidence was
 * logged (and to `port`, when given), after the last evidence; undefined when nothing there
 * worked since.
 */
export function clearThrough(
	snapshot: Snapshot,
	evidence: readonly FlowLeg[],
	side: LegSide,
	port?: number,
): number | undefined {
	if (evidence.length === 0) {
		return undefined;
	}

	const last = Math.max(...evidence.map((leg) => leg.end));
	const newest = newestAccepted(snapshot.flows?.connections ?? [], side);
	let start: number | undefined;
	for (const interfaceId of new Set(evidence.map((leg) => leg.interfaceId))) {
		const found = newest.get(interfaceId);
		const candidate = port === undefined ? found?.any : found?.byPort.get(port);
		if (candidate !== undefined && candidate > last) {
			start = Math.max(start ?? candidate, candidate);
		}
	}

	return start === undefined ? undefined : Math.max(0, start * 1000);
}

/** Unix seconds: the newest start of an accepted leg on one interface, and to each port there. */
type Newest = {any: number; readonly byPort: Map<number, number>};

// Every rule asking about one rows array asks about the same legs: they are read once per array
// and side, not once per finding (each scanned every row).
const newestByRows = new WeakMap<readonly Connection[], Map<LegSide, Map<string, Newest>>>();

function newestAccepted(
	connections: readonly Connection[],
	side: LegSide,
): ReadonlyMap<string, Newest> {
	let sides = newestByRows.get(connections);
	if (sides === undefined) {
		sides = new Map();
		newestByRows.set(connections, sides);
	}

	let newest = sides.get(side);
	if (newest !== undefined) {
		return newest;
	}

	newest = new Map();
	for (const connection of connections) {
		const leg = connection[side];
		// A start that is not a number is after nothing.
		if (leg === undefined || leg.action !== 'ACCEPT' || Number.isNaN(leg.start)) {
			continue;
		}

		let known = newest.get(leg.interfaceId);
		if (known === undefined) {
			known = {any: leg.start, byPort: new Map()};
			newest.set(leg.interfaceId, known);
		}

		known.any = Math.max(known.any, leg.start);
		// Rows compare ports with ===: a port that is not a number matches no port.
		if (!Number.isNaN(leg.dstPort)) {
			const port = known.byPort.get(leg.dstPort);
			known.byPort.set(leg.dstPort, port === undefined ? leg.start : Math.max(port, leg.start));
		}
	}

	sides.set(side, newest);
	return newest;
}

/** Every rejection's rules allow it now, and they were read after the last of them. */
export function rulesAllowNow(
	snapshot: Snapshot,
	bases: readonly string[],
	lastSeen: number | undefined,
): boolean {
	const readAt = snapshot.sources.discovery.fetchedAt;
	return (
		bases.length > 0 &&
		bases.every((basis) => basis === 'allowed-now') &&
		readAt !== undefined &&
		lastSeen !== undefined &&
		readAt > lastSeen
	);
}
