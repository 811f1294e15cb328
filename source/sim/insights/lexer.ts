// Tokens of a Logs Insights query, read on demand: whether `/` opens a regular expression or
// divides depends on where the parser is, so the parser asks for a regex explicitly.
import {errorAt, type SourcePlace, unexpectedSymbol} from './errors.js';

export type TokenKind =
	| 'identifier'
	| 'quotedIdentifier'
	| 'number'
	| 'period'
	| 'string'
	| 'regex'
	| 'symbol'
	| 'end';

export type Token = {
	readonly kind: TokenKind;
	/** The token as written. */
	readonly text: string;
	/** Identifier name, string contents, regex source, or the symbol itself. */
	readonly value: string;
	readonly start: number;
	readonly end: number;
};

const symbols = [
	'!=',
	'<=',
	'>=',
	'=~',
	'|',
	',',
	'(',
	')',
	'[',
	']',
	'+',
	'-',
	'*',
	'/',
	'%',
	'^',
];
const singleSymbols = new Set(['=', '<', '>']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentifierStart = (c: string | undefined): boolean =>
	c !== undefined && /[A-Za-z_@$]/.test(c);
const isIdentifierPart = (c: string | undefined): boolean =>
	c !== undefined && /[A-Za-z0-9_@$.]/.test(c);

const escapes: Readonly<Record<string, string>> = {n: '\n', t: '\t', r: '\r'};

export class Lexer {
	private position = 0;
	private readonly buffered: Token[] = [];
	private lastEnd = 0;

	constructor(private readonly text: string) {}

	placeOf(offset: number): SourcePlace {
		let line = 1;
		let lineStart = 0;
		for (let index = 0; index < offset && index < this.text.length; index++) {
			if (this.text[index] === '\n') {
				line++;
				lineStart = index + 1;
			}
		}
		return {line, position: offset - lineStart + 1};
	}

	peek(ahead = 0): Token {
		while (this.buffered.length <= ahead) {
			this.buffered.push(this.scan());
		}
		const token = this.buffered[ahead];
		if (token === undefined) {
			throw new Error('lexer buffer underflow');
		}
		return token;
	}

	next(): Token {
		const token = this.peek();
		this.buffered.shift();
		this.lastEnd = token.end;
		return token;
	}

	/** End offset of the last token consumed: where an expression's source text stops. */
	get consumedEnd(): number {
		return this.lastEnd;
	}

	slice(start: number, end: number): string {
		return this.text.slice(start, end);
	}

	/** Re-reads the current `/` token as the start of a `/regex/` literal and consumes it. */
	nextRegex(): Token {
		const slash = this.peek();
		this.buffered.length = 0;
		let index = slash.start + 1;
		let source = '';
		while (index < this.text.length && this.text[index] !== '/') {
			const c = this.text[index] ?? '';
			if (c === '\\' && this.text[index + 1] === '/') {
				source += '/';
				index += 2;
				continue;
			}
			if (c === '\\' && index + 1 < this.text.length) {
				source += c + (this.text[index + 1] ?? '');
				index += 2;
				continue;
			}
			source += c;
			index++;
		}
		if (index >= this.text.length) {
			throw errorAt('unterminated regular expression', this.placeOf(slash.start));
		}
		this.position = index + 1;
		this.lastEnd = this.position;
		return {
			kind: 'regex',
			text: this.text.slice(slash.start, this.position),
			value: source,
			start: slash.start,
			end: this.position,
		};
	}

	private skipSpaceAndComments(): void {
		while (this.position < this.text.length) {
			const c = this.text[this.position];
			if (c === '#') {
				while (this.position < this.text.length && this.text[this.position] !== '\n') {
					this.position++;
				}
			} else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
				this.position++;
			} else {
				return;
			}
		}
	}

	private scan(): Token {
		this.skipSpaceAndComments();
		const start = this.position;
		const c = this.text[start];
		if (c === undefined) {
			return {kind: 'end', text: '', value: '', start, end: start};
		}
		if (isDigit(c) || (c === '.' && isDigit(this.text[start + 1]))) {
			return this.scanNumber(start);
		}
		if (isIdentifierStart(c)) {
			let end = start + 1;
			while (isIdentifierPart(this.text[end])) {
				end++;
			}
			this.position = end;
			const text = this.text.slice(start, end);
			return {kind: 'identifier', text, value: text, start, end};
		}
		if (c === '`') {
			return this.scanQuoted(start, '`', 'quotedIdentifier');
		}
		if (c === '"' || c === "'") {
			return this.scanQuoted(start, c, 'string');
		}
		for (const symbol of symbols) {
			if (this.text.startsWith(symbol, start)) {
				return this.symbolToken(start, symbol);
			}
		}
		if (singleSymbols.has(c)) {
			return this.symbolToken(start, c);
		}
		throw unexpectedSymbol(c, this.placeOf(start));
	}

	private symbolToken(start: number, symbol: string): Token {
		this.position = start + symbol.length;
		return {kind: 'symbol', text: symbol, value: symbol, start, end: this.position};
	}

	private scanNumber(start: number): Token {
		let end = start;
		while (isDigit(this.text[end])) {
			end++;
		}
		if (this.text[end] === '.' && isDigit(this.text[end + 1])) {
			end++;
			while (isDigit(this.text[end])) {
				end++;
			}
		}
		let kind: TokenKind = 'number';
		if (/[A-Za-z]/.test(this.text[end] ?? '')) {
			kind = 'period';
			while (/[A-Za-z]/.test(this.text[end] ?? '')) {
				end++;
			}
		}
		this.position = end;
		const text = this.text.slice(start, end);
		return {kind, text, value: text, start, end};
	}

	private scanQuoted(start: number, quote: string, kind: TokenKind): Token {
		let index = start + 1;
		let value = '';
		while (index < this.text.length && this.text[index] !== quote) {
			const c = this.text[index] ?? '';
			if (c === '\\' && index + 1 < this.text.length) {
				const escaped = this.text[index + 1] ?? '';
				if (escaped === quote || escaped === '\\') {
					value += escaped;
				} else {
					value += escapes[escaped] ?? c + escaped;
				}
				index += 2;
				continue;
			}
			value += c;
			index++;
		}
		if (index >= this.text.length) {
			const what = kind === 'string' ? 'string' : 'quoted field name';
			throw errorAt(`unterminated ${what}`, this.placeOf(start));
		}
		this.position = index + 1;
		return {kind, text: this.text.slice(start, this.position), value, start, end: this.position};
	}
}
