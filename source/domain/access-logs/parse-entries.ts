// The lines of an access log object into entries, counting (never throwing on) the lines that are
// not entries. Blank lines are not counted: a file may end with a newline.
import type {RequestRecord, TlsConnectionRecord} from '../types/access-log-records.js';
import {type AlbParseOptions, type EntryResult, parseAlbEntry} from './alb-entry.js';
import {parseNlbEntry} from './nlb-entry.js';

export type ParsedEntries<Entry> = {
	readonly entries: readonly Entry[];
	readonly malformed: number;
	/** The first few distinct reasons, for a diagnostic line; never the raw text. */
	readonly reasons: readonly string[];
};

const maxReasons = 5;

function parseLines<Entry>(
	lines: Iterable<string>,
	parse: (line: string) => EntryResult<Entry>,
): ParsedEntries<Entry> {
	const entries: Entry[] = [];
	const reasons = new Set<string>();
	let malformed = 0;
	for (const line of lines) {
		if (line.trim() === '') {
			continue;
		}

		const result = parse(line);
		if (result.ok) {
			entries.push(result.entry);
			continue;
		}

		malformed++;
		if (reasons.size < maxReasons) {
			reasons.add(result.reason);
		}
	}

	return {entries, malformed, reasons: [...reasons]};
}

export function parseAlbEntries(
	lines: Iterable<string>,
	options: AlbParseOptions = {},
): ParsedEntries<RequestRecord> {
	return parseLines(lines, (line) => parseAlbEntry(line, options));
}

export function parseNlbEntries(lines: Iterable<string>): ParsedEntries<TlsConnectionRecord> {
	return parseLines(lines, parseNlbEntry);
}
