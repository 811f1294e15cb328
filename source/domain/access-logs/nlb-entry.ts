// One NLB access log entry (a TLS connection on a TLS listener) from its text; bad input is
// reported, never thrown. Fields are in the documented order (NLB user guide, "Access log
// entries"; aws-facts-s3.md §4); AWS appends new fields, so extra trailing ones are ignored and
// an older entry may end after `domain_name`. Nothing is quoted; the SNI name and the ALPN list are
// URL-encoded.
import type {TlsConnectionRecord} from '../types/access-log-records.js';
import type {EntryResult} from './alb-entry.js';
import {splitPlain} from './fields.js';
import {
	clean,
	entryId,
	type Read,
	readCount,
	readDuration,
	readEndpoint,
	readText,
	readTime,
	urlDecoded,
	withoutUndefined,
} from './values.js';

export const nlbFields = [
	'type',
	'version',
	'time',
	'elb',
	'listener',
	'client:port',
	'destination:port',
	'connection_time',
	'tls_handshake_time',
	'received_bytes',
	'sent_bytes',
	'incoming_tls_alert',
	'chosen_cert_arn',
	'chosen_cert_serial',
	'tls_cipher',
	'tls_protocol_version',
	'tls_named_group',
	'domain_name',
	'alpn_fe_protocol',
	'alpn_be_protocol',
	'alpn_client_preference_list',
	'tls_connection_creation_time',
] as const;

export type NlbFieldName = (typeof nlbFields)[number];

export const nlbRequiredFields = nlbFields.indexOf('domain_name') + 1;

export function parseNlbEntry(line: string): EntryResult<TlsConnectionRecord> {
	const fields = splitPlain(line);
	if (fields.length < nlbRequiredFields) {
		return {ok: false, reason: `${fields.length} fields, at least ${nlbRequiredFields} expected`};
	}

	const text = (name: NlbFieldName): string => fields[nlbFields.indexOf(name)] ?? '-';
	const problems: string[] = [];
	const check = <Value>(value: Read<Value>, name: NlbFieldName, shape: string) => {
		if (value === null) {
			problems.push(`${name} is not ${shape}`);
			return undefined;
		}

		return value;
	};

	const time = check(readTime(text('time')), 'time', 'an ISO 8601 time');
	const client = check(readEndpoint(text('client:port')), 'client:port', 'ip:port');
	const destination = check(readEndpoint(text('destination:port')), 'destination:port', 'ip:port');
	const duration = (name: NlbFieldName) => check(readDuration(text(name)), name, 'milliseconds');
	const bytes = (name: NlbFieldName) => check(readCount(text(name)), name, 'a byte count');
	const entry = withoutUndefined({
		id: entryId('t', line),
		type: text('type'),
		version: text('version'),
		time: time ?? 0,
		elb: readText(text('elb'), 128) ?? '-',
		listener: readText(text('listener'), 128) ?? '-',
		clientAddr: client?.addr ?? '-',
		clientPort: client?.port ?? 0,
		destinationAddr: destination?.addr ?? '-',
		destinationPort: destination?.port ?? 0,
		connectionTimeMs: duration('connection_time'),
		handshakeTimeMs: duration('tls_handshake_time'),
		receivedBytes: bytes('received_bytes'),
		sentBytes: bytes('sent_bytes'),
		incomingTlsAlert: check(
			readAlert(text('incoming_tls_alert')),
			'incoming_tls_alert',
			'an alert',
		),
		chosenCertArn: readText(text('chosen_cert_arn'), 256),
		chosenCertSerial: readText(text('chosen_cert_serial'), 128),
		tlsCipher: readText(text('tls_cipher'), 128),
		tlsProtocolVersion: readText(text('tls_protocol_version'), 16)?.toLowerCase(),
		tlsNamedGroup: readText(text('tls_named_group'), 64),
		domainName: readText(urlDecoded(text('domain_name')), 255),
		alpnFrontendProtocol: readText(urlDecoded(text('alpn_fe_protocol')), 32),
		alpnBackendProtocol: readText(urlDecoded(text('alpn_be_protocol')), 32),
		alpnClientPreferences: alpnList(text('alpn_client_preference_list')),
		tlsConnectionCreationTime: check(
			readTime(text('tls_connection_creation_time')),
			'tls_connection_creation_time',
			'an ISO 8601 time',
		),
		extraFields: Math.max(0, fields.length - nlbFields.length),
	});
	if (!/^[a-z0-9]{1,16}$/i.test(entry.type) || !/^\d+(?:\.\d+)*$/.test(entry.version)) {
		problems.push('type and version are not an NLB entry header');
	}

	if (time === undefined || client === undefined || destination === undefined) {
		problems.push('time, client:port and destination:port are required');
	}

	const [first] = problems;
	return first === undefined ? {ok: true, entry} : {ok: false, reason: first};
}

/** The alert number; the format is documented as an integer, hex is read too (UNVERIFIED). */
function readAlert(text: string): Read<number> {
	if (text === '-') {
		return undefined;
	}

	if (/^\d{1,3}$/.test(text)) {
		return Number(text);
	}

	return /^0x[0-9a-f]{1,2}$/i.test(text) ? Number.parseInt(text.slice(2), 16) : null;
}

/** `"h2","http/1.1"` (URL-encoded, each protocol quoted, cut by AWS at 256 bytes). */
function alpnList(text: string): string[] {
	if (text === '-') {
		return [];
	}

	return urlDecoded(text)
		.split(',')
		.map((item) => item.replace(/^"|"$/g, ''))
		.filter((item) => item !== '')
		.slice(0, 16)
		.map((item) => clean(item, 32));
}
