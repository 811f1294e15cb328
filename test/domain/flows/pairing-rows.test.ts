import {describe, expect, it} from 'vitest';
import {pairConnections} from '../../../source/domain/flows/pairing.js';
import {
	client,
	exchange,
	lbA,
	lbB,
	line,
	nlbTopology,
	otherClient,
	records,
	t0,
	webA,
	webB,
} from './fixtures.js';

const preserving = nlbTopology({preserveClientIp: true});

describe('pairConnections, unpaired legs and ordering', () => {
	it('keeps legs without a partner as unpaired rows', () => {
		const lines = [
			// Frontend accepted, no backend leg at all.
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			// A scan of the LB on a port that is no listener, rejected at the LB.
			line({
				eni: lbA.interfaceId,
				src: otherClient,
				sport: 6000,
				dst: lbA.ip,
				dport: 22,
				start: t0,
				action: 'REJECT',
			}),
			// A backend leg from another client with nothing on the frontend.
			line({
				eni: webB.interfaceId,
				src: '192.0.2.50',
				sport: 7000,
				dst: webB.ip,
				dport: webB.port,
				start: t0,
				action: 'REJECT',
			}),
		];
		const connections = pairConnections(records(lines), preserving);
		expect(connections).toHaveLength(3);
		expect(connections.every((connection) => connection.kind === 'unpaired')).toBe(true);
		expect(connections.find((connection) => connection.listenerPort === 22)?.frontend?.action).toBe(
			'REJECT',
		);
		expect(connections.find((connection) => connection.clientAddr === '192.0.2.50')).toMatchObject({
			targetAddr: webB.ip,
			targetView: {action: 'REJECT'},
		});
	});

	it('sorts REJECT rows first, then the newest', () => {
		const lines = [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 1,
				dst: lbA.ip,
				dport: 80,
				start: t0 + 300,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 2,
				dst: lbA.ip,
				dport: 80,
				start: t0,
				action: 'REJECT',
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 3,
				dst: lbA.ip,
				dport: 80,
				start: t0 + 600,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 4,
				dst: lbA.ip,
				dport: 80,
				start: t0 + 60,
				action: 'REJECT',
			}),
		];
		const ports = pairConnections(records(lines), preserving).map(
			(connection) => connection.clientPort,
		);
		expect(ports).toEqual([4, 2, 3, 1]);
	});

	it('gives the same ids on every refresh and distinct ids to distinct rows', () => {
		const first = [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_001,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
		];
		const later = [
			...first,
			...exchange({
				eni: lbB.interfaceId,
				src: otherClient,
				sport: 9,
				dst: lbB.ip,
				dport: 80,
				start: t0 + 120,
			}),
		];
		const before = pairConnections(records(first), preserving).map((connection) => connection.id);
		const after = pairConnections(records([...later].reverse()), preserving).map(
			(connection) => connection.id,
		);
		expect(new Set(before).size).toBe(before.length);
		expect(after).toEqual(expect.arrayContaining(before));
		expect(after).toHaveLength(before.length + 1);
	});
});
