import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseAlbEntry} from '../../../source/domain/access-logs/alb-entry.js';
import {parseNlbEntry} from '../../../source/domain/access-logs/nlb-entry.js';
import {
	parseAlbEntries,
	parseNlbEntries,
} from '../../../source/domain/access-logs/parse-entries.js';
import {clean} from '../../../source/domain/access-logs/values.js';
import {sanitizeText} from '../../../source/domain/sanitize.js';
import {albValues, expectedRecord, renderAlb} from './alb-render.js';
import {expectedTlsRecord, nlbValues, renderNlb} from './nlb-render.js';

/** C0 and C1 controls (ESC and the 8-bit CSI among them) and DEL. */
const control = /[\u0000-\u001f\u007f-\u009f]/;

function strings(value: unknown): string[] {
	if (typeof value === 'string') {
		return [value];
	}

	if (Array.isArray(value)) {
		return value.flatMap(strings);
	}

	return typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [];
}

/** Anything a client can put in a header or URL: controls, escapes, quotes, non-ASCII. */
const hostile = fc.string({
	unit: fc.oneof(
		fc.constantFrom('\u001b', '\u009b', '\u0007', '"', '\\', ' ', '\t', '\u202e', '[', ']', ';'),
		fc.string({unit: 'grapheme', minLength: 1, maxLength: 1}),
		fc.integer({min: 0, max: 0x9f}).map((code) => String.fromCharCode(code)),
	),
	maxLength: 80,
});

describe('ALB entries, for every documented field value', () => {
	it('an entry written from valid values reads back as those values', () => {
		fc.assert(
			fc.property(albValues, (values) => {
				const result = parseAlbEntry(renderAlb(values), {keepQueries: true});
				expect(result.ok).toBe(true);
				if (result.ok) {
					const {id: _id, ...record} = result.entry;
					expect(record).toEqual(expectedRecord(values));
				}
			}),
			{numRuns: 300},
		);
	});

	it('garbage never throws and is counted as malformed', () => {
		fc.assert(
			fc.property(
				fc.array(
					hostile.filter((line) => line.trim() !== ''),
					{maxLength: 5},
				),
				(lines) => {
					const result = parseAlbEntries(lines);
					expect(result.entries.length + result.malformed).toBe(lines.length);
					expect(result.malformed).toBe(lines.length);
				},
			),
			{numRuns: 300},
		);
	});

	it('a valid entry with a field cut out or garbled is malformed, never thrown', () => {
		fc.assert(
			fc.property(albValues, fc.nat(16), hostile, (values, index, garbage) => {
				const fields = renderAlb({...values, extra: []}).split(' ');
				const garbled = [...fields.slice(0, index), `${garbage}x`, ...fields.slice(index + 1)];
				expect(() => parseAlbEntry(garbled.join(' '))).not.toThrow();
				expect(parseAlbEntry(fields.slice(0, 10).join(' ')).ok).toBe(false);
			}),
			{numRuns: 200},
		);
	});

	it('hostile user agents, URLs and SNI names never bring a control character out', () => {
		fc.assert(
			fc.property(albValues, hostile, hostile, hostile, (values, agent, path, sni) => {
				const line = renderAlb(values)
					.replace(/ "[^"]*" "/, () => ` "GET https://shop.example.com/${path} HTTP/1.1" "`)
					.replace(/HTTP\/1\.1" "[^"]*"/, () => `HTTP/1.1" "${agent}"`)
					.concat(` "${sni}"`);
				const result = parseAlbEntry(line, {keepQueries: true});
				for (const text of result.ok ? strings(result.entry) : [result.reason]) {
					expect(text).not.toMatch(control);
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('NLB entries, for every documented field value', () => {
	it('an entry written from valid values reads back as those values', () => {
		fc.assert(
			fc.property(nlbValues, (values) => {
				const result = parseNlbEntry(renderNlb(values));
				expect(result.ok).toBe(true);
				if (result.ok) {
					const {id: _id, ...record} = result.entry;
					expect(record).toEqual(expectedTlsRecord(values));
				}
			}),
			{numRuns: 300},
		);
	});

	it('garbage never throws and is counted as malformed', () => {
		fc.assert(
			fc.property(
				fc.array(
					hostile.filter((line) => line.trim() !== ''),
					{maxLength: 5},
				),
				(lines) => {
					const result = parseNlbEntries(lines);
					expect(result.malformed).toBe(lines.length);
				},
			),
			{numRuns: 300},
		);
	});

	it('hostile SNI names and ALPN lists never bring a control character out', () => {
		fc.assert(
			fc.property(nlbValues, hostile, hostile, (values, sni, alpn) => {
				const encoded = (text: string) => encodeURIComponent(text);
				const fields = renderNlb(values).split(' ');
				fields[17] = encoded(sni) || '-';
				fields[20] = encoded(alpn) || '-';
				const result = parseNlbEntry(fields.join(' '));
				for (const text of result.ok ? strings(result.entry) : [result.reason]) {
					expect(text).not.toMatch(control);
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('the shortcut past sanitizeText for clean text', () => {
	it('gives what sanitizeText gives, for any text and length', () => {
		fc.assert(
			fc.property(
				fc.oneof(hostile, fc.string({maxLength: 80})),
				fc.integer({min: 1, max: 100}),
				(text, length) => {
					expect(clean(text, length)).toBe(sanitizeText(text, length));
				},
			),
			{numRuns: 500},
		);
	});
});
