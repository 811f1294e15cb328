// Shared setup for the demo-world tests: a fixed clock, small worlds, and a reader for the
// default-format flow records the demo writes.
import {createDemoWorld, type DemoWorldOptions} from '../../../source/sim/demo/demo-world.js';
import {metricsBetween} from '../../../source/sim/services/cloudwatch/series.js';
import {streamSlices} from '../../../source/sim/services/logs/stream-view.js';
import type {LogEvent, LogStream, MetricDatum, World} from '../../../source/sim/world/types.js';

export const now = Date.UTC(2025, 4, 1, 12, 0, 0);
export const minute = 60_000;
export const hour = 3_600_000;

export function smallDemo(options: Partial<DemoWorldOptions> = {}) {
	return createDemoWorld({seed: 7, now, connectionsPerMinute: 40, ...options});
}

export type ParsedRecord = {
	readonly interfaceId: string;
	readonly account: string;
	readonly srcAddr: string;
	readonly dstAddr: string;
	readonly srcPort: number;
	readonly dstPort: number;
	readonly packets: number;
	readonly bytes: number;
	readonly start: number;
	readonly end: number;
	readonly action: string;
	readonly timestamp: number;
	readonly ingestionTime: number;
};

/** What a reader of the stream sees when the clock reads `at`: every event ingested by then. */
export function visibleEvents(stream: LogStream, at: number): LogEvent[] {
	const events: LogEvent[] = [];
	for (const slice of streamSlices(
		stream,
		Number.NEGATIVE_INFINITY,
		Number.POSITIVE_INFINITY,
		at,
	)) {
		for (let index = 0; index < slice.length; index++) {
			if (slice.ingestionTime(index) <= at) {
				events.push({
					timestamp: slice.timestamp(index),
					ingestionTime: slice.ingestionTime(index),
					message: slice.message(index),
				});
			}
		}
	}
	return events;
}

/** The datapoints a reader sees when the clock reads `at`. */
export function metricsAt(world: World, at = now): readonly MetricDatum[] {
	return metricsBetween(world, Number.NEGATIVE_INFINITY, at, at);
}

export function streamRecords(world: World, interfaceId: string, at = now): ParsedRecord[] {
	const stream = world.logGroups
		.flatMap((group) => group.streams)
		.find((item) => item.logStreamName === `${interfaceId}-all`);
	return (stream === undefined ? [] : visibleEvents(stream, at)).map((event) => {
		const [
			,
			account,
			eni,
			srcAddr,
			dstAddr,
			srcPort,
			dstPort,
			,
			packets,
			bytes,
			start,
			end,
			action,
		] = event.message.split(' ');
		return {
			interfaceId: eni ?? '',
			account: account ?? '',
			srcAddr: srcAddr ?? '',
			dstAddr: dstAddr ?? '',
			srcPort: Number(srcPort),
			dstPort: Number(dstPort),
			packets: Number(packets),
			bytes: Number(bytes),
			start: Number(start),
			end: Number(end),
			action: action ?? '',
			timestamp: event.timestamp,
			ingestionTime: event.ingestionTime,
		};
	});
}

export function loadBalancerInterfaces(world: World) {
	return world.networkInterfaces.filter((item) => item.description.startsWith('ELB net/demo-nlb/'));
}

export function instanceInterfaceIds(world: World, namePrefix: string): string[] {
	return world.instances
		.filter((instance) =>
			instance.tags.some((tag) => tag.key === 'Name' && tag.value.startsWith(namePrefix)),
		)
		.map((instance) => instance.networkInterfaceId);
}

export function allEvents(world: World, at = now): LogEvent[] {
	return world.logGroups.flatMap((group) =>
		group.streams.flatMap((stream) => visibleEvents(stream, at)),
	);
}
