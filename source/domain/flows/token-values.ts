// The validators of flow-values.ts, read straight from a range of the record's text. A record has
// about fourteen tokens and a refresh reads thousands of records, so checking characters in place
// saves a substring and a regular expression per value; each function accepts exactly what its
// flow-values.ts counterpart accepts.

const zero = 48;
const dot = 46;

/**
 * `parseCount(text.slice(start, end), max)`, with -1 for undefined: 1 to 16 digits, a safe integer,
 * at most `max`.
 */
export function countIn(text: string, start: number, end: number, max: number): number {
	const length = end - start;
	if (length < 1 || length > 16) {
		return -1;
	}

	let value = 0;
	for (let index = start; index < end; index++) {
		const digit = text.charCodeAt(index) - zero;
		if (digit < 0 || digit > 9) {
			return -1;
		}

		// Exact up to 2^53; past it the sum only grows, so the safe-integer test below still fails.
		value = value * 10 + digit;
	}

	return value <= max && value <= Number.MAX_SAFE_INTEGER ? value : -1;
}

/** `isIpv4(text.slice(start, end))`: four decimal octets 0-255, no leading zeros. */
export function isIpv4In(text: string, start: number, end: number): boolean {
	let octets = 0;
	let index = start;
	for (;;) {
		const first = index;
		let value = 0;
		while (index < end && index - first < 4) {
			const digit = text.charCodeAt(index) - zero;
			if (digit < 0 || digit > 9) {
				break;
			}

			value = value * 10 + digit;
			index++;
		}

		const digits = index - first;
		if (
			digits === 0 ||
			digits > 3 ||
			value > 255 ||
			(digits > 1 && text.charCodeAt(first) === zero)
		) {
			return false;
		}

		octets++;
		if (index === end) {
			return octets === 4;
		}

		if (octets === 4 || text.charCodeAt(index) !== dot) {
			return false;
		}

		index++;
	}
}

/** Whether `text.slice(start, end) === word`. */
export function tokenIs(text: string, start: number, end: number, word: string): boolean {
	return end - start === word.length && text.startsWith(word, start);
}
