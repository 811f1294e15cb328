// Regular expressions and glob patterns as Insights writes them. Insights regexes are RE2-like:
// inline flags such as `(?i)` and group names like `@user` that JavaScript does not accept, so
// groups are renamed g0, g1, ... and the flags lifted out. Globs are matched without a RegExp.
import type {CompiledRegex} from './ast.js';
import {errorAt, type SourcePlace} from './errors.js';

const inlineFlags = /^\(\?([ims]+)\)/;
const scopedFlags = /^\(\?([ims]+):/;
const namedGroup = /^\(\?P?<([^>=!][^>]*)>/;

export function compileRegex(source: string, place: SourcePlace): CompiledRegex {
	const flags = new Set<string>();
	const groupNames: string[] = [];
	let translated = '';
	let inClass = false;
	let index = 0;
	while (index < source.length) {
		const c = source[index] ?? '';
		if (c === '\\') {
			translated += source.slice(index, index + 2);
			index += 2;
			continue;
		}
		if (inClass) {
			inClass = c !== ']';
			translated += c;
			index++;
			continue;
		}
		if (c === '[') {
			inClass = true;
			translated += c;
			index++;
			continue;
		}
		const rest = source.slice(index);
		const flagMatch = inlineFlags.exec(rest) ?? scopedFlags.exec(rest);
		if (flagMatch !== null) {
			// JavaScript (Node 20) has no scoped flags: the flag then applies to the whole pattern.
			for (const flag of flagMatch[1] ?? '') {
				flags.add(flag);
			}
			translated += flagMatch[0].endsWith(':') ? '(?:' : '';
			index += flagMatch[0].length;
			continue;
		}
		const groupMatch = namedGroup.exec(rest);
		if (groupMatch !== null) {
			translated += `(?<g${groupNames.length}>`;
			groupNames.push(groupMatch[1] ?? '');
			index += groupMatch[0].length;
			continue;
		}
		translated += c;
		index++;
	}
	try {
		return {regex: new RegExp(translated, [...flags].join('')), groupNames};
	} catch {
		throw errorAt(`invalid regular expression /${source}/`, place);
	}
}

/** Pulls fields out of a text: one value per name of the parse command, or undefined on no match. */
export type Extractor = (text: string) => ReadonlyArray<string | undefined> | undefined;

/** Extractors of a parse: all its captures, or only those at `kept` (ascending), in that order. */
export type Extractors = {
	readonly extract: Extractor;
	readonly extractOnly: (kept: readonly number[]) => Extractor;
};

export function regexExtractor(compiled: CompiledRegex): Extractors {
	const {regex, groupNames} = compiled;
	const extractOnly =
		(kept: readonly number[]): Extractor =>
		(text) => {
			const groups = regex.exec(text)?.groups;
			return groups === undefined ? undefined : kept.map((index) => groups[`g${index}`]);
		};
	return {extract: extractOnly(groupNames.map((_, index) => index)), extractOnly};
}

/**
 * A glob such as `"* [*] *"`: the text between the literal parts, each `*` ending at the first
 * occurrence of the literal after it and a trailing `*` taking the rest. The pattern may start
 * anywhere in the text. Scanning with indexOf keeps `parse` cheap on large scans; a capture no one
 * reads is found (the next one starts after it) but not cut out.
 */
export function globExtractor(
	pattern: string,
): Extractors & {readonly wildcards: number; readonly plainWords: boolean} {
	const [prefix = '', ...literals] = pattern.split('*');
	const extractOnly = (kept: readonly number[]): Extractor => {
		const wanted = literals.map((_, index) => kept.includes(index));
		const extractFrom = (text: string, start: number): string[] | undefined => {
			const values: string[] = [];
			let position = start;
			// Indexed: an entries() iterator makes a pair per capture of every scanned message.
			for (let index = 0; index < literals.length; index++) {
				const literal = literals[index] ?? '';
				const isTrailing = index === literals.length - 1 && literal === '';
				const end = isTrailing ? text.length : text.indexOf(literal, position);
				if (end < 0) {
					return undefined;
				}
				if (wanted[index] === true) {
					values.push(text.slice(position, end));
				}
				position = end + literal.length;
			}
			return values;
		};
		return (text) => {
			for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
				const values = extractFrom(text, at + prefix.length);
				if (values !== undefined || prefix === '') {
					return values;
				}
			}
			return undefined;
		};
	};
	return {
		extract: extractOnly(literals.map((_, index) => index)),
		extractOnly,
		wildcards: literals.length,
		// `* * … *`: on a text of exactly as many words, capture i is word i.
		plainWords:
			prefix === '' &&
			literals.every((literal, index) => literal === (index === literals.length - 1 ? '' : ' ')),
	};
}
