// Several FlowAggregates over disjoint time ranges (settled exact buckets, the provisional fresh
// edge) into one. The result is only as precise as its least precise part.
import type {FlowAggregates, Precision} from '../types/flows.js';
import {defaultAggregateLimit, defaultBucketSeconds} from './aggregate-context.js';
import {createTally, lessPrecise} from './aggregate-tally.js';

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
		tally.total('ACCEPT', part.accepted);
		tally.total('REJECT', part.rejected);
		for (const entry of part.interfaces) {
			tally.interface(entry.interfaceId, entry.availabilityZone, entry.action, entry);
		}

		for (const bucket of part.timeline) {
			tally.bucket(bucket.start, bucket, bucket.precision);
		}

		for (const source of part.acceptedSources) {
			tally.source('ACCEPT', source.addr, source.where, source.ports, source);
		}

		for (const source of part.rejectedSources) {
			tally.source('REJECT', source.addr, source.where, source.ports, source);
		}

		for (const port of part.acceptedPorts) {
			tally.port('ACCEPT', port.port, port.where, port);
		}

		for (const port of part.rejectedPorts) {
			tally.port('REJECT', port.port, port.where, port);
		}
	}

	return tally.finish();
}
