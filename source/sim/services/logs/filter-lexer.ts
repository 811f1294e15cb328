// Tokens of the condition language inside `[ … ]` and `{ … }` filter patterns.
import type {ComparisonOperator} from './filter-values.js';
import {invalidPattern} from './filter-values.js';

export type Token =
	| {readonly kind: 'word'; readonly text: string}
	| {readonly kind: 'quoted'; readonly text: string}
	| {readonly kind: 'regex'; readonly text: string}
	| {readonly kind: 'operator'; readonly operator: ComparisonOperator}
	| {readonly kind: 'and' | 'or' | 'open' | 'close' | 'comma'};

const operators: readonly ComparisonOperator[] = ['!=', '<=', '>=', '=', '<', '>'];

function isWordCharacter(text: string, index: number): boolean {
	const character = text[index];
	if (character === undefined || /[\s",()=<>%]/.test(character)) return false;
	if (character === '!' && text[index + 1] === '=') return false;
	if (character === '&' && text[index + 1] === '&') return false;
	return !(character === '|' && text[index + 1] === '|');
}

/** Reads a `"…"` string starting at `start` (the opening quote); returns text and end index. */
export function readQuoted(text: string, start: number): {text: string; end: number} {
	let value = '';
	let index = start + 1;
	while (index < text.length) {
		const character = text[index];
		if (character === '\\' && index + 1 < text.length) {
			value += text[index + 1];
			index += 2;
		} else if (character === '"') {
			return {text: value, end: index + 1};
		} else {
			value += character;
			index += 1;
		}
	}
	throw invalidPattern('unterminated quoted string');
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < text.length) {
		const rest = text.slice(index);
		const character = text[index] ?? '';
		if (/\s/.test(character)) {
			index += 1;
			continue;
		}
		const operator = operators.find((candidate) => rest.startsWith(candidate));
		if (operator) {
			tokens.push({kind: 'operator', operator});
			index += operator.length;
		} else if (rest.startsWith('&&') || rest.startsWith('||')) {
			tokens.push({kind: rest.startsWith('&&') ? 'and' : 'or'});
			index += 2;
		} else if (character === '(' || character === ')' || character === ',') {
			tokens.push({kind: character === '(' ? 'open' : character === ')' ? 'close' : 'comma'});
			index += 1;
		} else if (character === '"') {
			const quoted = readQuoted(text, index);
			tokens.push({kind: 'quoted', text: quoted.text});
			index = quoted.end;
		} else if (character === '%') {
			const end = text.indexOf('%', index + 1);
			if (end < 0) throw invalidPattern('unterminated regular expression');
			tokens.push({kind: 'regex', text: text.slice(index + 1, end)});
			index = end + 1;
		} else {
			let end = index;
			while (isWordCharacter(text, end)) end += 1;
			if (end === index) throw invalidPattern(`unexpected '${character}'`);
			tokens.push({kind: 'word', text: text.slice(index, end)});
			index = end;
		}
	}
	return tokens;
}
