// Shared setup for the demo-world tests: a fixed clock, small worlds, and a reader for the
// default-format flow records the demo writes.
import {createDemoWorld, type DemoWorldOptions} from '../../../source/sim/demo/demo-world.js';
import type {World} from '../../../source/sim/world/types.js';

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

export function streamRecords(world: World, interfaceId: string): ParsedRecord[] {
	const stream = world.logGroups
		.flatMap((group) => group.streams)
		.find((item) => item.logStreamName === `${interfaceId}-all`);
	return (stream?.events ?? []).map((event) => {
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

export function allEvents(world: World) {
	return world.logGroups.flatMap((group) => group.streams.flatMap((stream) => stream.events));
}
