// The rows of a Logs Insights answer (`fields @timestamp, @message, @logStream`) read straight into
// a flow table, as parseFlowTable reads the messages made of them: no message object per row, and
// the stream and time are read only for a record that lacks its own interface or start.
import type {FlowFormat} from './flow-format.js';
import type {ParsedFlowTable} from './flow-records.js';
import {interfaceIdFromLogStream} from './flow-records.js';
import {createFlowTable, type FlowTable} from './flow-table.js';
import {parseInsightsTime} from './insights-time.js';
import {addPlainRow, type RecordReader, readerOf, readSlowRow} from './record-reader.js';

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
	const table = createFlowTable(rows.length);
	const skipped: Skipped = {malformed: 0, reasons: new Set()};
	readRows(readerOf(format), table, rows, skipped);
	return {table, malformed: skipped.malformed, reasons: [...skipped.reasons]};
}

type Skipped = {malformed: number; readonly reasons: Set<string>};

/**
 * parseResultRows' loop, with nothing after it. V8 compiles a long loop while its first call runs
 * (on-stack replacement), before the code after the loop has ever run, and keeps that compiled loop
 * for later calls: code after it without type feedback would leave the compiled loop at the end of
 * every call, and each call would start the loop again in the interpreter.
 */
function readRows(
	reader: RecordReader,
	table: FlowTable,
	rows: readonly (readonly (ResultCell | undefined)[] | undefined)[],
	skipped: Skipped,
): void {
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
			skipped.malformed++;
			if (skipped.reasons.size < maxReasons) {
				skipped.reasons.add(problem);
			}
		}
	}
}

const noCells: readonly ResultCell[] = [];
