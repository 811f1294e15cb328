// One flow record's text, written byte by byte into a buffer that is reused for every record:
// records are rendered from their numbers only when a read asks for them, and a line built this
// way costs one string, not one per field.

const digits = new Uint8Array(20);
/** No record is longer than this. */
const longestLine = 4096;

export class LineText {
	private readonly buffer = Buffer.allocUnsafeSlow(longestLine);
	private position = 0;

	/** Text of one-byte characters (addresses, ids, actions); a loop beats a native call this short. */
	ascii(text: string): void {
		const {buffer} = this;
		let at = this.position;
		for (let index = 0; index < text.length && at < longestLine; index++)
			buffer[at++] = text.charCodeAt(index);
		this.position = at;
	}

	bytes(source: Uint8Array): void {
		const {buffer} = this;
		let at = this.position;
		for (let index = 0; index < source.length && at < longestLine; index++)
			buffer[at++] = source[index] ?? 32;
		this.position = at;
	}

	/** A non-negative integer in decimal. */
	integer(value: number): void {
		let rest = Math.max(0, Math.floor(value));
		let count = 0;
		do {
			digits[count++] = 48 + (rest % 10);
			rest = Math.floor(rest / 10);
		} while (rest > 0);
		const {buffer} = this;
		for (let index = count - 1; index >= 0 && this.position < longestLine; index--) {
			buffer[this.position++] = digits[index] ?? 48;
		}
	}

	/** The byte length of the line written since the last call, and a fresh start for the next. */
	drop(): number {
		const length = this.position;
		this.position = 0;
		return length;
	}

	/** The line written since the last call, and a fresh start for the next. */
	take(): string {
		const line = this.buffer.toString('latin1', 0, this.position);
		this.position = 0;
		return line;
	}
}
