// What a join needs. A frontend leg the LB never forwarded (it rejected it, or no listener serves
// its port) has no backend leg, so it is never joined to one; a `likely` join is claimed only when
// the two legs are each other's only fitting candidate, and where several fit every one says so.
import {describe, expect, it} from 'vitest';
import {pairConnections} from '../../../source/domain/flows/pairing.js';
import {
	client,
	exchange,
	type LineSpec,
	lbA,
	line,
	nlbTopology,
	otherClient,
	records,
	t0,
	webA,
	webB,
} from './fixtures.js';

const translating = nlbTopology({preserveClientIp: false});
const preserving = nlbTopology({preserveClientIp: true});
const probeSource = '2.125.160.62';

type Exchange = Partial<LineSpec> & {readonly replyAction?: 'ACCEPT' | 'REJECT'};

function frontend(src: string, dport: number, extra: Exchange = {}): string[] {
	return exchange({
		eni: lbA.interfaceId,
		src,
		sport: 52_641,
		dst: lbA.ip,
		dport,
		start: t0,
		...extra,
	});
}

/** The LB's backend leg from its own address (preservation off), as its interface logs it. */
function lbBackend(sport: number, extra: Partial<LineSpec> = {}): string[] {
	return exchange({
		eni: lbA.interfaceId,
		src: lbA.ip,
		sport,
		dst: webA.ip,
		dport: webA.port,
		start: t0,
		...extra,
	});
}

/** The LB's health check of the target: a handshake and a close, no payload. */
const healthCheck = line({
	eni: lbA.interfaceId,
	src: lbA.ip,
	sport: 51_002,
	dst: webA.ip,
	dport: webA.port,
	packets: 3,
	bytes: 164,
	start: t0,
});

function probe(dport: number, action: 'ACCEPT' | 'REJECT'): string[] {
	return [
		line({
			eni: lbA.interfaceId,
			src: probeSource,
			sport: 52_641,
			dst: lbA.ip,
			dport,
			packets: 1,
			bytes: 44,
			start: t0,
			end: t0,
			action,
		}),
	];
}

/** Each row as "kind client:port listener>target (candidates)". */
function rows(lines: readonly string[], topology = translating): string[] {
	return pairConnections(records(lines), topology)
		.map(
			(row) =>
				`${row.kind} ${row.clientAddr}:${row.clientPort} ${row.listenerPort ?? '-'}>${row.targetAddr ?? '-'}${row.candidates === undefined ? '' : ` (${row.candidates})`}`,
		)
		.sort();
}

describe('pairConnections: what a join needs', () => {
	it.each([
		{
			case: 'a probe the LB rejected, to a port with no listener, and a backend leg at the same time',
			lines: [...probe(22, 'REJECT'), ...lbBackend(51_000, {packets: 1, bytes: 44})],
			expected: [`unpaired ${lbA.ip}:51000 ->${webA.ip}`, `unpaired ${probeSource}:52641 22>-`],
		},
		{
			case: "a probe the LB's security group rejected on a listener port",
			lines: [...probe(80, 'REJECT'), ...lbBackend(51_000, {packets: 1, bytes: 44})],
			expected: [`unpaired ${lbA.ip}:51000 ->${webA.ip}`, `unpaired ${probeSource}:52641 80>-`],
		},
		{
			case: 'a probe the LB let in, to a port with no listener',
			lines: [...probe(8080, 'ACCEPT'), ...lbBackend(51_000, {packets: 1, bytes: 44})],
			expected: [`unpaired ${lbA.ip}:51000 ->${webA.ip}`, `unpaired ${probeSource}:52641 8080>-`],
		},
		{
			case: 'a real connection keeps its backend leg when a probe arrives with it',
			lines: [...probe(22, 'REJECT'), ...frontend(client, 80), ...lbBackend(51_000)],
			expected: [`likely ${client}:52641 80>${webA.ip}`, `unpaired ${probeSource}:52641 22>-`],
		},
		{
			case: 'preservation on: a probe from the same client port to a closed port is not the exact pair',
			topology: preserving,
			lines: [
				...frontend(client, 22, {action: 'REJECT', replyAction: 'REJECT', packets: 1, bytes: 44}),
				...frontend(client, 80, {start: t0 + 30}),
				...exchange({
					eni: lbA.interfaceId,
					src: client,
					sport: 52_641,
					dst: webA.ip,
					dport: webA.port,
					start: t0,
				}),
			],
			expected: [`exact ${client}:52641 80>${webA.ip}`, `unpaired ${client}:52641 22>-`],
		},
		{
			case: 'two clients alike at once on one interface: neither join is claimed, each says 2 fit',
			lines: [
				...frontend(client, 80),
				...frontend(otherClient, 80),
				...lbBackend(51_000),
				...exchange({
					eni: lbA.interfaceId,
					src: lbA.ip,
					sport: 51_001,
					dst: webB.ip,
					dport: webB.port,
					start: t0,
				}),
			],
			expected: [
				`ambiguous ${lbA.ip}:51000 ->${webA.ip} (2)`,
				`ambiguous ${lbA.ip}:51001 ->${webB.ip} (2)`,
				`ambiguous ${client}:52641 80>- (2)`,
				`ambiguous ${otherClient}:52641 80>- (2)`,
			],
		},
		{
			case: 'a health check does not fit a client connection through a TCP listener, which the LB forwards as it came',
			lines: [...frontend(client, 80), ...lbBackend(51_000), healthCheck],
			expected: [`likely ${client}:52641 80>${webA.ip}`, `unpaired ${lbA.ip}:51002 ->${webA.ip}`],
		},
		{
			case: 'a packet rejected after the connection closed does not change its shape',
			lines: [
				...frontend(client, 80),
				line({
					eni: lbA.interfaceId,
					src: client,
					sport: 52_641,
					dst: lbA.ip,
					dport: 80,
					packets: 1,
					bytes: 40,
					start: t0 + 70,
					action: 'REJECT',
				}),
				...lbBackend(51_000),
				healthCheck,
			],
			expected: [`likely ${client}:52641 80>${webA.ip}`, `unpaired ${lbA.ip}:51002 ->${webA.ip}`],
		},
	])('$case', ({lines, expected, topology}) => {
		expect(rows(lines, topology)).toEqual(expected);
	});
});
