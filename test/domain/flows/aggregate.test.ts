import {describe, expect, it} from 'vitest';
import {aggregateRecords} from '../../../source/domain/flows/aggregate.js';
import {combineAggregates} from '../../../source/domain/flows/combine-aggregates.js';
import {exchange, lbA, lbB, line, nlbTopology, records, webA} from './fixtures.js';

const t0 = 1_700_000_040;
const client = '198.51.100.7';
const scanner = '192.0.2.66';
const topology = nlbTopology({preserveClientIp: true});

// The monitoring page's case plus a scanner rejected at the LB: one connection accepted at the LB
// and rejected at the target, and two probes the LB's security group dropped.
const lines = [
	...exchange({
		eni: lbA.interfaceId,
		src: client,
		sport: 40_000,
		dst: lbA.ip,
		dport: 80,
		start: t0,
		packets: 5,
		bytes: 500,
	}),
	line({
		eni: lbA.interfaceId,
		src: client,
		sport: 40_000,
		dst: webA.ip,
		dport: webA.port,
		start: t0,
		packets: 5,
		bytes: 500,
	}),
	line({
		eni: webA.interfaceId,
		src: client,
		sport: 40_000,
		dst: webA.ip,
		dport: webA.port,
		start: t0,
		packets: 5,
		bytes: 500,
		action: 'REJECT',
	}),
	line({
		eni: lbA.interfaceId,
		src: scanner,
		sport: 6000,
		dst: lbA.ip,
		dport: 22,
		start: t0 + 60,
		packets: 1,
		bytes: 40,
		action: 'REJECT',
	}),
	line({
		eni: lbB.interfaceId,
		src: scanner,
		sport: 6001,
		dst: lbB.ip,
		dport: 23,
		start: t0 + 60,
		packets: 1,
		bytes: 40,
		action: 'REJECT',
	}),
	`2 123456789012 ${lbA.interfaceId} - - - - - - - ${t0} ${t0 + 60} - NODATA`,
];

describe('aggregateRecords', () => {
	const aggregates = aggregateRecords(records(lines), topology, {bucketSeconds: 60});

	it('totals accepted and rejected flow records, skipping NODATA rows', () => {
		expect(aggregates.accepted).toEqual({flows: 3, packets: 15, bytes: 1500});
		expect(aggregates.rejected).toEqual({flows: 3, packets: 7, bytes: 580});
		expect(aggregates.precision).toBe('provisional');
	});

	it('says where each rejected source was rejected', () => {
		expect(aggregates.rejectedSources).toEqual([
			{addr: scanner, where: 'lb', ports: [22, 23], flows: 2, packets: 2, bytes: 80},
			{addr: client, where: 'target', ports: [webA.port], flows: 1, packets: 5, bytes: 500},
		]);
	});

	it("lists the LB's own replies under neither sources nor ports", () => {
		expect(aggregates.acceptedSources.map((source) => source.addr)).toEqual([client]);
		expect(aggregates.acceptedPorts.map((port) => port.port).sort()).toEqual([80, webA.port]);
	});

	it('counts rejected ports with their location', () => {
		expect(aggregates.rejectedPorts).toEqual(
			expect.arrayContaining([
				{port: 22, where: 'lb', flows: 1, packets: 1, bytes: 40},
				{port: webA.port, where: 'target', flows: 1, packets: 5, bytes: 500},
			]),
		);
	});

	it('totals per interface and action, with the AZ', () => {
		expect(aggregates.interfaces).toEqual(
			expect.arrayContaining([
				{
					interfaceId: lbA.interfaceId,
					availabilityZone: lbA.zone,
					action: 'ACCEPT',
					flows: 3,
					packets: 15,
					bytes: 1500,
				},
				{
					interfaceId: lbB.interfaceId,
					availabilityZone: lbB.zone,
					action: 'REJECT',
					flows: 1,
					packets: 1,
					bytes: 40,
				},
				{
					interfaceId: webA.interfaceId,
					availabilityZone: 'us-east-1a',
					action: 'REJECT',
					flows: 1,
					packets: 5,
					bytes: 500,
				},
			]),
		);
	});

	it('buckets by record start', () => {
		expect(aggregates.timeline).toEqual([
			{start: t0, accepted: 3, rejected: 1, bytes: 2000, precision: 'provisional'},
			{start: t0 + 60, accepted: 0, rejected: 2, bytes: 80, precision: 'provisional'},
		]);
	});
});

describe('combineAggregates', () => {
	it('sums parts and keeps the least precise label', () => {
		const part = aggregateRecords(records(lines), topology, {bucketSeconds: 60});
		const exact = {
			...part,
			precision: 'exact' as const,
			timeline: part.timeline.map((bucket) => ({...bucket, precision: 'exact' as const})),
		};
		const combined = combineAggregates([exact, part]);
		expect(combined.accepted).toEqual({flows: 6, packets: 30, bytes: 3000});
		expect(combined.precision).toBe('provisional');
		expect(combined.rejectedSources[0]).toMatchObject({addr: scanner, where: 'lb', flows: 4});
		expect(combined.timeline[0]).toMatchObject({accepted: 6, precision: 'provisional'});
	});

	it('is empty for no parts', () => {
		expect(combineAggregates([])).toMatchObject({
			accepted: {flows: 0},
			rejected: {flows: 0},
			timeline: [],
		});
	});
});
