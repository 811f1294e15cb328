// For events without a dedicated summary: the request's own scalar parameters, ARNs shortened.
import {shortArn} from './arn.js';
import {isRecord, type JsonRecord} from './json-value.js';

/** A summary is one line in a table; beyond a handful of parameters it stops being read. */
const maxParameters = 6;

export function summarizeParameters(parameters: JsonRecord | undefined): string {
	if (parameters === undefined) {
		return '';
	}

	const parts: string[] = [];
	for (const [key, value] of Object.entries(parameters)) {
		const text = scalarText(value);
		if (text !== undefined) {
			parts.push(`${key}=${text}`);
		}
	}

	const shown = parts.slice(0, maxParameters);
	const more = parts.length - shown.length;
	return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ');
}

function scalarText(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return shortArn(value);
	}

	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}

	if (Array.isArray(value)) {
		const items = value.map((item) => scalarText(item)).filter((item) => item !== undefined);
		return items.length === value.length && items.length > 0 ? items.join(' ') : undefined;
	}

	if (isRecord(value) && Array.isArray(value.items)) {
		return scalarText(value.items);
	}

	return undefined;
}
