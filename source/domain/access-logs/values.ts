// Readers for single access log values. Each returns `undefined` for `-` (not applicable) and
// `null` for text that is not what the field documents, so the entry parsers can tell an absent
// value from a malformed line.
import {sanitizeText} from '../sanitize.js';

export type Read<Value> = Value | undefined | null;

const isoTime =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO 8601 to Unix ms. ALB writes `2018-07-02T22:23:00.186641Z`; the NLB user guide's examples
 * have no fraction and no zone (`2018-12-20T02:59:40`), read as UTC like every ELB time.
 */
export function readTime(text: string): Read<number> {
	if (text === '-') {
		return undefined;
	}

	const match = isoTime.exec(text);
	if (match === null) {
		return null;
	}

	const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
	const ms = Number(`${fraction}000`.slice(0, 3));
	const utc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		ms,
	);
	return Number.isNaN(utc) ? null : utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
	if (zone === 'Z') {
		return 0;
	}

	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** A decimal duration; the ALB timings' `-1` (not dispatched, timed out) reads as absent. */
export function readDuration(text: string): Read<number> {
	if (text === '-' || text === '-1') {
		return undefined;
	}

	if (!/^\d+(?:\.\d+)?$/.test(text)) {
		return /^-1\.0+$/.test(text) ? undefined : null;
	}

	return Number(text);
}

export function readCount(text: string): Read<number> {
	if (text === '-') {
		return undefined;
	}

	return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

export function readStatus(text: string): Read<number> {
	if (text === '-' || text === '') {
		return undefined;
	}

	return /^\d{3}$/.test(text) ? Number(text) : null;
}

export type Endpoint = {readonly addr: string; readonly port: number};

/**
 * `ip:port`. An IPv6 address is split at its last colon; brackets around it are dropped (how ELB
 * writes IPv6 clients is UNVERIFIED, so both `[2001:db8::1]:443` and `2001:db8::1:443` are read).
 */
export function readEndpoint(text: string): Read<Endpoint> {
	if (text === '-') {
		return undefined;
	}

	const colon = text.lastIndexOf(':');
	if (colon <= 0) {
		return null;
	}

	const addr = text.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
	const port = text.slice(colon + 1);
	if (!/^[0-9A-Fa-f.:]+$/.test(addr) || !/^\d{1,5}$/.test(port) || Number(port) > 65_535) {
		return null;
	}

	return {addr, port: Number(port)};
}

/** What sanitizeText would change: controls (ESC starts every escape sequence) and bidi overrides. */
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * sanitizeText, with a shortcut for the text of nearly every entry, which has nothing to strip:
 * three regular expression passes per field would be most of the time spent on a line.
 */
export function clean(text: string, maxLength: number): string {
	return text.length <= maxLength && !unsafe.test(text) ? text : sanitizeText(text, maxLength);
}

/** Free text from the log: kept as data, but sanitized and cut before anything can show it. */
export function readText(text: string, maxLength = 512): string | undefined {
	return text === '-' || text === '' ? undefined : clean(text, maxLength);
}

/** A comma- or space-separated list (`actions_executed`, `target:port_list`); `-` is empty. */
export function readList(text: string, separator: RegExp, maxItems = 16): string[] {
	if (text === '-' || text === '') {
		return [];
	}

	return text
		.split(separator)
		.filter((item) => item !== '' && item !== '-')
		.slice(0, maxItems)
		.map((item) => clean(item, 128));
}

/** Characters hashed from each end of a line: its time (to the microsecond), client and target
 * lead the line and its trace ids end it, so two entries that differ differ there. */
const idSpan = 256;

/** FNV-1a (two lanes) over both ends of the line: the same entry read twice gets the same id. */
export function entryId(prefix: string, line: string): string {
	let low = 0x811c9dc5 ^ line.length;
	let high = 0x01000193;
	const head = Math.min(line.length, idSpan);
	const tail = Math.max(head, line.length - idSpan);
	for (let index = 0; index < line.length; index = index === head - 1 ? tail : index + 1) {
		const char = line.charCodeAt(index);
		low = Math.imul(low ^ char, 0x01000193);
		high = Math.imul(high ^ char ^ (low >>> 7), 0x01000193);
	}

	return `${prefix}-${(high >>> 0).toString(16).padStart(8, '0')}${(low >>> 0).toString(16).padStart(8, '0')}`;
}

type Optional<T> = {
	[Key in keyof T as undefined extends T[Key] ? Key : never]?: Exclude<T[Key], undefined>;
};
type Required<T> = {[Key in keyof T as undefined extends T[Key] ? never : Key]: T[Key]};

/** An object without its `undefined` values: optional fields are absent, never `undefined`. */
export function withoutUndefined<T extends object>(values: T): Required<T> & Optional<T> {
	// A plain loop: this runs once per log entry, and entries/fromEntries allocate two arrays.
	const result: Record<string, unknown> = {};
	for (const key in values) {
		const value = values[key];
		if (value !== undefined) {
			result[key] = value;
		}
	}

	return result as Required<T> & Optional<T>;
}

/** The earlier of two optional times (either may be unknown). */
export const earliest = (a: number | undefined, b: number | undefined): number | undefined =>
	a === undefined ? b : b === undefined ? a : Math.min(a, b);
export const latest = (a: number | undefined, b: number | undefined): number | undefined =>
	a === undefined ? b : b === undefined ? a : Math.max(a, b);

/** URL-decoded text (NLB SNI names and ALPN lists); text that does not decode stays as written. */
export function urlDecoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
