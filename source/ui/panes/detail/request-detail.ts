// One ALB request with every field of its access log entry, named as the ALB user guide names
// them, so what the screen says can be searched for in the logs or asked of Athena. The query
// string stays hidden unless the user asked to see them: it carries tokens.
import type {RequestRecord} from '../../../domain/snapshot.js';
import {formatNumber} from '../../../domain/units.js';
import {requestText, secondsCell, statusText} from '../access-log-cells.js';
import {type Line, line, seg} from '../line.js';
import {clockText} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';

const nameWidth = 26;

type Field = readonly [name: string, value: string | undefined];

function fieldLine([name, value]: Field): Line {
	return [seg(name.padEnd(nameWidth), 'dim'), seg(value ?? '-')];
}

const list = (values: readonly string[]) => (values.length === 0 ? undefined : values.join(' '));
const bytes = (value: number | undefined) =>
	value === undefined ? undefined : formatNumber(value);
const seconds = (value: number | undefined) =>
	value === undefined ? '-1 (none)' : `${value} (${secondsCell(value)})`;

function requestField(record: RequestRecord, context: PaneContext): string {
	const authority =
		record.host === undefined
			? ''
			: `${record.scheme ?? '-'}://${record.host}${record.port === undefined ? '' : `:${record.port}`}`;
	const path = record.path ?? '-';
	const query = record.hasQuery
		? record.query === undefined
			? `?${context.glyphs.ellipsis} (query string hidden: it can carry tokens)`
			: `?${record.query}`
		: '';
	return `${record.method ?? '-'} ${authority}${path}${query} ${record.httpVersion ?? '-'}`;
}

export function requestTitle(record: RequestRecord, context: PaneContext): Line {
	return [
		seg(`${clockText(record.time, context)} `, 'bold'),
		seg(`${statusText(record)} `, (record.elbStatusCode ?? 0) >= 500 ? 'red' : 'bold'),
		seg(requestText(record, context.glyphs), 'bold'),
	];
}

export function requestDetailLines(record: RequestRecord, context: PaneContext): Line[] {
	const time = (value: number | undefined) =>
		value === undefined ? undefined : clockText(value, context);
	const target =
		record.targetAddr === undefined
			? undefined
			: `${record.targetAddr}:${record.targetPort ?? '-'}`;
	const fields: Field[] = [
		['type', record.type],
		['time', time(record.time)],
		['request_creation_time', time(record.requestCreationTime)],
		['elb', record.elb],
		['client:port', `${record.clientAddr}:${record.clientPort}`],
		['target:port', target ?? '- (not sent to a target address)'],
		['request_processing_time', seconds(record.requestProcessingTime)],
		['target_processing_time', seconds(record.targetProcessingTime)],
		['response_processing_time', seconds(record.responseProcessingTime)],
		['elb_status_code', record.elbStatusCode?.toString()],
		['target_status_code', record.targetStatusCode?.toString() ?? '- (no answer from a target)'],
		['received_bytes', bytes(record.receivedBytes)],
		['sent_bytes', bytes(record.sentBytes)],
		['request', requestField(record, context)],
		['user_agent', record.userAgent],
		['ssl_cipher', record.sslCipher],
		['ssl_protocol', record.sslProtocol],
		['target_group_arn', record.targetGroupArn],
		['trace_id', record.traceId],
		['domain_name', record.domainName],
		['chosen_cert_arn', record.chosenCertArn],
		['matched_rule_priority', record.matchedRulePriority],
		['actions_executed', list(record.actionsExecuted)],
		['redirect_url', record.redirectUrl],
		['error_reason', record.errorReason],
		['target:port_list', list(record.targetPortList)],
		['target_status_code_list', list(record.targetStatusCodeList)],
		['classification', record.classification],
		['classification_reason', record.classificationReason],
		['conn_trace_id', record.connTraceId],
	];
	return [
		requestTitle(record, context),
		...fields.map(fieldLine),
		...(record.extraFields > 0
			? [line(`${record.extraFields} trailing fields newer than lbtop, not read`, 'dim')]
			: []),
	];
}
