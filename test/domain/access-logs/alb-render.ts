// ALB access log entries written the way the ALB user guide documents them, from random field
// values: the other side of the parser for the property tests.
import fc from 'fast-check';
import {albFields} from '../../../source/domain/access-logs/alb-fields.js';
import {withoutUndefined} from '../../../source/domain/access-logs/values.js';
import type {RequestRecord} from '../../../source/domain/types/access-log-records.js';

export type AlbValues = Omit<RequestRecord, 'id'> & {readonly extra: readonly string[]};

const option = <Value>(arbitrary: fc.Arbitrary<Value>) => fc.option(arbitrary, {nil: undefined});
const token = fc.stringMatching(/^[A-Za-z0-9._=-]{1,24}$/).filter((text) => text !== '-');
const address = fc.oneof(
	fc.ipV4(),
	fc.ipV6().map((text) => text.toLowerCase()),
);
const port = fc.integer({min: 1, max: 65_535});
const seconds = fc.integer({min: 0, max: 4_000_000}).map((ms) => ms / 1000);
const status = fc.integer({min: 100, max: 599});
const time = fc.integer({min: Date.UTC(2016, 0, 1), max: Date.UTC(2040, 0, 1)});
const host = fc.domain();
const pathText = fc.stringMatching(/^\/[A-Za-z0-9/._~%-]{0,40}$/);
/** Printable ASCII, quotes and backslashes included: the writer escapes them. */
export const freeText = fc
	.stringMatching(/^[ -~]{1,120}$/)
	.filter((text) => text !== '-' && text.trim() === text);
const arn = token.map(
	(name) =>
		`arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/0123456789abcdef`,
);

export const albValues: fc.Arbitrary<AlbValues> = fc
	.record({
		type: fc.constantFrom('http', 'https', 'h2', 'grpcs', 'ws', 'wss'),
		time,
		requestCreationTime: option(time),
		elb: fc.stringMatching(/^[a-z0-9-]{1,32}$/).map((name) => `app/${name}/50dc6c495c0c9188`),
		clientAddr: address,
		clientPort: port,
		target: option(fc.record({addr: address, port})),
		requestProcessingTime: option(seconds),
		targetProcessingTime: option(seconds),
		responseProcessingTime: option(seconds),
		elbStatusCode: option(status),
		targetStatusCode: option(status),
		receivedBytes: option(fc.nat()),
		sentBytes: option(fc.nat()),
		method: option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH')),
		url: option(fc.record({scheme: fc.constantFrom('http', 'https'), host, port, path: pathText})),
		query: option(fc.stringMatching(/^[A-Za-z0-9=&._-]{0,40}$/)),
		httpVersion: option(fc.constantFrom('HTTP/1.1', 'HTTP/2.0', 'HTTP/1.0')),
		userAgent: option(freeText),
		sslCipher: option(token),
		sslProtocol: option(fc.constantFrom('TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3')),
		targetGroupArn: option(arn),
		traceId: option(token),
		domainName: option(host),
		chosenCertArn: option(
			token.map((id) => `arn:aws:acm:us-east-1:123456789012:certificate/${id}`),
		),
		matchedRulePriority: option(fc.integer({min: -1, max: 50_000}).map(String)),
		actionsExecuted: fc.subarray(['waf', 'authenticate', 'forward', 'redirect', 'fixed-response']),
		redirectUrl: option(
			fc.tuple(host, pathText).map(([name, path]) => `https://${name}:443${path}`),
		),
		errorReason: option(token),
		targetPortList: fc.array(
			fc.tuple(address, port).map(([addr, number]) => `${addr}:${number}`),
			{maxLength: 3},
		),
		targetStatusCodeList: fc.array(status.map(String), {maxLength: 3}),
		classification: option(fc.constantFrom('Acceptable', 'Ambiguous', 'Severe')),
		classificationReason: option(token),
		connTraceId: option(token),
		extra: fc.array(token, {maxLength: 3}),
	})
	.map(({target, url, query, ...values}) => {
		const path = url === undefined ? undefined : url.path;
		return withoutUndefined({
			...values,
			targetAddr: target?.addr,
			targetPort: target?.port,
			scheme: url?.scheme,
			host: url?.host,
			port: url?.port,
			path,
			hasQuery: url !== undefined && query !== undefined,
			query: url === undefined ? undefined : query,
			extraFields: values.extra.length,
		});
	});

const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, -1)}000Z`;
const dash = (value: string | number | undefined): string =>
	value === undefined ? '-' : String(value);
const escaped = (text: string): string => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
const endpoint = (addr: string | undefined, number: number | undefined): string =>
	addr === undefined || number === undefined ? '-' : `${addr}:${number}`;

function requestText(values: AlbValues): string {
	const url =
		values.host === undefined
			? '-'
			: `${values.scheme}://${values.host}:${values.port}${values.path}${values.hasQuery ? `?${values.query}` : ''}`;
	return `${dash(values.method)} ${url} ${dash(values.httpVersion)}`;
}

export function renderAlb(values: AlbValues): string {
	const text: Record<string, string> = {
		type: values.type,
		time: iso(values.time),
		elb: values.elb,
		'client:port': endpoint(values.clientAddr, values.clientPort),
		'target:port': endpoint(values.targetAddr, values.targetPort),
		request_processing_time: values.requestProcessingTime?.toFixed(3) ?? '-1',
		target_processing_time: values.targetProcessingTime?.toFixed(3) ?? '-1',
		response_processing_time: values.responseProcessingTime?.toFixed(3) ?? '-1',
		elb_status_code: dash(values.elbStatusCode),
		target_status_code: dash(values.targetStatusCode),
		received_bytes: dash(values.receivedBytes),
		sent_bytes: dash(values.sentBytes),
		request: requestText(values),
		user_agent: escaped(dash(values.userAgent)),
		ssl_cipher: dash(values.sslCipher),
		ssl_protocol: dash(values.sslProtocol),
		target_group_arn: dash(values.targetGroupArn),
		trace_id: dash(values.traceId),
		domain_name: dash(values.domainName),
		chosen_cert_arn: dash(values.chosenCertArn),
		matched_rule_priority: dash(values.matchedRulePriority),
		request_creation_time:
			values.requestCreationTime === undefined ? '-' : iso(values.requestCreationTime),
		actions_executed: values.actionsExecuted.join(',') || '-',
		redirect_url: dash(values.redirectUrl),
		error_reason: dash(values.errorReason),
		'target:port_list': values.targetPortList.join(' ') || '-',
		target_status_code_list: values.targetStatusCodeList.join(' ') || '-',
		classification: dash(values.classification),
		classification_reason: dash(values.classificationReason),
		conn_trace_id: dash(values.connTraceId),
	};
	const fields = albFields.map(({name, quoted}) => {
		const value = text[name] ?? '-';
		return quoted ? `"${value}"` : value;
	});
	return [...fields, ...values.extra].join(' ');
}

/** What the parser should give back for these values (query kept). */
export function expectedRecord(values: AlbValues): Omit<RequestRecord, 'id'> {
	const {extra: _extra, ...record} = values;
	return record;
}
