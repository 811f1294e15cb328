import {describe, expect, it} from 'vitest';
import {pairConnections} from '../../../source/domain/flows/pairing.js';
import {
	client,
	exchange,
	lbA,
	lbB,
	nlbTopology,
	only,
	otherClient,
	records,
	t0,
	webA,
	webB,
} from './fixtures.js';

const translating = nlbTopology({preserveClientIp: false});

describe('pairConnections, client IP preservation off', () => {
	it('joins the LB-sourced backend leg by interface and time, as likely', () => {
		const lines = [
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
				src: lbA.ip,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			...exchange({
				eni: webA.interfaceId,
				src: lbA.ip,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
		];
		const connection = only(pairConnections(records(lines), translating));
		expect(connection).toMatchObject({
			kind: 'likely',
			clientAddr: client,
			clientPort: 40_000,
			targetAddr: webA.ip,
			backend: {srcAddr: lbA.ip, srcPort: 51_000},
			targetView: {srcAddr: lbA.ip, srcPort: 51_000},
		});
	});

	// Both ways round, so a tie broken by anything but the shape fails one of them.
	it.each([
		{smallTarget: webA, largeTarget: webB},
		{smallTarget: webB, largeTarget: webA},
	])(
		'matches concurrent connections by their packet and byte shape (small to $smallTarget.ip)',
		({smallTarget, largeTarget}) => {
			const small = {packets: 4, bytes: 300};
			const large = {packets: 900, bytes: 1_200_000};
			const lines = [
				...exchange({
					eni: lbA.interfaceId,
					src: client,
					sport: 40_000,
					dst: lbA.ip,
					dport: 80,
					start: t0,
					...small,
				}),
				...exchange({
					eni: lbA.interfaceId,
					src: otherClient,
					sport: 50_000,
					dst: lbA.ip,
					dport: 80,
					start: t0,
					...large,
				}),
				...exchange({
					eni: lbA.interfaceId,
					src: lbA.ip,
					sport: 51_001,
					dst: largeTarget.ip,
					dport: 8080,
					start: t0,
					...large,
				}),
				...exchange({
					eni: lbA.interfaceId,
					src: lbA.ip,
					sport: 51_002,
					dst: smallTarget.ip,
					dport: 8080,
					start: t0,
					...small,
				}),
			];
			const connections = pairConnections(records(lines), translating);
			const byClient = new Map(
				connections.map((connection) => [connection.clientAddr, connection]),
			);
			expect(byClient.get(client)).toMatchObject({kind: 'likely', targetAddr: smallTarget.ip});
			expect(byClient.get(otherClient)).toMatchObject({kind: 'likely', targetAddr: largeTarget.ip});
		},
	);

	it('pairs within each AZ: every LB interface has its own private address', () => {
		const same = {packets: 10, bytes: 1000, start: t0};
		const lines = [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				...same,
			}),
			...exchange({
				eni: lbB.interfaceId,
				src: otherClient,
				sport: 50_000,
				dst: lbB.ip,
				dport: 80,
				...same,
			}),
			// Cross-zone: the node in AZ b sends to the target in AZ a.
			...exchange({
				eni: lbB.interfaceId,
				src: lbB.ip,
				sport: 52_000,
				dst: webA.ip,
				dport: webA.port,
				...same,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: lbA.ip,
				sport: 51_000,
				dst: webB.ip,
				dport: webB.port,
				...same,
			}),
		];
		const connections = pairConnections(records(lines), translating);
		const byClient = new Map(connections.map((connection) => [connection.clientAddr, connection]));
		expect(byClient.get(client)).toMatchObject({kind: 'likely', targetAddr: webB.ip});
		expect(byClient.get(client)?.frontend?.availabilityZone).toBe(lbA.zone);
		expect(byClient.get(otherClient)).toMatchObject({kind: 'likely', targetAddr: webA.ip});
		expect(byClient.get(otherClient)?.backend?.availabilityZone).toBe(lbB.zone);
	});

	it('joins a target view without a backend leg through the LB address it came from', () => {
		const lines = [
			...exchange({
				eni: lbB.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbB.ip,
				dport: 80,
				start: t0,
			}),
			...exchange({
				eni: webB.interfaceId,
				src: lbB.ip,
				sport: 51_000,
				dst: webB.ip,
				dport: webB.port,
				start: t0,
			}),
		];
		const connection = only(pairConnections(records(lines), translating));
		expect(connection).toMatchObject({kind: 'likely', targetAddr: webB.ip});
		expect(connection.backend).toBeUndefined();
	});

	it('does not join legs whose windows are far apart', () => {
		const lines = [
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
				src: lbA.ip,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0 + 1800,
			}),
		];
		const kinds = pairConnections(records(lines), translating).map((connection) => connection.kind);
		expect(kinds).toEqual(['unpaired', 'unpaired']);
	});
});
