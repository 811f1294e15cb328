// Records whose aggregates tie: one scanner rejected as often at a target (seen first) as at the LB,
// others rejected as often, accepted clients with equal traffic, a NODATA row, an interface off the
// path, and a record without an action. Ties are where an aggregation's order shows.
import type {FlowAggregates} from '../../../source/domain/types/flows.js';
import {lbA, lbB, line, t0, webA} from './fixtures.js';

function probe(eni: string, src: string, dst: string, dport: number, start: number): string {
	return line({eni, src, sport: 6000, dst, dport, start, packets: 1, bytes: 40, action: 'REJECT'});
}

export const tieLines: readonly string[] = [
	probe(lbA.interfaceId, '192.0.2.67', lbA.ip, 23, t0),
	probe(webA.interfaceId, '192.0.2.66', webA.ip, 8080, t0 + 60),
	probe(lbA.interfaceId, '192.0.2.66', lbA.ip, 22, t0),
	probe(lbB.interfaceId, '192.0.2.68', lbB.ip, 22, t0 + 61),
	line({eni: lbA.interfaceId, src: '9.0.0.1', sport: 1000, dst: lbA.ip, dport: 80, start: t0 + 5}),
	line({
		eni: lbB.interfaceId,
		src: '10.0.0.1',
		sport: 1000,
		dst: lbB.ip,
		dport: 80,
		start: t0 + 65,
	}),
	line({eni: lbA.interfaceId, src: lbA.ip, sport: 80, dst: '9.0.0.1', dport: 1000, start: t0 + 5}),
	`2 123456789012 ${lbA.interfaceId} - - - - - - - ${t0} ${t0 + 60} - NODATA`,
	line({
		eni: 'eni-0elsewhere000000',
		src: '9.0.0.2',
		sport: 1,
		dst: '10.9.9.9',
		dport: 443,
		start: t0,
	}),
	line({
		eni: lbA.interfaceId,
		src: '9.0.0.1',
		sport: 1001,
		dst: lbA.ip,
		dport: 443,
		start: t0,
	}).replace(' ACCEPT ', ' - '),
];

/** The aggregates in short lines, in their order: what the tie tests pin down. */
export function aggregateSummary(aggregates: FlowAggregates): readonly string[] {
	const sums = (entry: {flows: number; packets: number; bytes: number}) =>
		`${entry.flows}/${entry.packets}/${entry.bytes}`;
	return [
		`accepted ${sums(aggregates.accepted)} rejected ${sums(aggregates.rejected)}`,
		...[...aggregates.acceptedSources, ...aggregates.rejectedSources].map(
			(source) => `source ${source.addr} ${source.where ?? '-'} ${sums(source)} [${source.ports}]`,
		),
		...[...aggregates.acceptedPorts, ...aggregates.rejectedPorts].map(
			(port) => `port ${port.port} ${port.where ?? '-'} ${sums(port)}`,
		),
		...aggregates.interfaces.map(
			(entry) =>
				`interface ${entry.interfaceId} ${entry.availabilityZone ?? '-'} ${entry.action} ${sums(entry)}`,
		),
		...aggregates.timeline.map(
			(bucket) =>
				`bucket ${bucket.start} ${bucket.accepted}/${bucket.rejected}/${bucket.bytes} ${bucket.precision}`,
		),
		`every ${aggregates.bucketSeconds} s, ${aggregates.precision}`,
	];
}
