// A record's characters as bytes, read natively in one call (TextEncoder.encodeInto) instead of one
// charCodeAt at a time: the default format's scan reads most of a record's hundred characters, and
// a byte of a typed array costs about half what a character of a string does.

/**
 * Bytes written past the text's end, all 0 (no digit, space, dot or letter): a scan that stops at
 * the first character that does not fit stops there, as charCodeAt past the end gives NaN, which
 * fits nothing either. Every scan of default-record.ts looks at most this far past the end.
 */
export const asciiSlack = 8;

const encoder = new TextEncoder();
let codes = new Uint8Array(1024);

// A flow record is far shorter (record-reader.ts turns down messages over 16 KiB); the shared array
// never grows past this, whatever text it is handed.
const maxLength = 65_536;

/**
 * The text's character codes when every one is ASCII (below 128), followed by asciiSlack zeros;
 * undefined when one is not, or the text is longer than any record. The array is shared and
 * overwritten by the next call.
 */
export function asciiCodesOf(text: string): Uint8Array | undefined {
	const {length} = text;
	if (length > maxLength) {
		return undefined;
	}

	if (codes.length < length + asciiSlack) {
		codes = new Uint8Array(2 * (length + asciiSlack));
	}

	// UTF-8 writes one byte for a character below 128 and more for any other (a lone surrogate
	// included): the bytes are the characters exactly when as many were written as read.
	const {read, written} = encoder.encodeInto(text, codes);
	if (read !== length || written !== length) {
		return undefined;
	}

	for (let index = length; index < length + asciiSlack; index++) {
		codes[index] = 0;
	}

	return codes;
}
