// A GetQueryResults answer's rows, read from the raw answer (taken-answer.ts). lbtop polls Logs
// Insights for the aggregates of settled time, and a complete answer holds thousands of rows of a
// few cells each: the SDK's own reading walked every cell into a new object by the service's schema,
// and the runner then copied each cell once more into the row it keeps. Here the parsed rows are
// checked and kept as the runner's rows; the SDK reads what is left (status, statistics). An answer
// with a cell whose field or value is neither text nor absent is left whole to the SDK, so the
// runner gets the rows it made from the SDK's reading before, for every answer.
import type {MetadataBearer} from '@smithy/types';
import {isRecord} from './raw-answer.js';
import {type TakenAnswer, type TakenList, takenAnswer} from './taken-answer.js';

/** A result row as the runner keeps it: its cells that name a field, a missing value as empty. */
export type ResultRow = readonly {readonly field: string; readonly value: string}[];

export type RowsAnswer<Input extends object, Output extends MetadataBearer> = TakenAnswer<
	Input,
	Output,
	ResultRow
>;

/** One per command: it keeps the rows of that command's answer. */
export function queryResultsAnswer<
	Input extends object,
	Output extends MetadataBearer,
>(): RowsAnswer<Input, Output> {
	return takenAnswer({member: 'results', name: 'lbtopQueryResults', read: readResults});
}

/** The answer's rows and the rest of it as JSON; undefined for an answer left to the SDK. */
export function readResults(bytes: Buffer): TakenList<ResultRow> | undefined {
	let answer: unknown;
	try {
		answer = JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}

	if (!isRecord(answer) || Array.isArray(answer)) {
		return undefined;
	}

	const {results, ...rest} = answer;
	if (results !== undefined && results !== null && !Array.isArray(results)) {
		return undefined;
	}

	const rows: ResultRow[] = [];
	for (const row of (results ?? []) as unknown[]) {
		const read = readRow(row);
		if (read === undefined) {
			return undefined;
		}

		rows.push(read);
	}

	return {items: rows, rest: JSON.stringify(rest)};
}

/**
 * The row's cells that name a field, each value as text ('' when absent). Cells are taken as they
 * are when they hold nothing else, which is what the service sends; undefined for a row to leave to
 * the SDK.
 */
function readRow(row: unknown): ResultRow | undefined {
	if (!Array.isArray(row)) {
		return undefined;
	}

	let plain = true;
	for (const cell of row as unknown[]) {
		const shape = cellShape(cell);
		if (shape === 'other') {
			return undefined;
		}

		plain &&= shape === 'plain';
	}

	if (plain) {
		return row as ResultRow;
	}

	const cells: {field: string; value: string}[] = [];
	for (const cell of row as Record<string, unknown>[]) {
		if (typeof cell.field === 'string') {
			cells.push({field: cell.field, value: typeof cell.value === 'string' ? cell.value : ''});
		}
	}

	return cells;
}

/**
 * 'plain': a field and a text value and nothing else (kept as it is); 'partial': a missing field or
 * value, or other members (made anew); 'other': not a cell this reads as the SDK does.
 */
function cellShape(cell: unknown): 'plain' | 'partial' | 'other' {
	if (!isRecord(cell) || Array.isArray(cell)) {
		return 'other';
	}

	const {field, value} = cell;
	if (!isText(field) || !isText(value)) {
		return 'other';
	}

	let members = 0;
	for (const key in cell) {
		if (Object.hasOwn(cell, key)) {
			members++;
		}
	}

	return typeof field === 'string' && typeof value === 'string' && members === 2
		? 'plain'
		: 'partial';
}

/** Text, or absent as JSON says it (a missing member or null). */
function isText(value: unknown): boolean {
	return value === undefined || value === null || typeof value === 'string';
}
