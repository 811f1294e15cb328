// The ALB access log entry's fields, in the documented order (ALB user guide, "Access log entries";
// aws-facts-s3.md §4). AWS only appends fields, so a line may carry more than these (ignored) or,
// from an older LB, fewer: every field after `target_group_arn` is read when present.

export type AlbFieldName =
	| 'type'
	| 'time'
	| 'elb'
	| 'client:port'
	| 'target:port'
	| 'request_processing_time'
	| 'target_processing_time'
	| 'response_processing_time'
	| 'elb_status_code'
	| 'target_status_code'
	| 'received_bytes'
	| 'sent_bytes'
	| 'request'
	| 'user_agent'
	| 'ssl_cipher'
	| 'ssl_protocol'
	| 'target_group_arn'
	| 'trace_id'
	| 'domain_name'
	| 'chosen_cert_arn'
	| 'matched_rule_priority'
	| 'request_creation_time'
	| 'actions_executed'
	| 'redirect_url'
	| 'error_reason'
	| 'target:port_list'
	| 'target_status_code_list'
	| 'classification'
	| 'classification_reason'
	| 'conn_trace_id';

export type AlbField = {readonly name: AlbFieldName; readonly quoted: boolean};

const quoted = new Set<AlbFieldName>([
	'request',
	'user_agent',
	'trace_id',
	'domain_name',
	'chosen_cert_arn',
	'actions_executed',
	'redirect_url',
	'error_reason',
	'target:port_list',
	'target_status_code_list',
	'classification',
	'classification_reason',
]);

const names: readonly AlbFieldName[] = [
	'type',
	'time',
	'elb',
	'client:port',
	'target:port',
	'request_processing_time',
	'target_processing_time',
	'response_processing_time',
	'elb_status_code',
	'target_status_code',
	'received_bytes',
	'sent_bytes',
	'request',
	'user_agent',
	'ssl_cipher',
	'ssl_protocol',
	'target_group_arn',
	'trace_id',
	'domain_name',
	'chosen_cert_arn',
	'matched_rule_priority',
	'request_creation_time',
	'actions_executed',
	'redirect_url',
	'error_reason',
	'target:port_list',
	'target_status_code_list',
	'classification',
	'classification_reason',
	'conn_trace_id',
];

export const albFields: readonly AlbField[] = names.map((name) => ({
	name,
	quoted: quoted.has(name),
}));

/** Every documented version of the entry has at least these (through `target_group_arn`). */
export const albRequiredFields = names.indexOf('target_group_arn') + 1;

export const albFieldIndex: Readonly<Record<AlbFieldName, number>> = Object.fromEntries(
	names.map((name, index) => [name, index]),
) as Record<AlbFieldName, number>;
