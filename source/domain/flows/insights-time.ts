// Times as Insights prints them. Every result row of a flows refresh carries one (`@timestamp`, or
// a `bin()` bucket), so the common shape is read by character positions, and a run of rows with the
// same time (the records of one aggregation interval) is read once; other spellings go through the
// regular expression that defines what is accepted.

const insightsTime =
	/^([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?Z?$/;

let lastText = '';
let lastSeconds: number | undefined;

/** Unix seconds from a `bin()` value: `2024-05-01 13:42:00.000` (UTC), ISO 8601, or epoch s/ms. */
export function parseInsightsTime(text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	if (text === lastText) {
		return lastSeconds;
	}

	const seconds = readInsightsTime(text);
	lastText = text;
	lastSeconds = seconds;
	return seconds;
}

function readInsightsTime(text: string): number | undefined {
	const clock = readClock(text);
	if (clock !== undefined) {
		return clock;
	}

	if (/^[0-9]{1,16}$/.test(text)) {
		const value = Number(text);
		// Epoch milliseconds passed 1e11 in 1973; seconds will not reach it for millennia.
		return value >= 1e11 ? Math.floor(value / 1000) : value;
	}

	const match = insightsTime.exec(text);
	if (match === null) {
		return undefined;
	}

	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
		.slice(1)
		.map((part) => (part === undefined ? 0 : Number(part)));
	return secondsOf(year, month, day, hour, minute, second);
}

function secondsOf(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
): number | undefined {
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
		return undefined;
	}

	// Date.UTC reads years 0-99 as 1900-1999; the arithmetic below is for the years Insights prints.
	if (year < 100) {
		return Math.floor(Date.UTC(year, month - 1, day, hour, minute, second) / 1000);
	}

	return daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). Linear in the
 * day, so a day past the month's end rolls over as Date.UTC does (February 31 is March 3 or 2).
 */
function daysFromCivil(year: number, month: number, day: number): number {
	const shifted = month <= 2 ? year - 1 : year;
	const era = Math.floor(shifted / 400);
	const yearOfEra = shifted - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

const zero = 48;
const dash = 45;
const dot = 46;
const colon = 58;
const space = 32;
const letterT = 84;
const letterZ = 90;

// Digits read by readClock, -1 when the character was not a digit.
function digit(text: string, index: number): number {
	const value = text.charCodeAt(index) - zero;
	return value >= 0 && value <= 9 ? value : -1;
}

function pair(text: string, index: number): number {
	const tens = digit(text, index);
	const ones = digit(text, index + 1);
	return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/**
 * `YYYY-MM-DD HH:MM:SS` (or `T`), then optionally `.digits`, then optionally `Z`, as seconds;
 * undefined for anything else, out-of-range fields included (the general path decides those).
 */
function readClock(text: string): number | undefined {
	const {length} = text;
	if (
		length < 19 ||
		text.charCodeAt(4) !== dash ||
		text.charCodeAt(7) !== dash ||
		(text.charCodeAt(10) !== space && text.charCodeAt(10) !== letterT) ||
		text.charCodeAt(13) !== colon ||
		text.charCodeAt(16) !== colon
	) {
		return undefined;
	}

	const century = pair(text, 0);
	const yearOfCentury = pair(text, 2);
	const month = pair(text, 5);
	const day = pair(text, 8);
	const hour = pair(text, 11);
	const minute = pair(text, 14);
	const second = pair(text, 17);
	if (
		century < 0 ||
		yearOfCentury < 0 ||
		month < 0 ||
		day < 0 ||
		hour < 0 ||
		minute < 0 ||
		second < 0
	) {
		return undefined;
	}

	let index = 19;
	if (text.charCodeAt(index) === dot) {
		index++;
		const fractionStart = index;
		while (index < length && digit(text, index) >= 0) {
			index++;
		}

		if (index === fractionStart) {
			return undefined;
		}
	}

	if (text.charCodeAt(index) === letterZ) {
		index++;
	}

	if (index !== length) {
		return undefined;
	}

	return secondsOf(century * 100 + yearOfCentury, month, day, hour, minute, second);
}
