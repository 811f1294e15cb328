// Repeated strings are handed out once (token-cache.ts) and stream names are remembered
// (interfaceIdFromLogStream): neither may ever change a value, whatever collides in the cache.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {interfaceIdFromLogStream} from '../../../source/domain/flows/flow-records.js';
import {createFlowTable, textOf, wordId} from '../../../source/domain/flows/flow-table.js';
import {
	cachedAddress,
	cachedSlice,
	cachedWord,
	createTokenCache,
} from '../../../source/domain/flows/token-cache.js';

describe('cachedSlice', () => {
	it('gives the slice, for any tokens in any order', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[!-~]{1,24}$/), {maxLength: 3000}), (tokens) => {
				const cache = createTokenCache();
				const text = tokens.join(' ');
				let start = 0;
				for (const token of tokens) {
					expect(cachedSlice(cache, text, start, start + token.length)).toBe(token);
					start += token.length + 1;
				}
			}),
			{numRuns: 20},
		);
	});

	it('gives an empty string for an empty range', () => {
		expect(cachedSlice(createTokenCache(), 'abc', 1, 1)).toBe('');
	});
});

describe('cachedWord', () => {
	it('gives the word when it is printable, for any words in any order', () => {
		const word = fc.oneof(
			fc.stringMatching(/^[!-~]{1,24}$/),
			fc.string({minLength: 1, maxLength: 24}).filter((text) => !text.includes(' ')),
		);
		fc.assert(
			fc.property(fc.array(word, {maxLength: 3000}), (words) => {
				const cache = createTokenCache();
				const text = words.join(' ');
				let start = 0;
				for (const token of words) {
					const printable = /^[!-~]+$/.test(token);
					const found = cachedWord(cache, text, start, start + token.length);
					expect(found).toBe(printable ? token : undefined);
					start += token.length + 1;
				}
			}),
			{numRuns: 20},
		);
	});

	it.each([
		['an empty range', 'abc', 1, 1],
		['a tab', 'a\tb', 0, 3],
		['a control character', 'a\u0001b', 0, 3],
		['a non-ASCII letter', 'ení', 0, 3],
		['DEL', 'a\u007fb', 0, 3],
	])('gives undefined for %s', (_name, text, start, end) => {
		expect(cachedWord(createTokenCache(), text, start, end)).toBeUndefined();
	});

	it('does not hand out a word it has seen for a longer or different token', () => {
		const cache = createTokenCache();
		expect(cachedWord(cache, 'eni-1 eni-1\u0001', 0, 5)).toBe('eni-1');
		expect(cachedWord(cache, 'eni-1 eni-1\u0001', 6, 12)).toBeUndefined();
		expect(cachedWord(cache, 'eni-1 eni-2', 6, 11)).toBe('eni-2');
	});
});

describe('wordId', () => {
	// Few characters each, so words collide in the table's slots and share their last characters.
	const word = fc.oneof(
		fc.stringMatching(/^[ab]{1,4}$/),
		fc.stringMatching(/^[ab1-]{1,40}$/),
		fc.stringMatching(/^eni-[0-9a-f]{1,17}$/),
		fc.string({minLength: 1, maxLength: 24}).filter((text) => !text.includes(' ')),
	);

	it('gives the id of the word when it is printable, for any words in any order', () => {
		fc.assert(
			fc.property(fc.array(word, {minLength: 100, maxLength: 1000}), (words) => {
				const table = createFlowTable();
				const text = words.join(' ');
				let start = 0;
				for (const token of words) {
					const printable = /^[!-~]+$/.test(token);
					const id = wordId(table, text, start, start + token.length);
					expect(id < 0 ? undefined : textOf(table, id)).toBe(printable ? token : undefined);
					start += token.length + 1;
				}
			}),
			{numRuns: 30},
		);
	});

	it.each([
		['an empty range', 'abc', 1, 1],
		['a tab', 'a\tb', 0, 3],
		['a non-ASCII letter', 'ení', 0, 3],
	])('gives -1 for %s', (_name, text, start, end) => {
		expect(wordId(createFlowTable(), text, start, end)).toBe(-1);
	});

	it('does not give a word it has seen for one with a control character in its place', () => {
		const table = createFlowTable();
		const text = 'eni-1 eni-\u00011';
		expect(textOf(table, wordId(table, text, 0, 5))).toBe('eni-1');
		expect(wordId(table, text, 6, 12)).toBe(-1);
	});
});

function ipv4Value(address: string): number {
	return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

describe('cachedAddress', () => {
	it('gives the address the value names, for any addresses in any order', () => {
		fc.assert(
			fc.property(fc.array(fc.ipV4(), {maxLength: 3000}), (addresses) => {
				const cache = createTokenCache();
				const text = addresses.join(' ');
				let start = 0;
				for (const address of addresses) {
					const end = start + address.length;
					expect(cachedAddress(cache, text, start, end, ipv4Value(address))).toBe(address);
					start = end + 1;
				}
			}),
			{numRuns: 20},
		);
	});

	it('tells 0.0.0.0 from an empty slot', () => {
		expect(cachedAddress(createTokenCache(), '0.0.0.0', 0, 7, 0)).toBe('0.0.0.0');
	});
});

describe('interfaceIdFromLogStream, asked again', () => {
	it.each([
		['eni-0123456789abcdef0-all', 'eni-0123456789abcdef0'],
		['eni-0123456789abcdef0', 'eni-0123456789abcdef0'],
		['eni-0abc-', 'eni-0abc'],
		['eni-0ABC-all', undefined],
		['eni-0abcx-all', undefined],
		['eni-', undefined],
		['eni--all', undefined],
		['xeni-0abc', undefined],
		['', undefined],
	])('reads %j as %s every time', (stream, expected) => {
		expect(interfaceIdFromLogStream(stream)).toBe(expected);
		expect(interfaceIdFromLogStream(stream)).toBe(expected);
	});

	it('keeps reading right past the streams it remembers', () => {
		const streams = Array.from({length: 600}, (_, index) => `eni-${index.toString(16)}-all`);
		for (const stream of [...streams, ...streams]) {
			expect(interfaceIdFromLogStream(stream)).toBe(stream.slice(0, -4));
		}
	});
});
