// When a finding's flow evidence began and was last seen, and whether lbtop can know the start:
// evidence that reaches back to where the rows begin may have begun earlier ("before 13:40").
import type {Snapshot} from '../snapshot.js';
import type {FlowLeg} from '../types/flows.js';

export type EvidenceTime = {
	/** Unix ms. */
	readonly since?: number;
	readonly sinceBefore?: boolean;
	readonly lastSeen?: number;
};

/** Unix ms where the rows begin: the window's start, or the oldest row when the rows start later. */
export function rowsBegin(snapshot: Snapshot): number {
	let oldest = Number.POSITIVE_INFINITY;
	for (const connection of snapshot.flows?.connections ?? []) {
		oldest = Math.min(oldest, connection.start);
	}

	return Math.max(snapshot.window.start, Number.isFinite(oldest) ? oldest * 1000 : 0);
}

export function legsTime(snapshot: Snapshot, legs: readonly FlowLeg[]): EvidenceTime {
	if (legs.length === 0) {
		return {};
	}

	const since = Math.min(...legs.map((leg) => leg.start)) * 1000;
	const lastSeen = Math.max(...legs.map((leg) => leg.end)) * 1000;
	// A record starts up to one aggregation interval before its packets.
	const slack = (snapshot.flows?.aggregationSeconds ?? 60) * 1000;
	return {since, sinceBefore: since <= rowsBegin(snapshot) + slack, lastSeen};
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
