import {describe, expect, it} from 'vitest';
import {parseNlbEntry} from '../../../source/domain/access-logs/nlb-entry.js';
import {parseNlbEntries} from '../../../source/domain/access-logs/parse-entries.js';
import type {TlsConnectionRecord} from '../../../source/domain/types/access-log-records.js';

const cert = 'arn:aws:acm:us-east-2:671290407336:certificate/2a108f19-aded-46b0-8493-c63eb1ef4a99';
/** The NLB user guide's examples (without and with an ALPN policy). */
const withoutAlpn = `tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - ${cert} - ECDHE-RSA-AES128-SHA tlsv12 - my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com - - -`;
const withAlpn = `tls 2.0 2020-04-01T08:51:42 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - ${cert} - ECDHE-RSA-AES128-SHA tlsv12 - my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com h2 h2 "h2","http/1.1" 2020-04-01T08:51:20`;

function parsed(line: string): TlsConnectionRecord {
	const result = parseNlbEntry(line);
	if (!result.ok) {
		throw new Error(result.reason);
	}

	return result.entry;
}

describe('NLB access log entries', () => {
	it('reads the documented example, its time without a zone as UTC', () => {
		expect(parsed(withoutAlpn)).toMatchObject({
			type: 'tls',
			version: '2.0',
			time: Date.UTC(2018, 11, 20, 2, 59, 40),
			elb: 'net/my-network-loadbalancer/c6e77e28c25b2234',
			listener: 'g3d4b5e8bb8464cd',
			clientAddr: '72.21.218.154',
			clientPort: 51_341,
			destinationAddr: '172.100.100.185',
			destinationPort: 443,
			connectionTimeMs: 5,
			handshakeTimeMs: 2,
			receivedBytes: 98,
			sentBytes: 246,
			chosenCertArn: cert,
			tlsCipher: 'ECDHE-RSA-AES128-SHA',
			tlsProtocolVersion: 'tlsv12',
			domainName: 'my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com',
			alpnClientPreferences: [],
			extraFields: 0,
		});
	});

	it('reads the ALPN fields and the connection creation time', () => {
		expect(parsed(withAlpn)).toMatchObject({
			alpnFrontendProtocol: 'h2',
			alpnBackendProtocol: 'h2',
			alpnClientPreferences: ['h2', 'http/1.1'],
			tlsConnectionCreationTime: Date.UTC(2020, 3, 1, 8, 51, 20),
		});
	});

	it('reads a failed handshake: alert, no cipher, no protocol, no handshake time', () => {
		const failed = withoutAlpn
			.replace(' 5 2 98 246 - ', ' 3 - 120 0 40 ')
			.replace(`${cert} - ECDHE-RSA-AES128-SHA tlsv12`, '- - - -');
		const entry = parsed(failed);
		expect(entry.incomingTlsAlert).toBe(40);
		for (const key of ['handshakeTimeMs', 'tlsCipher', 'tlsProtocolVersion', 'chosenCertArn']) {
			expect(entry).not.toHaveProperty(key);
		}
	});

	it('URL-decodes the SNI name and strips what a hostile client put in it', () => {
		const entry = parsed(
			withoutAlpn.replace(
				/ my-network-loadbalancer-\S+/,
				' evil%1B%5D52%3Bc%3BZXZpbA%3D%3D%07.example.com',
			),
		);
		expect(entry.domainName).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(entry.domainName).toContain('.example.com');
	});

	it('ignores fields newer than lbtop and reads an entry that ends at domain_name', () => {
		expect(parsed(`${withAlpn} new1 new2`).extraFields).toBe(2);
		expect(parsed(withoutAlpn.replace(/ - - -$/, '')).alpnClientPreferences).toEqual([]);
	});

	it.each([
		['too few fields', 'tls 2.0 2018-12-20T02:59:40'],
		['a bad time', withoutAlpn.replace('2018-12-20T02:59:40', 'now')],
		['a bad client', withoutAlpn.replace('72.21.218.154:51341', 'nobody')],
		['a bad handshake time', withoutAlpn.replace(' 5 2 98', ' 5 fast 98')],
		['a bad alert', withoutAlpn.replace('246 - ', '246 boom ')],
		['not an NLB header', withoutAlpn.replace('tls 2.0', 'tls two')],
	])('rejects %s', (_name, line) => {
		expect(parseNlbEntry(line).ok).toBe(false);
	});

	it('counts malformed lines', () => {
		const result = parseNlbEntries([withoutAlpn, 'x', withAlpn, '']);
		expect(result).toMatchObject({malformed: 1});
		expect(result.entries).toHaveLength(2);
	});
});
