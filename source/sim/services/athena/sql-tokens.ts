// Athena (Trino) SQL as tokens: enough to find the tables a query reads, the WHERE conditions that
// prune their partitions and files, and the `?` placeholders ExecutionParameters fill. Comments and
// whitespace are kept so a query can be written back out exactly as it came, with edits.

export type TokenKind =
	| 'word'
	| 'quoted'
	| 'backtick'
	| 'string'
	| 'number'
	| 'parameter'
	| 'symbol'
	| 'space';

export type Token = {readonly kind: TokenKind; readonly text: string; readonly position: number};

export class SqlSyntaxError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(message);
		this.name = 'SqlSyntaxError';
	}
}

const wordStart = /[A-Za-z_]/;
const wordPart = /[A-Za-z0-9_$]/;
const digit = /[0-9]/;

function closing(text: string, start: number, quote: string): number {
	for (let index = start + 1; index < text.length; index++) {
		if (text[index] === quote) {
			if (text[index + 1] === quote) {
				index++;
				continue;
			}
			return index;
		}
	}
	throw new SqlSyntaxError(`unterminated ${quote === "'" ? 'string' : 'identifier'}`, start);
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	const push = (kind: TokenKind, end: number) => {
		tokens.push({kind, text: text.slice(index, end), position: index});
		index = end;
	};
	while (index < text.length) {
		const character = text[index] ?? '';
		const next = text[index + 1] ?? '';
		if (/\s/.test(character)) {
			let end = index + 1;
			while (end < text.length && /\s/.test(text[end] ?? '')) end++;
			push('space', end);
		} else if (character === '-' && next === '-') {
			const end = text.indexOf('\n', index);
			push('space', end < 0 ? text.length : end);
		} else if (character === '/' && next === '*') {
			const end = text.indexOf('*/', index + 2);
			if (end < 0) {
				throw new SqlSyntaxError('unterminated comment', index);
			}
			push('space', end + 2);
		} else if (character === "'") {
			push('string', closing(text, index, "'") + 1);
		} else if (character === '"') {
			push('quoted', closing(text, index, '"') + 1);
		} else if (character === '`') {
			push('backtick', closing(text, index, '`') + 1);
		} else if (character === '?') {
			push('parameter', index + 1);
		} else if (digit.test(character) || (character === '.' && digit.test(next))) {
			let end = index + 1;
			while (end < text.length && /[0-9.eE]/.test(text[end] ?? '')) end++;
			push('number', end);
		} else if (wordStart.test(character)) {
			let end = index + 1;
			while (end < text.length && wordPart.test(text[end] ?? '')) end++;
			push('word', end);
		} else {
			const pair = character + next;
			push(
				'symbol',
				['<=', '>=', '<>', '!=', '||', '=>', '->'].includes(pair) ? index + 2 : index + 1,
			);
		}
	}
	return tokens;
}

export function isKeyword(token: Token | undefined, ...words: string[]): boolean {
	return token?.kind === 'word' && words.includes(token.text.toUpperCase());
}

/** An identifier's name as the catalog stores it: unquoted, lower case. */
export function identifierName(token: Token): string | undefined {
	switch (token.kind) {
		case 'word':
			return token.text.toLowerCase();
		case 'quoted':
			return token.text.slice(1, -1).replaceAll('""', '"').toLowerCase();
		case 'backtick':
			return token.text.slice(1, -1).replaceAll('``', '`').toLowerCase();
		default:
			return undefined;
	}
}

export function render(tokens: readonly Token[]): string {
	return tokens.map((token) => token.text).join('');
}
