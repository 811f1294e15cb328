import {describe, expect, it} from 'vitest';
import {
	loadBalancerInterfaces,
	metricsAt,
	minute,
	now,
	type ParsedRecord,
	smallDemo,
	streamRecords,
} from './demo-helpers.js';

const {world} = smallDemo();
const lbInterfaces = loadBalancerInterfaces(world);
const lbAddresses = new Set(lbInterfaces.map((item) => item.privateIpAddress));
const listenerPorts = new Set([80, 443]);
const loadBalancerDimension = world.loadBalancers[0]?.loadBalancerArn.split(':loadbalancer/')[1];

const isFrontendForward = (record: ParsedRecord) =>
	lbAddresses.has(record.dstAddr) &&
	listenerPorts.has(record.dstPort) &&
	record.action === 'ACCEPT';
const isFrontendReverse = (record: ParsedRecord) =>
	lbAddresses.has(record.srcAddr) && listenerPorts.has(record.srcPort);

function lbMetric(name: string, zone?: string) {
	return metricsAt(world).filter(
		(datum) =>
			datum.namespace === 'AWS/NetworkELB' &&
			datum.metricName === name &&
			datum.dimensions.some(
				(dimension) =>
					dimension.name === 'LoadBalancer' && dimension.value === loadBalancerDimension,
			) &&
			(zone === undefined
				? datum.dimensions.length === 1
				: datum.dimensions.length === 2 &&
					datum.dimensions.some((dimension) => dimension.value === zone)),
	);
}

// Minutes whose flow records have all been delivered and whose datapoints are published.
const settledMinutes = Array.from(
	{length: 30},
	(_, index) => Math.floor(now / minute) * minute - (40 - index) * minute,
);

describe('AWS/NetworkELB metrics of the demo', () => {
	it('publishes every metric at one-minute resolution under LoadBalancer=net/demo-nlb/<id>', () => {
		expect(loadBalancerDimension).toMatch(/^net\/demo-nlb\/[0-9a-f]{16}$/);
		for (const name of [
			'ActiveFlowCount',
			'NewFlowCount',
			'ProcessedBytes',
			'TCP_Client_Reset_Count',
			'TCP_ELB_Reset_Count',
			'TCP_Target_Reset_Count',
			'PortAllocationErrorCount',
		]) {
			const timestamps = lbMetric(name).map((datum) => datum.timestamp);
			expect(timestamps.length, name).toBeGreaterThan(170);
			expect(
				timestamps.every((timestamp) => timestamp % minute === 0),
				name,
			).toBe(true);
		}
		const groups = metricsAt(world).filter((datum) => datum.metricName === 'HealthyHostCount');
		expect(
			groups.some((datum) =>
				datum.dimensions.some((dimension) =>
					/^targetgroup\/demo-web\/[0-9a-f]{16}$/.test(dimension.value),
				),
			),
		).toBe(true);
		expect(
			groups.some((datum) =>
				datum.dimensions.some((dimension) => dimension.name === 'AvailabilityZone'),
			),
		).toBe(true);
	});

	it('counts as ProcessedBytes exactly the frontend bytes the NLB interfaces logged, per minute and per AZ', () => {
		for (const item of lbInterfaces) {
			const records = streamRecords(world, item.networkInterfaceId);
			const zoneBytes = lbMetric('ProcessedBytes', item.availabilityZone);
			for (const minuteStart of settledMinutes) {
				const logged = records
					.filter(
						(record) =>
							(isFrontendForward(record) || isFrontendReverse(record)) &&
							record.timestamp >= minuteStart &&
							record.timestamp < minuteStart + minute,
					)
					.reduce((sum, record) => sum + record.bytes, 0);
				const published = zoneBytes.find((datum) => datum.timestamp === minuteStart)?.values[0];
				expect(published).toBe(logged);
			}
		}
	});

	it('counts as NewFlowCount the frontend connections that appear in the minute', () => {
		const records = lbInterfaces
			.flatMap((item) => streamRecords(world, item.networkInterfaceId))
			.filter(isFrontendForward);
		const key = (record: ParsedRecord) =>
			`${record.srcAddr}:${record.srcPort}>${record.dstAddr}:${record.dstPort}`;
		for (const minuteStart of settledMinutes) {
			const inMinute = (start: number) =>
				records.filter((record) => record.timestamp >= start && record.timestamp < start + minute);
			const previous = new Set(inMinute(minuteStart - minute).map(key));
			const fresh = inMinute(minuteStart).filter((record) => !previous.has(key(record))).length;
			const published =
				lbMetric('NewFlowCount').find((datum) => datum.timestamp === minuteStart)?.values[0] ?? -1;
			expect(Math.abs(published - fresh)).toBeLessThanOrEqual(2);
		}
	});

	it('does not count the scan the NLB security group rejected', () => {
		const scanner = lbInterfaces
			.flatMap((item) => streamRecords(world, item.networkInterfaceId))
			.filter((record) => record.srcAddr === '216.160.83.56');
		expect(scanner.length).toBeGreaterThan(0);
		expect(scanner.every((record) => !isFrontendForward(record))).toBe(true);
	});

	it('publishes nothing for a minute that has not ended', () => {
		const newest = Math.max(...metricsAt(world).map((datum) => datum.timestamp));
		expect(newest + minute).toBeLessThanOrEqual(now - minute);
	});

	it('samples ActiveFlowCount several times a minute so minimum, maximum and average differ', () => {
		const samples = lbMetric('ActiveFlowCount').slice(-30);
		expect(samples.every((datum) => datum.values.length === 6)).toBe(true);
		expect(samples.some((datum) => Math.max(...datum.values) > Math.min(...datum.values))).toBe(
			true,
		);
	});
});
