// The rows of a Logs Insights answer (`fields @timestamp, @message, @logStream`) read straight into
// a flow table, as parseFlowTable reads the messages made of them: no message object per row, and
// the stream and time are read only for a record that lacks its own interface or start.
import type {FlowFormat} from './flow-format.js';
import type {ParsedFlowTable} from './flow-records.js';
import {interfaceIdFromLogStream} from './flow-records.js';
import {createFlowTable} from './flow-table.js';
import {parseInsightsTime} from './insights-time.js';
import {addPlainRow, readerOf, readSlowRow} from './record-reader.js';

/** One field of a result row, as GetQueryResults gives it. */
export type ResultCell = {readonly field?: string | undefined; readonly value?: string | undefined};

const maxReasons = 5;

/**
 * The records of the rows, the same as parseFlowTable gives for messages
 * `{message: @message, logStream: @logStream, time: @timestamp}` (a field named twice: its last
 * value), counted and skipped alike.
 */
export function parseResultRows(
	rows: readonly (readonly (ResultCell | undefined)[] | undefined)[],
	format: FlowFormat,
): ParsedFlowTable {
	const reader = readerOf(format);
	const table = createFlowTable(rows.length);
	const reasons = new Set<string>();
	let malformed = 0;
	for (let position = 0; position < rows.length; position++) {
		const row = rows[position] ?? noCells;
		let message: string | undefined;
		let logStream: string | undefined;
		let time: string | undefined;
		for (let column = 0; column < row.length; column++) {
			const cell = row[column];
			const field = cell?.field;
			if (field === '@message') {
				message = cell?.value;
			} else if (field === '@logStream') {
				logStream = cell?.value;
			} else if (field === '@timestamp') {
				time = cell?.value;
			}
		}

		if (addPlainRow(reader, table, message)) {
			continue;
		}

		const problem = readSlowRow(
			reader,
			table,
			message,
			interfaceIdFromLogStream(logStream),
			parseInsightsTime(time),
		);
		if (problem !== undefined) {
			malformed++;
			if (reasons.size < maxReasons) {
				reasons.add(problem);
			}
		}
	}

	return {table, malformed, reasons: [...reasons]};
}

const noCells: readonly ResultCell[] = [];
