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

/**
 * Unix ms: the newest start of a leg accepted end to end on the interfaces where the evidence was
 * logged, after the last evidence; undefined when nothing there worked since.
 */
export function clearThrough(
	snapshot: Snapshot,
	evidence: readonly FlowLeg[],
	legOf: (connection: NonNullable<Snapshot['flows']>['connections'][number]) => FlowLeg | undefined,
	matches: (leg: FlowLeg) => boolean = () => true,
): number | undefined {
	if (evidence.length === 0) {
		return undefined;
	}

	const interfaces = new Set(evidence.map((leg) => leg.interfaceId));
	const last = Math.max(...evidence.map((leg) => leg.end));
	let newest: number | undefined;
	for (const connection of snapshot.flows?.connections ?? []) {
		const leg = legOf(connection);
		if (
			leg !== undefined &&
			leg.action === 'ACCEPT' &&
			leg.start > last &&
			interfaces.has(leg.interfaceId) &&
			matches(leg)
		) {
			newest = Math.max(newest ?? 0, leg.start * 1000);
		}
	}

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
