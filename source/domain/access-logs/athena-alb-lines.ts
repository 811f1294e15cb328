// A row of the request lines query (athena-alb-queries.ts) written back into the ALB log's own form
// and read by the same parser: the drill-down gets the same sanitized fields and hidden query
// strings whichever way the request was read.
import type {RequestRecord} from '../types/access-log-records.js';
import {type AlbParseOptions, parseAlbEntry} from './alb-entry.js';
import {albFields} from './alb-fields.js';
import {type AthenaRow, numberOf} from './athena-sql.js';

/** The log fields whose Athena columns have other names or are split in two. */
function renamed(row: AthenaRow, value: (column: string) => string): Record<string, string> {
	const endpoint = (ip: string, port: string) =>
		value(ip) === '-' ? '-' : `${value(ip)}:${value(port)}`;
	// Athena prints doubles its own way (1.0E-4); the log writes seconds with 3 decimals, -1 if none.
	const seconds = (column: string) => {
		const number = numberOf(row, column);
		return number === undefined || number < 0 ? '-1' : number.toFixed(3);
	};
	return {
		'client:port': endpoint('client_ip', 'client_port'),
		'target:port': endpoint('target_ip', 'target_port'),
		request_processing_time: seconds('request_processing_time'),
		target_processing_time: seconds('target_processing_time'),
		response_processing_time: seconds('response_processing_time'),
		request: `${value('request_verb')} ${value('request_url')} ${value('request_proto')}`,
		error_reason: value('lambda_error_reason'),
		'target:port_list': value('target_port_list'),
	};
}

/** The record and its row (which says whether it is among the slowest, the failing or both). */
export function albLineRecord(
	row: AthenaRow,
	options: AlbParseOptions,
): [RequestRecord, AthenaRow][] {
	const value = (column: string) => {
		const text = row[column];
		return text === undefined || text === '' ? '-' : text;
	};
	const fields = renamed(row, value);
	const line = albFields
		.map(({name, quoted}) => {
			const field = fields[name] ?? value(name);
			// The column holds the field as the log wrote it, its escapes included.
			return quoted ? `"${field.replaceAll('"', '\\"')}"` : field;
		})
		.join(' ');
	const result = parseAlbEntry(line, options);
	return result.ok ? [[result.entry, row]] : [];
}
