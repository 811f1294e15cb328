import {describe, expect, it} from 'vitest';
import {aggregateTls, TlsAccumulator} from '../../../source/domain/access-logs/tls-accumulator.js';
import {isOldTlsProtocol} from '../../../source/domain/access-logs/tls-names.js';
import {many, minute, now, tls, without} from './request-builder.js';

const window = {start: now - 10 * minute, end: now};

describe('TLS connections per listener', () => {
	it('gives handshake percentiles, protocol, cipher and SNI mix', () => {
		const view = aggregateTls(
			[
				...many(9, (index) => tls({handshakeTimeMs: 5 + index})),
				tls({handshakeTimeMs: 400, tlsProtocolVersion: 'tlsv10', domainName: 'old.example.com'}),
				tls({listener: 'other-listener'}),
			],
			{precision: 'provisional', coverage: window},
		);
		expect(view.listeners.map((row) => [row.listener, row.connections])).toEqual([
			['g3d4b5e8bb8464cd', 10],
			['other-listener', 1],
		]);
		const [row] = view.listeners;
		expect(row?.handshake).toMatchObject({count: 10, max: 400});
		expect(row?.handshake.p50).toBeCloseTo(9, 0);
		expect(row?.perMinute).toBe(1);
		expect(row?.oldProtocol).toBe(1);
		expect(row?.protocols.top).toEqual([
			{name: 'tlsv12', count: 9},
			{name: 'tlsv10', count: 1},
		]);
		expect(row?.sniNames.top.map((entry) => entry.name)).toEqual([
			'api.example.com',
			'old.example.com',
		]);
		expect(row?.ciphers.top).toEqual([{name: 'ECDHE-RSA-AES128-GCM-SHA256', count: 10}]);
	});

	it('tells a failed handshake from a connection that never sent a ClientHello', () => {
		const failed = without(
			tls({incomingTlsAlert: 40, time: now - 4 * minute}),
			'tlsCipher',
			'tlsProtocolVersion',
			'handshakeTimeMs',
		);
		const unknownCa = without(
			tls({incomingTlsAlert: 48}),
			'tlsCipher',
			'tlsProtocolVersion',
			'handshakeTimeMs',
			'chosenCertArn',
		);
		const probe = without(
			tls(),
			'tlsCipher',
			'tlsProtocolVersion',
			'handshakeTimeMs',
			'chosenCertArn',
			'domainName',
		);
		const closed = tls({incomingTlsAlert: 0});
		const [row] = aggregateTls([failed, unknownCa, probe, closed], {precision: 'exact'}).listeners;
		expect(row).toMatchObject({
			connections: 4,
			failedHandshakes: 2,
			withoutClientHello: 1,
			firstFailure: now - 4 * minute,
			lastFailure: now - minute,
		});
		expect(row?.alerts.top).toEqual([
			{name: 'handshake_failure (40)', count: 1},
			{name: 'unknown_ca (48)', count: 1},
		]);
		expect(row?.handshake.count).toBe(1);
	});

	it('keeps the SNI list bounded against clients sending random names', () => {
		const accumulator = new TlsAccumulator();
		for (let index = 0; index < 5000; index++) {
			accumulator.add(tls({domainName: `x${index}.example.com`}));
		}

		const [row] = accumulator.view({precision: 'exact'}).listeners;
		expect(row?.sniNames.top).toHaveLength(10);
		expect((row?.sniNames.other ?? 0) + 10).toBe(5000);
	});

	it('merges intervals', () => {
		const [a, b] = [new TlsAccumulator(), new TlsAccumulator()];
		a.add(tls({time: now - 6 * minute}));
		b.add(tls({tlsProtocolVersion: 'tlsv11'}));
		a.merge(b);
		expect(a.view({precision: 'exact'}).listeners[0]).toMatchObject({
			connections: 2,
			oldProtocol: 1,
			firstSeen: now - 6 * minute,
		});
	});

	it.each([
		['tlsv10', true],
		['tlsv11', true],
		['TLSv1', true],
		['TLSv1.1', true],
		['SSLv3', true],
		['tlsv12', false],
		['TLSv1.2', false],
		['TLSv1.3', false],
	])('%s is an old protocol: %s', (protocol, old) => {
		expect(isOldTlsProtocol(protocol)).toBe(old);
	});
});
