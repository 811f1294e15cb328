// Values and comparisons shared by space-delimited and JSON filter patterns.
import {SimError} from '../../context.js';

export type ComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Literal =
	/** `glob` is set when the text holds a `*` wildcard. */
	| {readonly kind: 'string'; readonly text: string; readonly glob?: RegExp}
	| {readonly kind: 'number'; readonly value: number; readonly text: string}
	| {readonly kind: 'regex'; readonly regex: RegExp};

export function invalidPattern(detail: string): SimError {
	return new SimError('InvalidParameterException', `Invalid filter pattern: ${detail}`);
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
	return numberPattern.test(text) ? Number(text) : undefined;
}

/** `%…%` is a regular expression (AWS's subset; JavaScript syntax is a superset of it). */
export function regexLiteral(body: string): Literal {
	try {
		return {kind: 'regex', regex: new RegExp(body)};
	} catch {
		throw invalidPattern(`bad regular expression %${body}%`);
	}
}

/** A string value; `*` matches any run of characters. */
export function stringLiteral(text: string): Literal {
	if (!text.includes('*')) return {kind: 'string', text};
	const escaped = text
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return {kind: 'string', text, glob: new RegExp(`^${escaped}$`, 's')};
}

/** A bare (unquoted) value: a number when it reads as one, else a string that may hold `*`. */
export function bareLiteral(text: string): Literal {
	if (text.length > 1 && text.startsWith('%') && text.endsWith('%')) {
		return regexLiteral(text.slice(1, -1));
	}
	const value = parseNumber(text);
	return value === undefined ? stringLiteral(text) : {kind: 'number', value, text};
}

function compareNumbers(operator: ComparisonOperator, actual: number, expected: number): boolean {
	switch (operator) {
		case '=':
			return actual === expected;
		case '!=':
			return actual !== expected;
		case '<':
			return actual < expected;
		case '>':
			return actual > expected;
		case '<=':
			return actual <= expected;
		case '>=':
			return actual >= expected;
	}
}

export function checkComparable(operator: ComparisonOperator, literal: Literal): void {
	if (literal.kind !== 'number' && operator !== '=' && operator !== '!=') {
		throw invalidPattern(`${operator} needs a number`);
	}
}

/** Compares one extracted value (as text, or a JSON scalar) against a literal. */
export function matchesLiteral(
	actual: string | number | boolean,
	operator: ComparisonOperator,
	literal: Literal,
): boolean {
	const text = String(actual);
	const negate = operator === '!=';
	switch (literal.kind) {
		case 'regex':
			return literal.regex.test(text) !== negate;
		case 'string':
			return (literal.glob ? literal.glob.test(text) : literal.text === text) !== negate;
		case 'number': {
			const value = typeof actual === 'number' ? actual : parseNumber(text);
			// A field that is not a number ('-' in a NODATA flow record) fails any numeric condition.
			return value !== undefined && compareNumbers(operator, value, literal.value);
		}
	}
}
