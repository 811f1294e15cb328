// The accept/reject totals count every record in the window; the source and port tables count only
// the clients' records and only as many rows as the lists keep. What each table leaves out is
// counted, so every table adds up to the totals above it.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {aggregateRecords} from '../../../source/domain/flows/aggregate.js';
import {tableShares} from '../../../source/domain/flows/aggregate-shares.js';
import {combineAggregates} from '../../../source/domain/flows/combine-aggregates.js';
import type {FlowAggregates, TrafficTotals} from '../../../source/domain/types/flows.js';
import {client, exchange, lbA, nlbTopology, otherClient, records, t0, webA} from './fixtures.js';

const topology = nlbTopology({preserveClientIp: true});

/** One client connection (frontend, backend, target view: six records) and one health check. */
function incidentRecords() {
	const leg = (eni: string, src: string, sport: number, dst: string, dport: number) =>
		exchange({eni, src, sport, dst, dport, start: t0, packets: 5, bytes: 500});
	return records([
		...leg(lbA.interfaceId, client, 40_000, lbA.ip, 80),
		...leg(lbA.interfaceId, client, 40_000, webA.ip, webA.port),
		...leg(webA.interfaceId, client, 40_000, webA.ip, webA.port),
		...leg(lbA.interfaceId, lbA.ip, 33_000, webA.ip, webA.port),
		...leg(webA.interfaceId, lbA.ip, 33_000, webA.ip, webA.port),
	]);
}

const totals = (flows: number): TrafficTotals => ({flows, packets: flows * 5, bytes: flows * 500});

function withoutClients(aggregates: FlowAggregates): FlowAggregates {
	const {acceptedFromClients: _accepted, ...rest} = aggregates;
	return rest;
}

describe('tableShares', () => {
	it('splits the records: the client sent 3, the LB and the target sent the other 7', () => {
		const shares = tableShares(aggregateRecords(incidentRecords(), topology), 'ACCEPT');
		expect(shares).toEqual({
			total: totals(10),
			sources: totals(3),
			ports: totals(3),
			split: {
				fromClients: totals(3),
				own: totals(7),
				sourcesPast: totals(0),
				portsPast: totals(0),
			},
		});
	});

	it('counts what the source and port lists leave past their length', () => {
		const lines = [
			...exchange({eni: lbA.interfaceId, src: client, sport: 1, dst: lbA.ip, dport: 80, start: t0}),
			...exchange({eni: lbA.interfaceId, src: client, sport: 2, dst: lbA.ip, dport: 80, start: t0}),
			...exchange({
				eni: lbA.interfaceId,
				src: otherClient,
				sport: 3,
				dst: lbA.ip,
				dport: 53,
				protocol: 17,
				start: t0,
			}),
		];
		const aggregates = aggregateRecords(records(lines), topology, {limit: 1});
		expect(tableShares(aggregates, 'ACCEPT').split).toMatchObject({
			fromClients: {flows: 3},
			own: {flows: 3},
			sourcesPast: {flows: 1},
			portsPast: {flows: 1},
		});
	});

	it.each([
		{
			case: "aggregates that do not know the clients' records (a format without the source address)",
			aggregates: withoutClients(aggregateRecords(incidentRecords(), topology)),
		},
		{
			case: 'a part whose client records are not known, combined with one whose are',
			aggregates: combineAggregates([
				aggregateRecords(incidentRecords(), topology),
				withoutClients(aggregateRecords(incidentRecords(), topology)),
			]),
		},
		{
			case: 'parts that disagree (an unreadable row)',
			aggregates: {
				...aggregateRecords(incidentRecords(), topology),
				acceptedFromClients: totals(2),
			},
		},
	])('says only what is not listed for $case', ({aggregates}) => {
		const shares = tableShares(aggregates, 'ACCEPT');
		expect(shares.split).toBeUndefined();
		expect(shares.total.flows - shares.sources.flows).toBeGreaterThan(0);
	});

	it('adds up, whatever the records: own + listed + past the list = the total', () => {
		const addrs = [client, otherClient, lbA.ip, webA.ip, '192.0.2.9'];
		const recordArbitrary = fc.record({
			src: fc.constantFrom(...addrs),
			dst: fc.constantFrom(...addrs),
			dport: fc.constantFrom(22, 80, 443, 8080),
			eni: fc.constantFrom(lbA.interfaceId, webA.interfaceId),
			action: fc.constantFrom('ACCEPT' as const, 'REJECT' as const),
			packets: fc.integer({min: 1, max: 20}),
		});
		fc.assert(
			fc.property(
				fc.array(recordArbitrary, {maxLength: 40}),
				fc.integer({min: 1, max: 4}),
				(specs, limit) => {
					const lines = specs.map(
						(spec, index) =>
							exchange({...spec, sport: 40_000 + index, start: t0, bytes: spec.packets * 60})[0],
					);
					const aggregates = aggregateRecords(
						records(lines.filter((text) => text !== undefined)),
						topology,
						{limit},
					);
					for (const action of ['ACCEPT', 'REJECT'] as const) {
						const {total, sources, ports, split} = tableShares(aggregates, action);
						expect(split).toBeDefined();
						if (split !== undefined) {
							expect(split.own.flows + sources.flows + split.sourcesPast.flows).toBe(total.flows);
							expect(split.own.flows + ports.flows + split.portsPast.flows).toBe(total.flows);
							expect(split.own.bytes + sources.bytes + split.sourcesPast.bytes).toBe(total.bytes);
							const own = specs.filter(
								(spec) =>
									(spec.action === 'ACCEPT') === (action === 'ACCEPT') &&
									[lbA.ip, webA.ip].includes(spec.src),
							).length;
							expect(split.own.flows).toBe(own);
						}
					}
				},
			),
		);
	});
});
