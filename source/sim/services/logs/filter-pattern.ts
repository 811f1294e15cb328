// CloudWatch Logs filter patterns (FilterLogEvents): terms, `%regex%`, space-delimited `[…]` and
// JSON `{…}`. Matching is case-sensitive, as in AWS. A malformed pattern throws
// InvalidParameterException so the caller sees the mistake instead of an empty result.
import {compileDelimited} from './filter-delimited.js';
import {compileJson} from './filter-json.js';
import {readQuoted} from './filter-lexer.js';
import {invalidPattern, regexLiteral} from './filter-values.js';

export type MessageMatcher = (message: string) => boolean;

type Term = {readonly text: string; readonly mode: 'required' | 'optional' | 'excluded'};

function parseTerms(pattern: string): Term[] {
	const terms: Term[] = [];
	let pendingMode: Term['mode'] | undefined;
	let index = 0;
	while (index < pattern.length) {
		const character = pattern[index] ?? '';
		if (/\s/.test(character)) {
			index += 1;
			continue;
		}
		let mode: Term['mode'] = pendingMode ?? 'required';
		pendingMode = undefined;
		if (character === '?' || character === '-') {
			mode = character === '?' ? 'optional' : 'excluded';
			index += 1;
			// `"ERROR" - "Exiting"`: a lone sign applies to the next term.
			if (index >= pattern.length || /\s/.test(pattern[index] ?? '')) {
				pendingMode = mode;
				continue;
			}
		}
		if (pattern[index] === '"') {
			const quoted = readQuoted(pattern, index);
			terms.push({text: quoted.text, mode});
			index = quoted.end;
			continue;
		}
		let end = index;
		while (end < pattern.length && !/\s/.test(pattern[end] ?? '')) end += 1;
		terms.push({text: pattern.slice(index, end), mode});
		index = end;
	}
	if (pendingMode !== undefined) throw invalidPattern('a ? or - must precede a term');
	return terms;
}

function compileTerms(pattern: string): MessageMatcher {
	const terms = parseTerms(pattern);
	const required = terms.filter((term) => term.mode === 'required').map((term) => term.text);
	const optional = terms.filter((term) => term.mode === 'optional').map((term) => term.text);
	const excluded = terms.filter((term) => term.mode === 'excluded').map((term) => term.text);
	return (message) =>
		required.every((term) => message.includes(term)) &&
		!excluded.some((term) => message.includes(term)) &&
		(optional.length === 0 || optional.some((term) => message.includes(term)));
}

export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
	const trimmed = pattern?.trim() ?? '';
	if (trimmed.length > 1024) throw invalidPattern('longer than 1024 characters');
	if (trimmed === '' || trimmed === '""') return () => true;
	if (trimmed.startsWith('{')) return compileJson(trimmed);
	if (trimmed.startsWith('[')) return compileDelimited(trimmed);
	if (trimmed.length > 1 && trimmed.startsWith('%') && trimmed.endsWith('%')) {
		const literal = regexLiteral(trimmed.slice(1, -1));
		if (literal.kind === 'regex') return (message) => literal.regex.test(message);
	}
	return compileTerms(trimmed);
}
