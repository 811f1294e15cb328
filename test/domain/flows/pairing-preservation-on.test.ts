import {describe, expect, it} from 'vitest';
import {flowFormatOf} from '../../../source/domain/flows/flow-format.js';
import {parseFlowRecords} from '../../../source/domain/flows/flow-records.js';
import {pairConnections} from '../../../source/domain/flows/pairing.js';
import {
	client,
	dnsA,
	exchange,
	lbA,
	line,
	nlbTopology,
	only,
	records,
	t0,
	webA,
	webB,
} from './fixtures.js';

const preserving = nlbTopology({preserveClientIp: true});

describe('pairConnections, client IP preservation on', () => {
	it('NLB monitoring page: ACCEPT on the LB interface, REJECT on the instance interface', () => {
		// The instance's security group does not allow the client; the LB subnet's NACLs do.
		const lines = [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			line({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			line({
				eni: webA.interfaceId,
				src: client,
				sport: 40_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
				action: 'REJECT',
			}),
		];
		const connection = only(pairConnections(records(lines), preserving));
		expect(connection).toMatchObject({
			kind: 'exact',
			clientAddr: client,
			clientPort: 40_000,
			listenerPort: 80,
			targetAddr: webA.ip,
			targetPort: webA.port,
			protocol: 6,
			frontend: {role: 'frontend', action: 'ACCEPT'},
			backend: {role: 'backend', action: 'ACCEPT'},
			targetView: {role: 'target', action: 'REJECT'},
		});
	});

	it('joins exactly on client address and port, not on time alone', () => {
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
				src: client,
				sport: 40_001,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_001,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: webB.ip,
				dport: webB.port,
				start: t0,
			}),
		];
		const connections = pairConnections(records(lines), preserving);
		const byPort = new Map(connections.map((connection) => [connection.clientPort, connection]));
		expect(connections.every((connection) => connection.kind === 'exact')).toBe(true);
		expect(byPort.get(40_000)?.targetAddr).toBe(webB.ip);
		expect(byPort.get(40_001)?.targetAddr).toBe(webA.ip);
	});

	it('accepts a changed client port as likely (keeping the port end to end is undocumented)', () => {
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
				src: client,
				sport: 61_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
		];
		const connection = only(pairConnections(records(lines), preserving));
		expect(connection).toMatchObject({kind: 'likely', clientPort: 40_000, targetAddr: webA.ip});
	});

	it('reads the client from pkt-srcaddr when the LB interface logs its own address', () => {
		const format = flowFormatOf([
			'interface-id',
			'srcaddr',
			'dstaddr',
			'srcport',
			'dstport',
			'protocol',
			'packets',
			'bytes',
			'start',
			'end',
			'action',
			'log-status',
			'pkt-srcaddr',
		]);
		const row = (
			eni: string,
			src: string,
			sport: number,
			dst: string,
			dport: number,
			pkt: string,
		) => `${eni} ${src} ${dst} ${sport} ${dport} 6 4 400 ${t0} ${t0 + 60} ACCEPT OK ${pkt}`;
		const parsed = parseFlowRecords(
			[
				row(lbA.interfaceId, client, 40_000, lbA.ip, 80, client),
				row(lbA.interfaceId, lbA.ip, 40_000, webA.ip, webA.port, client),
				row(webA.interfaceId, client, 40_000, webA.ip, webA.port, client),
			],
			format,
		);
		const connection = only(pairConnections(parsed.records, preserving));
		expect(connection).toMatchObject({kind: 'exact', clientAddr: client, targetAddr: webA.ip});
		expect(connection.backend).toBeDefined();
		expect(connection.targetView).toBeDefined();
	});

	it('pairs UDP the same way', () => {
		const lines = [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 5555,
				dst: lbA.ip,
				dport: 53,
				protocol: 17,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 5555,
				dst: dnsA.ip,
				dport: dnsA.port,
				protocol: 17,
				start: t0,
			}),
			...exchange({
				eni: dnsA.interfaceId,
				src: client,
				sport: 5555,
				dst: dnsA.ip,
				dport: dnsA.port,
				protocol: 17,
				start: t0,
			}),
		];
		const connection = only(pairConnections(records(lines), preserving));
		expect(connection).toMatchObject({
			kind: 'exact',
			protocol: 17,
			listenerPort: 53,
			targetAddr: dnsA.ip,
			targetPort: dnsA.port,
		});
		expect(connection.targetView?.action).toBe('ACCEPT');
	});

	it('keeps a TCP leg and a UDP leg on the same ports apart', () => {
		const lines = [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 5555,
				dst: lbA.ip,
				dport: 80,
				protocol: 6,
				start: t0,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 5555,
				dst: dnsA.ip,
				dport: dnsA.port,
				protocol: 17,
				start: t0,
			}),
		];
		const connections = pairConnections(records(lines), preserving);
		expect(connections.map((connection) => connection.kind)).toEqual(['unpaired', 'unpaired']);
	});

	it('does not pair a health check from the LB address with a client connection, and names it', () => {
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
				sport: 33_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
		];
		const connections = pairConnections(records(lines), preserving);
		expect(connections.map((connection) => [connection.kind, connection.clientAddr])).toEqual([
			['unpaired', client],
			['health-check', lbA.ip],
		]);
	});

	it('pairs a port reused an hour later with the backend of its own time', () => {
		const spec = {eni: lbA.interfaceId, src: client, sport: 40_000};
		const lines = [
			...exchange({...spec, dst: lbA.ip, dport: 80, start: t0}),
			...exchange({...spec, dst: webA.ip, dport: webA.port, start: t0}),
			...exchange({...spec, dst: lbA.ip, dport: 80, start: t0 + 3600}),
			...exchange({...spec, dst: webB.ip, dport: webB.port, start: t0 + 3600}),
		];
		const connections = pairConnections(records(lines), preserving);
		expect(
			connections.map((connection) => [connection.kind, connection.start, connection.targetAddr]),
		).toEqual([
			['exact', t0 + 3600, webB.ip],
			['exact', t0, webA.ip],
		]);
	});

	it('pairs a connection spanning several aggregation intervals once', () => {
		const lines = [0, 60, 120, 180].flatMap((offset) => [
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0 + offset,
			}),
			...exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0 + offset,
			}),
		]);
		const connection = only(pairConnections(records(lines), preserving, {aggregationSeconds: 60}));
		expect(connection).toMatchObject({kind: 'exact', start: t0, end: t0 + 240});
		expect(connection.frontend?.forward?.records).toBe(4);
	});
});
