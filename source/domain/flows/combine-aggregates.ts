// Several FlowAggregates over disjoint time ranges (settled exact buckets, the provisional fresh
// edge) into one. The result is only as precise as its least precise part.
import type {
	FlowAction,
	FlowAggregates,
	Precision,
	SourceAggregate,
	TrafficTotals,
} from '../types/flows.js';
import {defaultAggregateLimit, defaultBucketSeconds} from './aggregate-context.js';
import {addTraffic, createTally, lessPrecise, type Sums, type Tally} from './aggregate-tally.js';

export function combineAggregates(
	parts: readonly FlowAggregates[],
	limit = defaultAggregateLimit,
): FlowAggregates {
	const precision = parts.reduce<Precision>(
		(worst, part) => lessPrecise(worst, part.precision),
		'exact',
	);
	// Finer buckets fold into the coarsest one; the other way round would split counts it cannot split.
	const bucketSeconds =
		parts.length === 0
			? defaultBucketSeconds
			: Math.max(...parts.map((part) => part.bucketSeconds));
	const tally = createTally({bucketSeconds, precision, limit});
	for (const part of parts) {
		add(tally.total('ACCEPT'), part.accepted);
		add(tally.total('REJECT'), part.rejected);
		if (part.acceptedFromClients === undefined || part.rejectedFromClients === undefined) {
			tally.clientsUnknown();
		} else {
			add(tally.clients('ACCEPT'), part.acceptedFromClients);
			add(tally.clients('REJECT'), part.rejectedFromClients);
		}

		for (const entry of part.interfaces) {
			add(tally.interface(entry.interfaceId, entry.availabilityZone, entry.action), entry);
		}

		for (const bucket of part.timeline) {
			const sums = tally.bucket(bucket.start, bucket.precision);
			sums.accepted += bucket.accepted;
			sums.rejected += bucket.rejected;
			sums.bytes += bucket.bytes;
		}

		addSources(tally, 'ACCEPT', part.acceptedSources);
		addSources(tally, 'REJECT', part.rejectedSources);
		for (const port of part.acceptedPorts) {
			add(tally.port('ACCEPT', port.port, port.where), port);
		}

		for (const port of part.rejectedPorts) {
			add(tally.port('REJECT', port.port, port.where), port);
		}
	}

	return tally.finish();
}

function addSources(tally: Tally, action: FlowAction, sources: readonly SourceAggregate[]): void {
	for (const source of sources) {
		const sums = tally.source(action, source.addr, source.where);
		for (const port of source.ports) {
			sums.ports.add(port);
		}

		add(sums, source);
	}
}

function add(sums: Sums, traffic: TrafficTotals): void {
	addTraffic(sums, traffic.flows, traffic.packets, traffic.bytes);
}
