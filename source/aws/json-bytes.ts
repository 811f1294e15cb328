// Reading JSON from its bytes without making what is passed over: a checked walk over any value
// (a string, a number, a literal, an object or a list at any depth), as JSON.parse would take it.
// A reader built on it makes only what it needs (filter-events-page.ts); whatever is not JSON, or
// not as the reader takes it, throws `notRead`, and the caller parses the text whole instead.

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const colon = 0x3a;
export const openBrace = 0x7b;
export const closeBrace = 0x7d;
export const openBracket = 0x5b;
export const closeBracket = 0x5d;
const minus = 0x2d;
const dot = 0x2e;
export const zero = 0x30;
export const nine = 0x39;
/** Deeper values are left to JSON.parse, which has no such limit. */
const maxDepth = 256;

const literals = [Buffer.from('true'), Buffer.from('false'), Buffer.from('null')] as const;

/** The bytes a string's plain run stops at: its closing quote, an escape, a control character. */
const stops = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) {
	stops[byte] = 1;
}

stops[quote] = 1;
stops[backslash] = 1;

/** Thrown for bytes a reader leaves to JSON.parse: not JSON, or not as the reader takes it. */
export const notRead = new Error('left to JSON.parse');

export type Kind = 'string' | 'number' | 'other';

/** Walks JSON bytes from `at`; each method moves `at` past what it read. */
export class JsonBytes {
	protected at = 0;
	/** Whether the last string read had an escape. */
	protected escaped = false;

	constructor(protected readonly bytes: Buffer) {}

	/** A member's name (an escaped one is left to JSON.parse) and its colon; returns where it ends. */
	protected key(): number {
		this.string();
		if (this.escaped) {
			throw notRead;
		}

		const end = this.at - 1;
		this.space();
		this.expect(colon);
		this.space();
		return end;
	}

	/** After a member or an element: a comma and the next one, or the closing byte (true). */
	protected next(close: number): boolean {
		this.space();
		const byte = this.bytes[this.at];
		this.at++;
		if (byte === close) {
			return true;
		}

		if (byte !== comma) {
			throw notRead;
		}

		this.space();
		return false;
	}

	/** Any JSON value, checked and passed over. */
	protected value(depth: number): Kind {
		const {bytes} = this;
		const byte = bytes[this.at];
		this.escaped = false;
		if (byte === quote) {
			this.string();
			return 'string';
		}

		if (byte === minus || (byte !== undefined && byte >= zero && byte <= nine)) {
			this.skipNumber();
			return 'number';
		}

		if (byte === openBrace || byte === openBracket) {
			if (depth >= maxDepth) {
				throw notRead;
			}

			this.container(byte === openBrace, depth + 1);
			return 'other';
		}

		for (const literal of literals) {
			if (bytes[this.at] === literal[0] && this.is(this.at, this.at + literal.length, literal)) {
				this.at += literal.length;
				return 'other';
			}
		}

		throw notRead;
	}

	protected container(isObject: boolean, depth: number): void {
		const close = isObject ? closeBrace : closeBracket;
		this.at++;
		this.space();
		if (this.bytes[this.at] === close) {
			this.at++;
			return;
		}

		for (;;) {
			if (isObject) {
				this.string();
				this.space();
				this.expect(colon);
				this.space();
			}

			this.value(depth);
			if (this.next(close)) {
				return;
			}
		}
	}

	/** A string from its opening quote to past its closing one, checked as JSON.parse checks it. */
	protected string(): void {
		const {bytes} = this;
		let at = this.at;
		if (bytes[at] !== quote) {
			throw notRead;
		}

		at++;
		const length = bytes.length;
		let escaped = false;
		for (;;) {
			// Most of a page is plain text inside strings: one look-up a byte.
			while (at < length && stops[bytes[at] as number] === 0) {
				at++;
			}

			const byte = bytes[at];
			if (byte === quote) {
				break;
			}

			if (byte !== backslash) {
				throw notRead;
			}

			escaped = true;
			at = this.escape(at + 1);
		}

		this.at = at + 1;
		this.escaped = escaped;
	}

	/** Past an escape's letter (and a \u's four hex digits). */
	protected escape(at: number): number {
		const letter = this.bytes[at];
		switch (letter) {
			case 0x22: // "
			case 0x5c: // \
			case 0x2f: // /
			case 0x62: // b
			case 0x66: // f
			case 0x6e: // n
			case 0x72: // r
			case 0x74: {
				// t
				return at + 1;
			}

			case 0x75: {
				// u
				for (let digit = at + 1; digit <= at + 4; digit++) {
					if (!isHex(this.bytes[digit])) {
						throw notRead;
					}
				}

				return at + 5;
			}

			default: {
				throw notRead;
			}
		}
	}

	/** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
	protected skipNumber(): void {
		const {bytes} = this;
		if (bytes[this.at] === minus) {
			this.at++;
		}

		if (bytes[this.at] === zero) {
			this.at++;
		} else {
			this.digits();
		}

		if (bytes[this.at] === dot) {
			this.at++;
			this.digits();
		}

		const exponent = bytes[this.at];
		if (exponent === 0x65 || exponent === 0x45) {
			this.at++;
			const sign = bytes[this.at];
			if (sign === 0x2b || sign === minus) {
				this.at++;
			}

			this.digits();
		}
	}

	/** One digit or more. */
	protected digits(): void {
		const {bytes} = this;
		const start = this.at;
		let at = start;
		while (isDigit(bytes[at])) {
			at++;
		}

		if (at === start) {
			throw notRead;
		}

		this.at = at;
	}

	protected is(start: number, end: number, expected: Buffer): boolean {
		if (end - start !== expected.length) {
			return false;
		}

		for (let index = 0; index < expected.length; index++) {
			if (this.bytes[start + index] !== expected[index]) {
				return false;
			}
		}

		return true;
	}

	protected expect(byte: number): void {
		if (this.bytes[this.at] !== byte) {
			throw notRead;
		}

		this.at++;
	}

	/** JSON's whitespace: space, tab, line feed, carriage return. */
	protected space(): void {
		const {bytes} = this;
		// Pages come without spacing: most calls look at one byte past it.
		if ((bytes[this.at] as number) > 0x20) {
			return;
		}

		for (;;) {
			const byte = bytes[this.at];
			if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) {
				return;
			}

			this.at++;
		}
	}
}

function isDigit(byte: number | undefined): boolean {
	return byte !== undefined && byte >= zero && byte <= nine;
}

function isHex(byte: number | undefined): boolean {
	return (
		byte !== undefined &&
		((byte >= zero && byte <= nine) ||
			(byte >= 0x61 && byte <= 0x66) ||
			(byte >= 0x41 && byte <= 0x46))
	);
}
