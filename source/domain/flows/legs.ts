// Flow records into legs: both directions of one 5-tuple on one interface, merged across aggregation
// intervals for as long as the conversation continues.
import type {FlowAction, FlowLeg, FlowRecord, LegRole} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {type FlowTable, flowTableOf, numberAt, rowFlag, textOf} from './flow-table.js';
import {legOf} from './leg-literal.js';
import {type Orientation, orientLeg, type Records} from './leg-orientation.js';
import {createTextFacts} from './text-facts.js';
import {sortByTime} from './time-order.js';
import {indexTopology, type TargetEndpoint, type TopologyIndex} from './topology-index.js';
import {createTuple, groupByTuple, readTuple, type Tuple} from './tuples.js';

export type LegOptions = {
	/** The flow logs' aggregation interval in seconds (60 or 600). */
	readonly aggregationSeconds?: number;
	/**
	 * How many silent intervals end a connection: a client that reuses its source port after a longer
	 * gap is making a new connection, not continuing the old one.
	 */
	readonly newConnectionAfterIntervals?: number;
};

export type LegDraft = {
	readonly leg: FlowLeg;
	/** The initiator's address as the packet carried it (pkt-srcaddr when the interface rewrote it). */
	readonly originAddr: string;
	readonly targets: readonly TargetEndpoint[];
	/**
	 * Whether the interface let the initiator's packets through: an ACCEPT record in that direction
	 * (in the other one when that direction has no record). A frontend leg without one was rejected
	 * by the LB, so the LB never forwarded it anywhere.
	 */
	readonly accepted: boolean;
	/**
	 * The traffic each way for comparing legs: a direction's ACCEPT records when it has any, so
	 * packets rejected after the connection closed (aws-facts.md §1) do not change its shape; all its
	 * records when it has none (what a target's interface rejected had still been sent to it).
	 */
	readonly forwardPackets: number;
	readonly forwardBytes: number;
	readonly reversePackets: number;
	readonly reverseBytes: number;
};

export const defaultAggregationSeconds = 60;
const defaultNewConnectionAfterIntervals = 3;

export function buildLegs(
	records: readonly FlowRecord[],
	topology: Topology,
	options: LegOptions = {},
): FlowLeg[] {
	return buildLegDrafts(flowTableOf(records), indexTopology(topology), options).map(
		(draft) => draft.leg,
	);
}

export function buildLegDrafts(
	table: FlowTable,
	index: TopologyIndex,
	options: LegOptions = {},
): LegDraft[] {
	const drafts: LegDraft[] = [];
	addLegDrafts(table, index, options, {frontend: drafts, backend: drafts, target: drafts});
	return drafts;
}

/** Where each role's drafts go, in the order they are made. */
export type DraftsByRole = Readonly<Record<LegRole, LegDraft[]>>;

/**
 * The drafts of buildLegDrafts, each appended to its role's list as it is made (pairing takes the
 * roles apart; reading each leg back for its role costs a pass over thousands of them).
 */
export function addLegDrafts(
	table: FlowTable,
	index: TopologyIndex,
	options: LegOptions,
	into: DraftsByRole,
): void {
	const aggregationSeconds = options.aggregationSeconds ?? defaultAggregationSeconds;
	const gapSeconds =
		aggregationSeconds *
		(options.newConnectionAfterIntervals ?? defaultNewConnectionAfterIntervals);
	const tuples = groupByTuple(table);
	const {rows} = tuples;
	const records: Records = {
		table,
		rows,
		orientations: new Map(),
		facts: createTextFacts(table.texts),
	};
	const {starts, ends} = table;
	// One Tuple read into for each conversation in turn: nothing downstream keeps it.
	const tuple = createTuple();
	for (let position = 0; position < tuples.count; position++) {
		readTuple(table, tuples, position, tuple);
		// Oriented on the records in the order they came (the heuristics look at the first ones),
		// then sorted by time for the sessions.
		const orientation = orientLeg(index, tuple, records);
		if (orientation === undefined) {
			continue;
		}

		const drafts = into[orientation.role];
		sortByTime(table, rows, tuple.from, tuple.to);
		let first = tuple.from;
		let sessionEnd = tuple.to > first ? (ends[rows[first] ?? 0] ?? 0) : 0;
		for (let position = first + 1; position < tuple.to; position++) {
			const row = rows[position] ?? 0;
			const start = starts[row] ?? 0;
			const end = ends[row] ?? 0;
			if (start - sessionEnd > gapSeconds) {
				drafts.push(draftOf(tuple, orientation, records, first, position));
				first = position;
				sessionEnd = end;
			} else {
				sessionEnd = Math.max(sessionEnd, end);
			}
		}

		drafts.push(draftOf(tuple, orientation, records, first, tuple.to));
	}
}

