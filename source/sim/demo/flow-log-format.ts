// Writing VPC flow log records in a flow log's own format (`${field} ${field} ...`).
import {defaultFormatFields} from '../../domain/flows/flow-fields.js';
import {defaultFlowFormat, renderLogFormat} from '../../domain/flows/flow-format.js';

/** The default (version 2) format's fields, in order: the same list lbtop's parser reads by. */
export const defaultFlowLogFields: readonly string[] = defaultFormatFields;

/** What DescribeFlowLogs reports as LogFormat for a flow log created with the default format. */
export const defaultFlowLogFormat = renderLogFormat(defaultFlowFormat);

const fieldVersions: Readonly<Record<string, number>> = {
	'vpc-id': 3,
	'subnet-id': 3,
	'instance-id': 3,
	'tcp-flags': 3,
	type: 3,
	'pkt-srcaddr': 3,
	'pkt-dstaddr': 3,
	region: 4,
	'az-id': 4,
	'sublocation-type': 4,
	'sublocation-id': 4,
	'pkt-src-aws-service': 5,
	'pkt-dst-aws-service': 5,
	'flow-direction': 5,
	'traffic-path': 5,
};

const version2Fields = new Set(defaultFlowLogFields);

/** The field names of a format, in order; undefined when it is not a `${field}` list. */
export function parseFlowLogFormat(format: string): readonly string[] | undefined {
	const tokens = format.trim().split(/\s+/);
	const fields: string[] = [];
	for (const token of tokens) {
		const match = /^\$\{([a-z0-9-]+)\}$/.exec(token);
		if (match?.[1] === undefined) {
			return undefined;
		}
		fields.push(match[1]);
	}
	return fields.length > 0 ? fields : undefined;
}

/**
 * `version` is the highest version among the selected fields. Fields newer than v5 (ECS fields,
 * reject-reason, encryption-status) have versions that are UNVERIFIED, so they count as 5 here.
 */
export function flowLogFormatVersion(fields: readonly string[]): number {
	let version = 2;
	for (const field of fields) {
		const fieldVersion = version2Fields.has(field) ? 2 : (fieldVersions[field] ?? 5);
		version = Math.max(version, fieldVersion);
	}
	return version;
}

export type FlowFieldValue = string | number | undefined;

/** One record line: each field's value, or `-` where it does not apply. */
export function renderFlowRecord(
	fields: readonly string[],
	values: Readonly<Record<string, FlowFieldValue>>,
): string {
	return fields
		.map((field) => {
			const value = values[field];
			return value === undefined || value === '' ? '-' : String(value);
		})
		.join(' ');
}
