import {describe, expect, it} from 'vitest';
import {createDemoWorld} from '../../../source/sim/demo/demo-world.js';
import {streamSlices} from '../../../source/sim/services/logs/stream-view.js';
import type {World} from '../../../source/sim/world/types.js';
import {
	allEvents,
	hour,
	instanceInterfaceIds,
	loadBalancerInterfaces,
	metricsAt,
	minute,
	now,
	smallDemo,
	streamRecords,
	visibleEvents,
} from './demo-helpers.js';

/** Everything a reader can get from the world at `at`: its resources, records and datapoints. */
function served(world: World, at = now): string {
	return JSON.stringify({world, events: allEvents(world, at), metrics: metricsAt(world, at)});
}

// Read-only tests share one world; tests that advance the clock build their own.
const shared = smallDemo();

describe('the demo world', () => {
	it('is the same for the same seed and time, and differs for another seed', () => {
		const first = served(shared.world);
		const second = served(smallDemo().world);
		const other = served(smallDemo({seed: 8}).world);
		expect(second).toBe(first);
		expect(other).not.toBe(first);
	});

	it('holds about three hours of history at creation', () => {
		const {world} = shared;
		const timestamps = allEvents(world).map((event) => event.timestamp);
		expect(Math.min(...timestamps)).toBeLessThanOrEqual(now - 3 * hour + minute);
		expect(Math.max(...timestamps)).toBeGreaterThan(now - 6 * minute);
		expect(metricsAt(world).length).toBeGreaterThan(0);
		expect(world.cloudTrailEvents.length).toBeGreaterThan(0);
	});

	it('describes an internet-facing NLB in two AZs with one interface per AZ', () => {
		const {world} = shared;
		const [loadBalancer] = world.loadBalancers;
		const interfaces = loadBalancerInterfaces(world);
		expect(loadBalancer?.loadBalancerName).toBe('demo-nlb');
		expect(loadBalancer?.scheme).toBe('internet-facing');
		expect(loadBalancer?.availabilityZones.map((zone) => zone.zoneName)).toEqual([
			'us-east-1a',
			'us-east-1b',
		]);
		expect(interfaces.map((item) => item.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b']);
		for (const item of interfaces) {
			expect(item.description).toMatch(/^ELB net\/demo-nlb\/[0-9a-f]{16}$/);
			expect(loadBalancer?.loadBalancerArn.endsWith(item.description.slice('ELB '.length))).toBe(
				true,
			);
			expect(item.publicIp).toBeDefined();
		}
		expect(world.flowLogs.map((flowLog) => flowLog.resourceId).sort()).toEqual(
			world.networkInterfaces.map((item) => item.networkInterfaceId).sort(),
		);
		expect(new Set(world.flowLogs.map((flowLog) => flowLog.maxAggregationInterval))).toEqual(
			new Set([60]),
		);
		expect(instanceInterfaceIds(world, 'web-')).toHaveLength(4);
	});

	it('preserves client IPs on the instance group and not on the IP group', () => {
		const {world} = shared;
		const attribute = (name: string) =>
			world.targetGroups.find((group) => group.targetGroupName === name)?.attributes[
				'preserve_client_ip.enabled'
			];
		expect(attribute('demo-web')).toBe('true');
		expect(attribute('demo-api')).toBe('false');
		const lbAddresses = new Set(loadBalancerInterfaces(world).map((item) => item.privateIpAddress));
		const apiRecords = instanceInterfaceIds(world, 'api-').flatMap((id) =>
			streamRecords(world, id),
		);
		const inbound = apiRecords.filter((record) => record.dstPort === 8443);
		expect(inbound.length).toBeGreaterThan(0);
		expect(
			inbound.every((record) => lbAddresses.has(record.srcAddr) && record.srcPort >= 1024),
		).toBe(true);
		const webInbound = instanceInterfaceIds(world, 'web-')
			.flatMap((id) => streamRecords(world, id))
			.filter((record) => record.dstPort === 80 && !lbAddresses.has(record.srcAddr));
		expect(webInbound.length).toBeGreaterThan(0);
	});

	it('never holds an event before its ingestion time, and delivers it once the clock passes it', () => {
		const demo = smallDemo({historyMs: 30 * minute});
		const before = allEvents(demo.world);
		expect(before.every((event) => event.ingestionTime <= now)).toBe(true);
		demo.advanceTo(now + 5 * minute);
		const after = allEvents(demo.world, now + 5 * minute);
		expect(after.every((event) => event.ingestionTime <= now + 5 * minute)).toBe(true);
		expect(after.some((event) => event.ingestionTime > now)).toBe(true);
	});

	it('delivers each record 1.5 to 4 minutes after its end, stamped with its start', () => {
		const {world} = shared;
		const records = world.networkInterfaces.flatMap((item) =>
			streamRecords(world, item.networkInterfaceId),
		);
		expect(records.length).toBeGreaterThan(1000);
		const misstamped = records.filter((record) => record.timestamp !== record.start * 1000);
		const delays = records.map((record) => record.ingestionTime - record.end * 1000);
		expect(misstamped).toEqual([]);
		expect(Math.min(...delays)).toBeGreaterThanOrEqual(90_000);
		expect(Math.max(...delays)).toBeLessThanOrEqual(240_000);
	});

	it('keeps log streams sorted by timestamp as late batches arrive', () => {
		const demo = smallDemo({historyMs: 30 * minute});
		demo.advanceTo(now + 17 * minute + 13_000);
		for (const stream of demo.world.logGroups.flatMap((group) => group.streams)) {
			const timestamps = visibleEvents(stream, now + 17 * minute + 13_000).map(
				(event) => event.timestamp,
			);
			expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
		}
	});

	it('reaches the same state by advancing as by being created later', () => {
		const cycleOrigin = now - 11 * minute;
		const advanced = smallDemo({cycleOrigin, historyMs: hour});
		advanced.advanceTo(now + 20 * minute);
		const created = smallDemo({now: now + 20 * minute, cycleOrigin, historyMs: hour});
		const later = (world: typeof created.world) =>
			JSON.stringify(
				allEvents(world, now + 20 * minute).filter((event) => event.timestamp >= now - 30 * minute),
			);
		expect(later(advanced.world)).toBe(later(created.world));
		expect(JSON.stringify(advanced.world.alarms)).toBe(JSON.stringify(created.world.alarms));
	});

	it('ignores an advance to an earlier time', () => {
		const demo = smallDemo({historyMs: 20 * minute});
		const snapshot = JSON.stringify(demo.world);
		demo.advanceTo(now - minute);
		expect(JSON.stringify(demo.world)).toBe(snapshot);
		expect(demo.now()).toBe(now);
	});

	it('produces a few hundred records a minute per NLB interface at the default volume', () => {
		const demo = createDemoWorld({seed: 3, now, historyMs: 30 * minute});
		for (const item of loadBalancerInterfaces(demo.world)) {
			const settled = streamRecords(demo.world, item.networkInterfaceId).filter(
				(record) =>
					record.start * 1000 >= now - 25 * minute && record.start * 1000 < now - 5 * minute,
			);
			expect(settled.length / 20).toBeGreaterThan(150);
			expect(settled.length / 20).toBeLessThan(600);
		}
	});
});

describe('bounded memory', () => {
	it('serves only what is within the retention and holds a bounded cache while advancing for hours', () => {
		const cacheBytes = 4 * 1024 * 1024;
		const demo = smallDemo({connectionsPerMinute: 15, cacheBytes});
		const lb = loadBalancerInterfaces(demo.world)[0]?.networkInterfaceId ?? '';
		const stream = demo.world.logGroups
			.flatMap((group) => group.streams)
			.find((item) => item.logStreamName === `${lb}-all`);
		for (let time = now; time <= now + 8 * hour; time += 7 * minute) {
			demo.advanceTo(time);
			// A reader asks for the newest records each step, as lbtop does.
			let newest = 0;
			for (const slice of streamSlices(
				stream ?? {logStreamName: '', creationTime: 0, events: []},
				time - 10 * minute,
				time,
				time,
			)) {
				newest += slice.length;
			}
			expect(newest).toBeGreaterThan(0);
		}
		const current = demo.now();
		const cutoff = current - 3.5 * hour;
		const events = allEvents(demo.world, current);
		expect(Math.min(...events.map((event) => event.timestamp))).toBeGreaterThanOrEqual(
			Math.floor(cutoff / minute) * minute,
		);
		expect(demo.model.cacheStats().bytes).toBeLessThanOrEqual(cacheBytes);
		expect(
			metricsAt(demo.world, current).every((datum) => datum.timestamp >= cutoff - minute),
		).toBe(true);
		expect(demo.world.cloudTrailEvents.every((event) => event.eventTime >= cutoff)).toBe(true);
		expect(demo.timeline().every((incident) => incident.end > cutoff)).toBe(true);
	});
});
