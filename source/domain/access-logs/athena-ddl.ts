// The CREATE TABLE statements a user runs so lbtop can ask Athena for exact figures (lbtop never
// creates a table itself: `--print-athena-ddl` prints these). Columns and RegexSerDe patterns are the
// Athena user guide's ("Create the table for ALB access logs … using partition projection", with
// classification, classification_reason and conn_trace_id; "Querying Network Load Balancer logs",
// with the ALPN fields and tls_connection_creation_time). The trailing `?([^ ]*)?( .*)?` lets the
// pattern match entries that carry fields newer than the table. Partition projection on `day`
// (`yyyy/MM/dd`, the delivery date folders) means no partitions to load.
import {logFolder} from './object-key.js';

export type DdlInput = {
	readonly bucket: string;
	/** Without leading or trailing slashes; empty for the bucket's root. */
	readonly prefix: string;
	readonly account: string;
	readonly region: string;
	/** `db.table` or `table`; defaults to the user guide's names. */
	readonly table?: string;
	/** The first `day` the projection covers, `yyyy/MM/dd` (the user guide uses 2022/01/01). */
	readonly firstDay?: string;
};

export const albColumns: readonly (readonly [string, string])[] = [
	['type', 'string'],
	['time', 'string'],
	['elb', 'string'],
	['client_ip', 'string'],
	['client_port', 'int'],
	['target_ip', 'string'],
	['target_port', 'int'],
	['request_processing_time', 'double'],
	['target_processing_time', 'double'],
	['response_processing_time', 'double'],
	['elb_status_code', 'int'],
	['target_status_code', 'string'],
	['received_bytes', 'bigint'],
	['sent_bytes', 'bigint'],
	['request_verb', 'string'],
	['request_url', 'string'],
	['request_proto', 'string'],
	['user_agent', 'string'],
	['ssl_cipher', 'string'],
	['ssl_protocol', 'string'],
	['target_group_arn', 'string'],
	['trace_id', 'string'],
	['domain_name', 'string'],
	['chosen_cert_arn', 'string'],
	['matched_rule_priority', 'string'],
	['request_creation_time', 'string'],
	['actions_executed', 'string'],
	['redirect_url', 'string'],
	['lambda_error_reason', 'string'],
	['target_port_list', 'string'],
	['target_status_code_list', 'string'],
	['classification', 'string'],
	['classification_reason', 'string'],
	['conn_trace_id', 'string'],
];

export const albPattern = String.raw`([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:-]([0-9]*) ([-.0-9]*) ([-.0-9]*) ([-.0-9]*) (|[-0-9]*) (-|[-0-9]*) ([-0-9]*) ([-0-9]*) \"([^ ]*) (.*) (- |[^ ]*)\" \"([^\"]*)\" ([A-Z0-9-_]+) ([A-Za-z0-9.-]*) ([^ ]*) \"([^\"]*)\" \"([^\"]*)\" \"([^\"]*)\" ([-.0-9]*) ([^ ]*) \"([^\"]*)\" \"([^\"]*)\" \"([^ ]*)\" \"([^\s]+?)\" \"([^\s]+)\" \"([^ ]*)\" \"([^ ]*)\" ?([^ ]*)?( .*)?`;

export const nlbColumns: readonly (readonly [string, string])[] = [
	['type', 'string'],
	['version', 'string'],
	['time', 'string'],
	['elb', 'string'],
	['listener_id', 'string'],
	['client_ip', 'string'],
	['client_port', 'int'],
	['target_ip', 'string'],
	['target_port', 'int'],
	['tcp_connection_time_ms', 'double'],
	['tls_handshake_time_ms', 'double'],
	['received_bytes', 'bigint'],
	['sent_bytes', 'bigint'],
	['incoming_tls_alert', 'int'],
	['cert_arn', 'string'],
	['certificate_serial', 'string'],
	['tls_cipher_suite', 'string'],
	['tls_protocol_version', 'string'],
	['tls_named_group', 'string'],
	['domain_name', 'string'],
	['alpn_fe_protocol', 'string'],
	['alpn_be_protocol', 'string'],
	['alpn_client_preference_list', 'string'],
	['tls_connection_creation_time', 'string'],
];

export const nlbPattern =
	'([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*):([0-9]*) ([-.0-9]*) ([-.0-9]*) ([-0-9]*) ([-0-9]*) ([-0-9]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*) ?([^ ]*)?( .*)?';

/** A SQL string literal: a quote in a bucket prefix must not end it. */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function tableName(name: string): string {
	const parts = name.split('.');
	if (parts.length > 2 || parts.some((part) => !/^[A-Za-z0-9_]{1,128}$/.test(part))) {
		throw new Error(
			`${name} is not an Athena table name: letters, digits and _, as table or db.table`,
		);
	}

	return parts.map((part) => `\`${part.toLowerCase()}\``).join('.');
}

function createTable(
	input: DdlInput,
	defaultName: string,
	columns: readonly (readonly [string, string])[],
	pattern: string,
): string {
	const firstDay = input.firstDay ?? '2022/01/01';
	if (!/^\d{4}\/\d{2}\/\d{2}$/.test(firstDay)) {
		throw new Error(`${firstDay} is not a yyyy/MM/dd day`);
	}

	const location = `s3://${input.bucket}/${logFolder(input)}`;
	return [
		`CREATE EXTERNAL TABLE IF NOT EXISTS ${tableName(input.table ?? defaultName)} (`,
		columns.map(([name, type]) => `  ${name} ${type}`).join(',\n'),
		')',
		'PARTITIONED BY (day STRING)',
		"ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'",
		'WITH SERDEPROPERTIES (',
		"  'serialization.format' = '1',",
		`  'input.regex' = '${pattern}'`,
		')',
		`LOCATION ${sqlString(location)}`,
		'TBLPROPERTIES (',
		"  'projection.enabled' = 'true',",
		"  'projection.day.type' = 'date',",
		`  'projection.day.range' = '${firstDay},NOW',`,
		"  'projection.day.format' = 'yyyy/MM/dd',",
		"  'projection.day.interval' = '1',",
		"  'projection.day.interval.unit' = 'DAYS',",
		`  'storage.location.template' = ${sqlString(`${location}\${day}`)}`,
		');',
	].join('\n');
}

export function albAccessLogDdl(input: DdlInput): string {
	return createTable(input, 'alb_access_logs', albColumns, albPattern);
}

export function nlbAccessLogDdl(input: DdlInput): string {
	return createTable(input, 'nlb_tls_logs', nlbColumns, nlbPattern);
}
