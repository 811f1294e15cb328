// What the accept/reject panes' source and port tables count against the totals above them, so
// each table adds up or says what it leaves out. The totals count every record in the window; the
// tables count only the records sent from outside the path (clients, scanners) and only as many
// sources and ports as the lists keep. The LB's and the targets' own records (replies, backend legs
// from the LB's address, health checks) are in the totals and in no table.
import type {FlowAction, FlowAggregates, TrafficTotals} from '../types/flows.js';

export type TableShares = {
	readonly total: TrafficTotals;
	/** The sum of the source rows and of the port rows. */
	readonly sources: TrafficTotals;
	readonly ports: TrafficTotals;
	/** Known apart only when the records sent from outside the path are known. */
	readonly split?: {
		readonly fromClients: TrafficTotals;
		/** Sent by the LB or a target: in the totals, in no table. */
		readonly own: TrafficTotals;
		/** From clients, past the source list's length. */
		readonly sourcesPast: TrafficTotals;
		/** From clients, past the port list's length or without a port (ICMP). */
		readonly portsPast: TrafficTotals;
	};
};

const zero: TrafficTotals = {flows: 0, packets: 0, bytes: 0};

export function tableShares(aggregates: FlowAggregates, action: FlowAction): TableShares {
	const accepted = action === 'ACCEPT';
	const total = accepted ? aggregates.accepted : aggregates.rejected;
	const sources = sum(accepted ? aggregates.acceptedSources : aggregates.rejectedSources);
	const ports = sum(accepted ? aggregates.acceptedPorts : aggregates.rejectedPorts);
	const fromClients = accepted ? aggregates.acceptedFromClients : aggregates.rejectedFromClients;
	// Rows an answer could not read make the parts disagree; then only "not listed" is said.
	if (
		fromClients === undefined ||
		!covers(total, fromClients) ||
		!covers(fromClients, sources) ||
		!covers(fromClients, ports)
	) {
		return {total, sources, ports};
	}

	return {
		total,
		sources,
		ports,
		split: {
			fromClients,
			own: minus(total, fromClients),
			sourcesPast: minus(fromClients, sources),
			portsPast: minus(fromClients, ports),
		},
	};
}

function sum(rows: readonly TrafficTotals[]): TrafficTotals {
	let flows = 0;
	let packets = 0;
	let bytes = 0;
	for (const row of rows) {
		flows += row.flows;
		packets += row.packets;
		bytes += row.bytes;
	}

	return rows.length === 0 ? zero : {flows, packets, bytes};
}

function covers(whole: TrafficTotals, part: TrafficTotals): boolean {
	return whole.flows >= part.flows && whole.packets >= part.packets && whole.bytes >= part.bytes;
}

function minus(whole: TrafficTotals, part: TrafficTotals): TrafficTotals {
	return {
		flows: whole.flows - part.flows,
		packets: whole.packets - part.packets,
		bytes: whole.bytes - part.bytes,
	};
}
