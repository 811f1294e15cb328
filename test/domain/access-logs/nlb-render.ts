// NLB access log entries written the way the NLB user guide documents them, from random field
// values: the other side of the parser for the property tests.
import fc from 'fast-check';
import {withoutUndefined} from '../../../source/domain/access-logs/values.js';
import type {TlsConnectionRecord} from '../../../source/domain/types/access-log-records.js';

export type NlbValues = Omit<TlsConnectionRecord, 'id'> & {readonly extra: readonly string[]};

const option = <Value>(arbitrary: fc.Arbitrary<Value>) => fc.option(arbitrary, {nil: undefined});
const token = fc.stringMatching(/^[A-Za-z0-9._=-]{1,24}$/).filter((text) => text !== '-');
const address = fc.oneof(
	fc.ipV4(),
	fc.ipV6().map((text) => text.toLowerCase()),
);
const port = fc.integer({min: 1, max: 65_535});
const time = fc.integer({min: Date.UTC(2016, 0, 1), max: Date.UTC(2040, 0, 1)});

export const nlbValues: fc.Arbitrary<NlbValues> = fc
	.record({
		type: fc.constant('tls'),
		version: fc.constantFrom('1.0', '2.0'),
		time,
		elb: fc.stringMatching(/^[a-z0-9-]{1,32}$/).map((name) => `net/${name}/c6e77e28c25b2234`),
		listener: fc.stringMatching(/^[0-9a-f]{16}$/),
		clientAddr: address,
		clientPort: port,
		destinationAddr: address,
		destinationPort: port,
		connectionTimeMs: option(fc.integer({min: 0, max: 10_000_000})),
		handshakeTimeMs: option(fc.integer({min: 0, max: 100_000})),
		receivedBytes: option(fc.nat()),
		sentBytes: option(fc.nat()),
		incomingTlsAlert: option(fc.integer({min: 0, max: 255})),
		chosenCertArn: option(
			token.map((id) => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`),
		),
		chosenCertSerial: option(token),
		tlsCipher: option(token),
		tlsProtocolVersion: option(fc.constantFrom('tlsv10', 'tlsv11', 'tlsv12', 'tlsv13')),
		tlsNamedGroup: option(token),
		domainName: option(fc.domain()),
		alpnFrontendProtocol: option(fc.constantFrom('h2', 'http/1.1', 'http/1.0')),
		alpnBackendProtocol: option(fc.constantFrom('h2', 'http/1.1', 'http/1.0')),
		alpnClientPreferences: fc.subarray(['h2', 'http/1.1', 'http/1.0']),
		tlsConnectionCreationTime: option(time),
		extra: fc.array(token, {maxLength: 3}),
	})
	.map((values) => withoutUndefined({...values, extraFields: values.extra.length}));

const dash = (value: string | number | undefined): string =>
	value === undefined ? '-' : String(value);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function renderNlb(values: NlbValues): string {
	const preferences = values.alpnClientPreferences.map((name) => `"${name}"`).join(',');
	return [
		values.type,
		values.version,
		iso(values.time),
		values.elb,
		values.listener,
		`${values.clientAddr}:${values.clientPort}`,
		`${values.destinationAddr}:${values.destinationPort}`,
		dash(values.connectionTimeMs),
		dash(values.handshakeTimeMs),
		dash(values.receivedBytes),
		dash(values.sentBytes),
		dash(values.incomingTlsAlert),
		dash(values.chosenCertArn),
		dash(values.chosenCertSerial),
		dash(values.tlsCipher),
		dash(values.tlsProtocolVersion),
		dash(values.tlsNamedGroup),
		values.domainName === undefined ? '-' : encodeURIComponent(values.domainName),
		dash(values.alpnFrontendProtocol && encodeURIComponent(values.alpnFrontendProtocol)),
		dash(values.alpnBackendProtocol && encodeURIComponent(values.alpnBackendProtocol)),
		preferences === '' ? '-' : encodeURIComponent(preferences),
		values.tlsConnectionCreationTime === undefined ? '-' : iso(values.tlsConnectionCreationTime),
		...values.extra,
	].join(' ');
}

/** What the parser should give back: times at the second the NLB writes them. */
export function expectedTlsRecord(values: NlbValues): Omit<TlsConnectionRecord, 'id'> {
	const {extra: _extra, ...record} = values;
	const second = (ms: number) => Math.floor(ms / 1000) * 1000;
	return {
		...record,
		time: second(record.time),
		...(record.tlsConnectionCreationTime === undefined
			? {}
			: {tlsConnectionCreationTime: second(record.tlsConnectionCreationTime)}),
	};
}
