// Flow records repeat the same few strings over and over (the account, the interfaces, the LB's and
// the busiest clients' addresses). Handing out one string object per distinct value instead of a
// fresh slice per record keeps thousands of duplicate strings out of the heap, and every Map lookup
// downstream (pairing, aggregation) then finds a string whose hash is already computed.
//
// The cache is direct-mapped on a cheap hash of a few characters; a slot is reused only after the
// candidate is checked character for character, so a collision costs a slice, never a wrong value.

const slots = 1024;

export type TokenCache = {
	readonly values: (string | undefined)[];
	/** IPv4 addresses by their 32-bit value, which names exactly one canonical text. */
	readonly addressValues: Float64Array;
	readonly addresses: (string | undefined)[];
};

export function createTokenCache(): TokenCache {
	return {
		values: Array.from({length: slots}, () => undefined),
		addressValues: new Float64Array(slots).fill(-1),
		addresses: Array.from({length: slots}, () => undefined),
	};
}

/** `text.slice(start, end)`, as an earlier identical string when the cache holds one. */
export function cachedSlice(cache: TokenCache, text: string, start: number, end: number): string {
	const length = end - start;
	if (length === 0) {
		return '';
	}

	const slot = slotOf(text, start, end);
	const known = cache.values[slot];
	if (known !== undefined && known.length === length && text.startsWith(known, start)) {
		return known;
	}

	const value = text.slice(start, end);
	cache.values[slot] = value;
	return value;
}

/**
 * `text.slice(start, end)` when it is all printable ASCII other than space, otherwise undefined.
 * A cache that only this fills holds only such words, so a word found in it needs no checking.
 */
export function cachedWord(
	cache: TokenCache,
	text: string,
	start: number,
	end: number,
): string | undefined {
	const length = end - start;
	if (length === 0) {
		return undefined;
	}

	const slot = slotOf(text, start, end);
	const known = cache.values[slot];
	if (known !== undefined && known.length === length && text.startsWith(known, start)) {
		return known;
	}

	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code <= space || code > tilde) {
			return undefined;
		}
	}

	const value = text.slice(start, end);
	cache.values[slot] = value;
	return value;
}

const space = 32;
const tilde = 126;

/** Addresses and ids differ most in their last characters; the first and the length separate kinds. */
function slotOf(text: string, start: number, end: number): number {
	const length = end - start;
	return (
		(length * 7 +
			text.charCodeAt(start) * 3 +
			text.charCodeAt(end - 1) * 31 +
			text.charCodeAt(end - (length > 1 ? 2 : 1)) * 131 +
			text.charCodeAt(start + (length >> 1)) * 17) &
		(slots - 1)
	);
}

/**
 * `text.slice(start, end)` for a canonical IPv4 address (four octets, no leading zeros) whose value
 * the caller has read: equal values are equal texts, so no characters need comparing.
 */
export function cachedAddress(
	cache: TokenCache,
	text: string,
	start: number,
	end: number,
	value: number,
): string {
	const slot = Math.imul(value | 0, 0x9e_37_79_b1) >>> slotShift;
	const known = cache.addresses[slot];
	if (known !== undefined && cache.addressValues[slot] === value) {
		return known;
	}

	const address = text.slice(start, end);
	cache.addresses[slot] = address;
	cache.addressValues[slot] = value;
	return address;
}

// The top bits of a multiplicative hash pick the slot.
const slotShift = 32 - Math.log2(slots);
