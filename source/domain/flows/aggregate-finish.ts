// The tally's entries as the lists FlowAggregates carries: busiest first, ties by address (as text)
// or port, then in first-seen order (the sorts are stable); source and port lists cut to the limit.
import type {InterfaceAggregate, PortAggregate, SourceAggregate} from '../types/flows.js';
import type {InterfaceEntry, PortEntry, SourceEntry, Sums} from './aggregate-tally.js';

// A source's port list is a hint for the row, not a port scan report.
const maxPortsPerSource = 16;

function busiestFirst(left: Sums, right: Sums): number {
	return right.flows - left.flows || right.bytes - left.bytes || right.packets - left.packets;
}

export function finishSources(entries: readonly SourceEntry[], limit: number): SourceAggregate[] {
	return [...entries]
		.sort((left, right) => busiestFirst(left, right) || left.addr.localeCompare(right.addr))
		.slice(0, limit)
		.map((entry) => {
			const ports = [...entry.ports]
				.sort((left, right) => left - right)
				.slice(0, maxPortsPerSource);
			const {addr, where, flows, packets, bytes} = entry;
			return where === undefined
				? {addr, flows, packets, bytes, ports}
				: {addr, where, flows, packets, bytes, ports};
		});
}

export function finishPorts(entries: readonly PortEntry[], limit: number): PortAggregate[] {
	return [...entries]
		.sort((left, right) => busiestFirst(left, right) || left.port - right.port)
		.slice(0, limit)
		.map(({port, where, flows, packets, bytes}) =>
			where === undefined ? {port, flows, packets, bytes} : {port, where, flows, packets, bytes},
		);
}

export function finishInterfaces(entries: readonly InterfaceEntry[]): InterfaceAggregate[] {
	return [...entries]
		.sort(
			(left, right) =>
				left.interfaceId.localeCompare(right.interfaceId) ||
				left.action.localeCompare(right.action),
		)
		.map(({interfaceId, availabilityZone, action, flows, packets, bytes}) =>
			availabilityZone === undefined
				? {interfaceId, action, flows, packets, bytes}
				: {interfaceId, availabilityZone, action, flows, packets, bytes},
		);
}
