// One ALB access log entry from its text. Bad input is reported, never thrown: a garbled line costs
// one skipped entry. Values with a documented shape (times, addresses, timings, status codes,
// byte counts) must have it; free text (user agent, URL, SNI name) is kept but sanitized and cut.
import type {RequestRecord} from '../types/access-log-records.js';
import {type AlbFieldName, albFieldIndex, albFields, albRequiredFields} from './alb-fields.js';
import {type LogField, splitFields} from './fields.js';
import {readRequestLine, withoutQuery} from './request-line.js';
import {
	entryId,
	type Read,
	readCount,
	readDuration,
	readEndpoint,
	readList,
	readStatus,
	readText,
	readTime,
	withoutUndefined,
} from './values.js';

export type EntryResult<Entry> =
	| {readonly ok: true; readonly entry: Entry}
	| {readonly ok: false; readonly reason: string};

export type AlbParseOptions = {
	/** Keep query strings (they carry tokens): only when the user asked to see them. */
	readonly keepQueries?: boolean;
};

class Malformed extends Error {}

function check<Value>(value: Read<Value>, name: AlbFieldName, shape: string): Value | undefined {
	if (value === null) {
		throw new Malformed(`${name} is not ${shape}`);
	}

	return value;
}

function required<Value>(value: Value | undefined, name: AlbFieldName): Value {
	if (value === undefined) {
		throw new Malformed(`${name} is missing`);
	}

	return value;
}

export function parseAlbEntry(
	line: string,
	options: AlbParseOptions = {},
): EntryResult<RequestRecord> {
	const fields = splitFields(line);
	if (fields.length < albRequiredFields) {
		return {ok: false, reason: `${fields.length} fields, at least ${albRequiredFields} expected`};
	}

	try {
		return {ok: true, entry: readEntry(line, fields, options.keepQueries === true)};
	} catch (error) {
		if (error instanceof Malformed) {
			return {ok: false, reason: error.message};
		}

		throw error;
	}
}

function readEntry(line: string, fields: readonly LogField[], keepQuery: boolean): RequestRecord {
	const field = (name: AlbFieldName): LogField | undefined => fields[albFieldIndex[name]];
	const text = (name: AlbFieldName): string => field(name)?.text ?? '-';
	for (const name of ['request', 'user_agent'] as const) {
		if (field(name)?.quoted !== true) {
			throw new Malformed(`${name} is not quoted`);
		}
	}

	const type = text('type');
	if (!/^[a-z0-9-]{1,16}$/i.test(type)) {
		throw new Malformed('type is not a request type');
	}

	const client = required(
		check(readEndpoint(text('client:port')), 'client:port', 'ip:port'),
		'client:port',
	);
	const target = check(readEndpoint(text('target:port')), 'target:port', 'ip:port');
	const seconds = (name: AlbFieldName) =>
		check(readDuration(text(name)), name, 'a number of seconds');
	const status = (name: AlbFieldName) => check(readStatus(text(name)), name, 'a status code');
	const bytes = (name: AlbFieldName) => check(readCount(text(name)), name, 'a byte count');
	const arn = text('target_group_arn');
	if (arn !== '-' && !arn.startsWith('arn:')) {
		throw new Malformed('target_group_arn is not an ARN');
	}

	const request = readRequestLine(text('request'), keepQuery);
	const redirect = readText(withoutQuery(text('redirect_url'), keepQuery), 1024);
	return withoutUndefined({
		id: entryId('r', line),
		type,
		time: required(check(readTime(text('time')), 'time', 'an ISO 8601 time'), 'time'),
		requestCreationTime: check(
			readTime(text('request_creation_time')),
			'request_creation_time',
			'an ISO 8601 time',
		),
		elb: readText(text('elb'), 128) ?? '-',
		clientAddr: client.addr,
		clientPort: client.port,
		targetAddr: target?.addr,
		targetPort: target?.port,
		requestProcessingTime: seconds('request_processing_time'),
		targetProcessingTime: seconds('target_processing_time'),
		responseProcessingTime: seconds('response_processing_time'),
		elbStatusCode: status('elb_status_code'),
		targetStatusCode: status('target_status_code'),
		receivedBytes: bytes('received_bytes'),
		sentBytes: bytes('sent_bytes'),
		...request,
		userAgent: readText(text('user_agent')),
		sslCipher: readText(text('ssl_cipher'), 128),
		sslProtocol: readText(text('ssl_protocol'), 32),
		targetGroupArn: readText(arn, 256),
		traceId: readText(text('trace_id'), 256),
		domainName: readText(text('domain_name'), 255),
		chosenCertArn: readText(text('chosen_cert_arn'), 256),
		matchedRulePriority: readText(text('matched_rule_priority'), 16),
		actionsExecuted: readList(text('actions_executed'), /,/),
		redirectUrl: redirect,
		errorReason: readText(text('error_reason'), 128),
		targetPortList: readList(text('target:port_list'), / /),
		targetStatusCodeList: readList(text('target_status_code_list'), / /),
		classification: readText(text('classification'), 64),
		classificationReason: readText(text('classification_reason'), 128),
		connTraceId: readText(text('conn_trace_id'), 128),
		extraFields: Math.max(0, fields.length - albFields.length),
	});
}