/** The leg of the session `rows[first..end)`, in one pass over its records. */
function draftOf(
	tuple: Tuple,
	orientation: Orientation,
	records: Records,
	first: number,
	end: number,
): LegDraft {
	const {table, rows} = records;
	const {starts, ends, flags, packets: packetCounts, bytes: byteCounts, srcAddrs, srcPorts} = table;
	const {tcpFlags, pktSrcAddrs} = table;
	const clientIsA = orientation.server === 'b';
	const clientAddr = clientIsA ? tuple.aAddr : tuple.bAddr;
	const clientAddrId = clientIsA ? tuple.aAddrId : tuple.bAddrId;
	const clientPort = clientIsA ? tuple.aPort : tuple.bPort;
	let forwardRecords = 0;
	let forwardPackets = 0;
	let forwardBytes = 0;
	let forwardAction: FlowAction = 'ACCEPT';
	let forwardAccepted = 0;
	let forwardAcceptedPackets = 0;
	let forwardAcceptedBytes = 0;
	let forwardFlags: number | undefined;
	let reverseRecords = 0;
	let reversePackets = 0;
	let reverseBytes = 0;
	let reverseAction: FlowAction = 'ACCEPT';
	let reverseAccepted = 0;
	let reverseAcceptedPackets = 0;
	let reverseAcceptedBytes = 0;
	let reverseFlags: number | undefined;
	// The earliest start; Math.min from Infinity is the first start, and stays a small integer.
	let start = end > first ? (starts[rows[first] ?? 0] ?? 0) : Number.POSITIVE_INFINITY;
	let latest = 0;
	let rewritten = -1;
	for (let position = first; position < end; position++) {
		const row = rows[position] ?? 0;
		start = Math.min(start, starts[row] ?? 0);
		latest = Math.max(latest, ends[row] ?? 0);
		// A format without the action field cannot show rejects; ACCEPT is the only claim left.
		const rowFlags = flags[row] ?? 0;
		const rejected = (rowFlags & rowFlag.reject) !== 0;
		const packets = numberAt(packetCounts, row);
		const bytes = numberAt(byteCounts, row);
		const flagsHere = (rowFlags & rowFlag.hasTcpFlags) === 0 ? undefined : numberAt(tcpFlags, row);
		const srcAddr = srcAddrs[row] ?? -1;
		if (srcAddr === clientAddrId && srcPorts[row] === clientPort) {
			forwardRecords++;
			forwardPackets += packets;
			forwardBytes += bytes;
			forwardAction = rejected ? 'REJECT' : forwardAction;
			if (!rejected) {
				forwardAccepted++;
				forwardAcceptedPackets += packets;
				forwardAcceptedBytes += bytes;
			}

			forwardFlags = orFlags(forwardFlags, flagsHere);
			const pktSrcAddr = pktSrcAddrs[row] ?? -1;
			if (rewritten < 0 && pktSrcAddr >= 0 && pktSrcAddr !== srcAddr) {
				rewritten = pktSrcAddr;
			}
		} else {
			reverseRecords++;
			reversePackets += packets;
			reverseBytes += bytes;
			reverseAction = rejected ? 'REJECT' : reverseAction;
			if (!rejected) {
				reverseAccepted++;
				reverseAcceptedPackets += packets;
				reverseAcceptedBytes += bytes;
			}
			reverseFlags = orFlags(reverseFlags, flagsHere);
		}
	}

	const action: FlowAction =
		forwardAction === 'REJECT' || reverseAction === 'REJECT' ? 'REJECT' : 'ACCEPT';
	const leg = legOf(
		tuple,
		orientation,
		action,
		forwardPackets + reversePackets,
		forwardBytes + reverseBytes,
		start,
		latest,
		forwardRecords > 0
			? {
					packets: forwardPackets,
					bytes: forwardBytes,
					action: forwardAction,
					records: forwardRecords,
					rejectedRecords:
						forwardRecords > forwardAccepted ? forwardRecords - forwardAccepted : undefined,
					tcpFlags: forwardFlags,
				}
			: undefined,
		reverseRecords > 0
			? {
					packets: reversePackets,
					bytes: reverseBytes,
					action: reverseAction,
					records: reverseRecords,
					rejectedRecords:
						reverseRecords > reverseAccepted ? reverseRecords - reverseAccepted : undefined,
					tcpFlags: reverseFlags,
				}
			: undefined,
	);
	return {
		leg,
		originAddr: textOf(table, rewritten) ?? clientAddr,
		targets: orientation.targets,
		accepted: forwardRecords > 0 ? forwardAccepted > 0 : reverseAccepted > 0,
		forwardPackets: forwardAccepted > 0 ? forwardAcceptedPackets : forwardPackets,
		forwardBytes: forwardAccepted > 0 ? forwardAcceptedBytes : forwardBytes,
		reversePackets: reverseAccepted > 0 ? reverseAcceptedPackets : reversePackets,
		reverseBytes: reverseAccepted > 0 ? reverseAcceptedBytes : reverseBytes,
	};
}

/** tcp-flags are OR-ed over an interval by AWS; over a leg's records they are OR-ed the same way. */
function orFlags(held: number | undefined, flags: number | undefined): number | undefined {
	if (flags === undefined) {
		return held;
	}

	return held === undefined ? flags : held | flags;
}
