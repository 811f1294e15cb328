// A flow log's LogFormat (`${version} ${account-id} ...`) as the ordered list of fields its records
// carry. Records are always read by this list, never by assumed positions: custom formats reorder,
// drop and add fields.
import {defaultFormatFields, isKnownFlowField} from './flow-fields.js';

export type FlowFormat = {
	/** Field names in record order, as AWS spells them (`interface-id`, `pkt-srcaddr`, ...). */
	readonly fields: readonly string[];
	/** True when the fields are exactly the default (v2) format, the only one Insights auto-discovers. */
	readonly isDefault: boolean;
	/** Fields lbtop does not know; their values are kept as text in FlowRecord.extra. */
	readonly unknownFields: readonly string[];
};

export type FlowFormatResult =
	| {readonly ok: true; readonly format: FlowFormat}
	| {readonly ok: false; readonly reason: string};

// Generous: the documented fields number about 45; anything far beyond is not a LogFormat.
const maxFields = 128;
const fieldName = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const placeholder = /^\$\{([^}]*)\}$/;

export const defaultFlowFormat: FlowFormat = {
	fields: defaultFormatFields,
	isDefault: true,
	unknownFields: [],
};

export function parseLogFormat(logFormat: string | undefined): FlowFormatResult {
	const text = logFormat?.trim() ?? '';
	if (text === '') {
		return {ok: true, format: defaultFlowFormat};
	}

	const tokens = text.split(/\s+/);
	if (tokens.length > maxFields) {
		return {ok: false, reason: `log format has ${tokens.length} fields, more than ${maxFields}`};
	}

	const fields: string[] = [];
	for (const token of tokens) {
		// Some tools echo formats without the `${}` wrapper or with `_` for `-` (Athena columns); the
		// fields are the same either way.
		const name = (placeholder.exec(token)?.[1] ?? token).toLowerCase().replaceAll('_', '-');
		if (!fieldName.test(name)) {
			return {ok: false, reason: `log format token is not a field: ${JSON.stringify(token)}`};
		}

		if (fields.includes(name)) {
			return {ok: false, reason: `log format repeats the field ${name}`};
		}

		fields.push(name);
	}

	return {ok: true, format: flowFormatOf(fields)};
}

export function flowFormatOf(fields: readonly string[]): FlowFormat {
	const isDefault =
		fields.length === defaultFormatFields.length &&
		fields.every((field, index) => field === defaultFormatFields[index]);
	return {
		fields: [...fields],
		isDefault,
		unknownFields: fields.filter((field) => !isKnownFlowField(field)),
	};
}

export function renderLogFormat(format: FlowFormat): string {
	return format.fields.map((field) => `\${${field}}`).join(' ');
}

export function formatHasField(format: FlowFormat, field: string): boolean {
	return format.fields.includes(field);
}
