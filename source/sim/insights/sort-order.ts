// The order of `sort`, from the Insights docs: ascending puts every non-number value before every
// number value; numbers compare by value; other text compares in chunks, runs of digits by length
// then value, everything else by Unicode order. Descending is the reverse. Missing values go last
// either way.
import {TimeValue, type Value} from './values.js';

const numberText = /^-?\d+(?:\.\d+)?$/;

export type SortKey =
	| {readonly rank: 0; readonly text: string}
	| {readonly rank: 1; readonly number: number}
	| {readonly rank: 2};

export function sortKeyOf(value: Value): SortKey {
	if (value === undefined) {
		return {rank: 2};
	}
	if (typeof value === 'number') {
		return {rank: 1, number: value};
	}
	if (value instanceof TimeValue) {
		return {rank: 1, number: value.ms};
	}
	if (typeof value === 'boolean') {
		return {rank: 1, number: value ? 1 : 0};
	}
	return numberText.test(value) ? {rank: 1, number: Number(value)} : {rank: 0, text: value};
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

function runEnd(text: string, start: number, digits: boolean): number {
	let end = start;
	while (end < text.length && isDigit(text.charCodeAt(end)) === digits) {
		end++;
	}
	return end;
}

export function compareText(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const aDigit = isDigit(a.charCodeAt(i));
		const bDigit = isDigit(b.charCodeAt(j));
		if (aDigit !== bDigit) {
			return a.charCodeAt(i) - b.charCodeAt(j);
		}
		const aEnd = runEnd(a, i, aDigit);
		const bEnd = runEnd(b, j, bDigit);
		const aRun = a.slice(i, aEnd);
		const bRun = b.slice(j, bEnd);
		if (aDigit && aRun.length !== bRun.length) {
			return aRun.length - bRun.length;
		}
		if (aRun !== bRun) {
			return aRun < bRun ? -1 : 1;
		}
		i = aEnd;
		j = bEnd;
	}
	return a.length - i - (b.length - j);
}

/** Ascending comparison; `descending` reverses it except for missing values. */
export function compareSortKeys(a: SortKey, b: SortKey, descending: boolean): number {
	if (a.rank === 2 || b.rank === 2) {
		return a.rank - b.rank;
	}
	let order: number;
	if (a.rank !== b.rank) {
		order = a.rank - b.rank;
	} else if (a.rank === 1 && b.rank === 1) {
		order = a.number - b.number;
	} else if (a.rank === 0 && b.rank === 0) {
		order = compareText(a.text, b.text);
	} else {
		order = 0;
	}
	return descending ? -order : order;
}

export function compareForSort(a: Value, b: Value): number {
	return compareSortKeys(sortKeyOf(a), sortKeyOf(b), false);
}
