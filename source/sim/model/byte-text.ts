// ASCII text written straight into a growing byte buffer: flow records are written hundreds of
// thousands a minute, and a string per record (joined later) is garbage the collector has to
// trace; bytes written in place are not.

const digits = new Uint8Array(20);

export class ByteText {
	buffer: Buffer = Buffer.allocUnsafe(4096);
	length = 0;

	private ensure(extra: number): void {
		if (this.length + extra <= this.buffer.length) return;
		const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
		this.buffer.copy(grown, 0, 0, this.length);
		this.buffer = grown;
	}

	/** Text of one-byte characters (addresses, ids, actions); a loop beats a native call this short. */
	ascii(text: string): void {
		this.ensure(text.length);
		const {buffer} = this;
		let at = this.length;
		for (let index = 0; index < text.length; index++) buffer[at++] = text.charCodeAt(index);
		this.length = at;
	}

	bytes(source: Uint8Array): void {
		this.ensure(source.length);
		const {buffer} = this;
		let at = this.length;
		for (let index = 0; index < source.length; index++) buffer[at++] = source[index] ?? 32;
		this.length = at;
	}

	/** A non-negative integer in decimal. */
	integer(value: number): void {
		let rest = Math.max(0, Math.floor(value));
		let count = 0;
		do {
			digits[count++] = 48 + (rest % 10);
			rest = Math.floor(rest / 10);
		} while (rest > 0);
		this.ensure(count);
		for (let index = count - 1; index >= 0; index--) {
			this.buffer[this.length++] = digits[index] ?? 48;
		}
	}
}
