// The lines of an access log object into entries, counting (never throwing on) the lines that are
// not entries. Blank lines are not counted: a file may end with a newline. An object of a busy
// ALB holds hundreds of thousands of entries, so the reader hands each to `visit` (an
// accumulator) instead of holding them; the collecting forms are for small inputs and tests.
import type {RequestRecord, TlsConnectionRecord} from '../types/access-log-records.js';
import {type AlbParseOptions, type EntryResult, parseAlbEntry} from './alb-entry.js';
import {parseNlbEntry} from './nlb-entry.js';

export type ReadCounts = {
	readonly entries: number;
	readonly malformed: number;
	/** The first few distinct reasons, for a diagnostic line; never the raw text. */
	readonly reasons: readonly string[];
};

export type ParsedEntries<Entry> = Omit<ReadCounts, 'entries'> & {
	readonly entries: readonly Entry[];
};

const maxReasons = 5;

function readLines<Entry>(
	lines: Iterable<string>,
	parse: (line: string) => EntryResult<Entry>,
	visit: (entry: Entry) => void,
): ReadCounts {
	const reasons = new Set<string>();
	let entries = 0;
	let malformed = 0;
	for (const line of lines) {
		if (line.trim() === '') {
			continue;
		}

		const result = parse(line);
		if (result.ok) {
			entries++;
			visit(result.entry);
			continue;
		}

		malformed++;
		if (reasons.size < maxReasons) {
			reasons.add(result.reason);
		}
	}

	return {entries, malformed, reasons: [...reasons]};
}

export function readAlbEntries(
	lines: Iterable<string>,
	visit: (entry: RequestRecord) => void,
	options: AlbParseOptions = {},
): ReadCounts {
	return readLines(lines, (line) => parseAlbEntry(line, options), visit);
}

export function readNlbEntries(
	lines: Iterable<string>,
	visit: (entry: TlsConnectionRecord) => void,
): ReadCounts {
	return readLines(lines, parseNlbEntry, visit);
}

export function parseAlbEntries(
	lines: Iterable<string>,
	options: AlbParseOptions = {},
): ParsedEntries<RequestRecord> {
	const entries: RequestRecord[] = [];
	const counts = readAlbEntries(lines, (entry) => entries.push(entry), options);
	return {...counts, entries};
}

export function parseNlbEntries(lines: Iterable<string>): ParsedEntries<TlsConnectionRecord> {
	const entries: TlsConnectionRecord[] = [];
	const counts = readNlbEntries(lines, (entry) => entries.push(entry));
	return {...counts, entries};
}
