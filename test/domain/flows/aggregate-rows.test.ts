import {describe, expect, it} from 'vitest';
import {
	type InsightsRow,
	mergeAggregateRows,
	parseInsightsTime,
} from '../../../source/domain/flows/aggregate-rows.js';
import {lbA, lbB, nlbTopology, webA} from './fixtures.js';

const topology = nlbTopology({preserveClientIp: true});

function row(values: Record<string, string>): InsightsRow {
	return [
		...Object.entries(values).map(([field, value]) => ({field, value})),
		{field: '@ptr', value: 'CmAKJgoi'},
	];
}

describe('mergeAggregateRows', () => {
	const timeline = [
		row({
			bucket: '2023-11-14 22:14:00.000',
			action: 'ACCEPT',
			interfaceId: lbA.interfaceId,
			flows: '10',
			packets: '100',
			bytes: '10000',
		}),
		row({
			bucket: '2023-11-14 22:14:00.000',
			action: 'REJECT',
			interfaceId: webA.interfaceId,
			flows: '2',
			packets: '4',
			bytes: '240',
		}),
		row({
			bucket: '2023-11-14 22:15:00.000',
			action: 'REJECT',
			interfaceId: lbB.interfaceId,
			flows: '3',
			packets: '3',
			bytes: '120.0',
		}),
	];
	const sources = [
		row({
			action: 'REJECT',
			srcAddr: '192.0.2.66',
			dstPort: '22',
			interfaceId: lbB.interfaceId,
			flows: '3',
			packets: '3',
			bytes: '120',
		}),
		row({
			action: 'REJECT',
			srcAddr: '198.51.100.7',
			dstPort: '8080',
			interfaceId: webA.interfaceId,
			flows: '2',
			packets: '4',
			bytes: '240',
		}),
		row({
			action: 'ACCEPT',
			srcAddr: '198.51.100.7',
			dstPort: '80',
			interfaceId: lbA.interfaceId,
			flows: '5',
			packets: '50',
			bytes: '5000',
		}),
		// The LB's own replies, when the query was not told to leave them out.
		row({
			action: 'ACCEPT',
			srcAddr: lbA.ip,
			dstPort: '40000',
			interfaceId: lbA.interfaceId,
			flows: '5',
			packets: '50',
			bytes: '5000',
		}),
	];

	it('reads totals, interfaces and buckets from the timeline rows', () => {
		const {aggregates, malformedRows} = mergeAggregateRows({timeline, sources}, topology, {
			bucketSeconds: 60,
		});
		expect(malformedRows).toBe(0);
		expect(aggregates.accepted).toEqual({flows: 10, packets: 100, bytes: 10_000});
		expect(aggregates.rejected).toEqual({flows: 5, packets: 7, bytes: 360});
		expect(aggregates.precision).toBe('exact');
		expect(aggregates.timeline).toEqual([
			{start: 1_700_000_040, accepted: 10, rejected: 2, bytes: 10_240, precision: 'exact'},
			{start: 1_700_000_100, accepted: 0, rejected: 3, bytes: 120, precision: 'exact'},
		]);
		expect(aggregates.interfaces).toContainEqual({
			interfaceId: webA.interfaceId,
			availabilityZone: 'us-east-1a',
			action: 'REJECT',
			flows: 2,
			packets: 4,
			bytes: 240,
		});
	});

	it('reads sources and ports, with where each REJECT was logged', () => {
		const {aggregates} = mergeAggregateRows({timeline, sources}, topology);
		expect(aggregates.rejectedSources).toEqual([
			{addr: '192.0.2.66', where: 'lb', ports: [22], flows: 3, packets: 3, bytes: 120},
			{addr: '198.51.100.7', where: 'target', ports: [8080], flows: 2, packets: 4, bytes: 240},
		]);
		expect(aggregates.acceptedSources).toEqual([
			{addr: '198.51.100.7', ports: [80], flows: 5, packets: 50, bytes: 5000},
		]);
		expect(aggregates.rejectedPorts.map((port) => [port.port, port.where])).toEqual([
			[22, 'lb'],
			[8080, 'target'],
		]);
	});

	it.each([
		['an unknown action', row({action: 'ALLOW', flows: '1'})],
		['a missing action', row({flows: '1'})],
		['a garbled count', row({action: 'ACCEPT', flows: 'many'})],
		['a negative count', row({action: 'ACCEPT', flows: '-3'})],
		['an empty row', []],
	])('skips and counts a timeline row with %s', (_name, bad) => {
		const {aggregates, malformedRows} = mergeAggregateRows(
			{timeline: [bad, ...timeline]},
			topology,
		);
		expect(malformedRows).toBe(1);
		expect(aggregates.accepted.flows).toBe(10);
	});

	it('keeps a row whose bucket or sums are unreadable in the totals', () => {
		const {aggregates, malformedRows} = mergeAggregateRows(
			{
				timeline: [
					row({bucket: 'yesterday', action: 'ACCEPT', flows: '7', packets: '', bytes: 'n/a'}),
				],
			},
			topology,
		);
		expect(malformedRows).toBe(0);
		expect(aggregates.accepted).toEqual({flows: 7, packets: 0, bytes: 0});
		expect(aggregates.timeline).toEqual([]);
	});

	it('reads a cell padded with spaces, the last of a repeated field, and no cell without text', () => {
		const odd: InsightsRow = [
			{field: 'action', value: ' REJECT '},
			{field: 'srcAddr', value: '198.51.100.9'},
			{field: 'srcAddr', value: ' 192.0.2.77'},
			{field: 'dstPort'},
			{value: '9999'},
			{field: 'flows', value: '4 '},
		];
		const {aggregates, malformedRows} = mergeAggregateRows({sources: [odd]}, topology);
		expect(malformedRows).toBe(0);
		expect(aggregates.rejectedSources).toEqual([
			{addr: '192.0.2.77', ports: [], flows: 4, packets: 0, bytes: 0},
		]);
		expect(aggregates.rejectedPorts).toEqual([]);
	});

	it.each([
		['action', {srcAddr: '192.0.2.67', flows: '1'}],
		['flows', {action: 'REJECT', srcAddr: '192.0.2.67'}],
		['srcAddr', {action: 'REJECT', flows: '1'}],
	])('reads each source row by its own cells: one without %s is skipped', (_field, bad) => {
		const full = {
			action: 'REJECT',
			srcAddr: '192.0.2.66',
			dstPort: '22',
			interfaceId: lbB.interfaceId,
			flows: '3',
			packets: '3',
			bytes: '120',
		};
		const {aggregates, malformedRows} = mergeAggregateRows(
			{sources: [row(full), row(bad)]},
			topology,
		);
		expect(malformedRows).toBe(1);
		expect(aggregates.rejectedSources.map(({addr}) => addr)).toEqual(['192.0.2.66']);
	});

	it('reads each row by its own cells: nothing carries over from the row before', () => {
		const {aggregates, malformedRows} = mergeAggregateRows(
			{
				timeline: [
					row({
						bucket: '2023-11-14 22:14:00.000',
						action: 'ACCEPT',
						interfaceId: lbA.interfaceId,
						flows: '10',
						packets: '100',
						bytes: '10000',
					}),
					row({action: 'ACCEPT', flows: '5'}),
				],
				sources: [
					row({
						action: 'REJECT',
						srcAddr: '192.0.2.66',
						dstPort: '22',
						interfaceId: lbB.interfaceId,
						flows: '3',
						packets: '3',
						bytes: '120',
					}),
					row({action: 'REJECT', srcAddr: '192.0.2.67', flows: '1'}),
				],
			},
			topology,
		);
		expect(malformedRows).toBe(0);
		// The second timeline row has no bucket, interface or sums of its own.
		expect(aggregates.accepted).toEqual({flows: 15, packets: 100, bytes: 10_000});
		expect(aggregates.timeline.map(({accepted}) => accepted)).toEqual([10]);
		expect(aggregates.interfaces.map(({flows}) => flows)).toEqual([10]);
		// The second source row has no port, interface or sums of its own.
		expect(aggregates.rejectedSources).toEqual([
			{addr: '192.0.2.66', ports: [22], flows: 3, packets: 3, bytes: 120, where: 'lb'},
			{addr: '192.0.2.67', ports: [], flows: 1, packets: 0, bytes: 0},
		]);
	});

	it('skips a source row without a readable address', () => {
		const {aggregates, malformedRows} = mergeAggregateRows(
			{sources: [row({action: 'REJECT', srcAddr: '\u001B[31mevil', flows: '1'})]},
			topology,
		);
		expect(malformedRows).toBe(1);
		expect(aggregates.rejectedSources).toEqual([]);
	});
});

describe('parseInsightsTime', () => {
	it.each([
		['2023-11-14 22:14:00.000', 1_700_000_040],
		['2023-11-14T22:14:00Z', 1_700_000_040],
		['2023-11-14 22:14', 1_700_000_040],
		['1700000040', 1_700_000_040],
		['1700000040000', 1_700_000_040],
		['2023-13-14 22:14:00.000', undefined],
		['soon', undefined],
		[undefined, undefined],
	])('reads %s as %s', (text, expected) => {
		expect(parseInsightsTime(text)).toBe(expected);
	});
});
