// Accumulators for the aggregate functions of `stats`, one set per group.
import type {CallExpr} from './ast.js';
import {compile, type Scope} from './compile.js';
import {errorAt} from './errors.js';
import {type Row, ValuesRow} from './rows.js';
import {compareForSort} from './sort-order.js';
import {compareValues, groupKeyOf, toNumber, type Value} from './values.js';

export type Accumulator = {
	add(row: Row): void;
	result(): Value;
};

export type AccumulatorFactory = () => Accumulator;

function counter(test: (row: Row) => boolean): AccumulatorFactory {
	return () => {
		let count = 0;
		return {
			add: (row) => {
				if (test(row)) {
					count++;
				}
			},
			result: () => count,
		};
	};
}

function numbers(
	read: (row: Row) => Value,
	finish: (values: {count: number; sum: number; squares: number; all: number[]}) => Value,
	keepAll = false,
): AccumulatorFactory {
	return () => {
		const state = {count: 0, sum: 0, squares: 0, all: [] as number[]};
		return {
			add: (row) => {
				const number = toNumber(read(row));
				if (number !== undefined) {
					state.count++;
					state.sum += number;
					state.squares += number * number;
					if (keepAll) {
						state.all.push(number);
					}
				}
			},
			result: () => (state.count === 0 ? undefined : finish(state)),
		};
	};
}

/** Keeps the value for which `better(candidate, kept)` holds, e.g. the smallest one. */
function keeper(
	read: (row: Row) => Value,
	rank: (row: Row) => number | undefined,
	better: (candidate: {value: Value; rank: number}, kept: {value: Value; rank: number}) => boolean,
): AccumulatorFactory {
	return () => {
		let kept: {value: Value; rank: number} | undefined;
		return {
			add: (row) => {
				const value = read(row);
				const rowRank = rank(row);
				if (value === undefined || rowRank === undefined) {
					return;
				}
				const candidate = {value, rank: rowRank};
				if (kept === undefined || better(candidate, kept)) {
					kept = candidate;
				}
			},
			result: () => kept?.value,
		};
	};
}

function percentile(call: CallExpr, scope: Scope): number {
	const argument = call.args[1];
	const percent =
		argument === undefined ? undefined : toNumber(compile(argument, scope)(new ValuesRow()));
	if (percent === undefined || percent < 0 || percent > 100) {
		throw errorAt('pct needs a percentile between 0 and 100', call.place);
	}
	return percent;
}

export function accumulatorFactory(call: CallExpr, scope: Scope): AccumulatorFactory {
	const argument = call.args[0];
	const read =
		argument === undefined || argument.kind === 'star' ? () => true : compile(argument, scope);
	const anyRank = (): number => 0;
	const timeRank = (row: Row): number | undefined => row.timestampMs;
	switch (call.name) {
		case 'count':
			return counter((row) => read(row) !== undefined);
		case 'count_distinct':
			return () => {
				const seen = new Set<string>();
				return {
					add: (row) => {
						const value = read(row);
						if (value !== undefined) {
							seen.add(groupKeyOf(value));
						}
					},
					result: () => seen.size,
				};
			};
		case 'sum':
			return numbers(read, ({sum}) => sum);
		case 'avg':
			return numbers(read, ({sum, count}) => sum / count);
		case 'stddev':
			return numbers(read, ({sum, squares, count}) =>
				count < 2 ? 0 : Math.sqrt(Math.max(0, (squares - (sum * sum) / count) / (count - 1))),
			);
		case 'pct': {
			const percent = percentile(call, scope);
			return numbers(
				read,
				({all}) => {
					const sorted = all.sort((a, b) => a - b);
					const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
					return sorted[Math.min(rank, sorted.length) - 1];
				},
				true,
			);
		}
		case 'min':
			return keeper(read, anyRank, (a, b) => (compareValues(a.value, b.value) ?? 0) < 0);
		case 'max':
			return keeper(read, anyRank, (a, b) => (compareValues(a.value, b.value) ?? 0) > 0);
		case 'earliest':
			return keeper(read, timeRank, (a, b) => a.rank < b.rank);
		case 'latest':
			return keeper(read, timeRank, (a, b) => a.rank > b.rank);
		case 'sortsfirst':
			return keeper(read, anyRank, (a, b) => compareForSort(a.value, b.value) < 0);
		case 'sortslast':
			return keeper(read, anyRank, (a, b) => compareForSort(a.value, b.value) > 0);
		default:
			throw errorAt(`unknown function ${call.name}`, call.place);
	}
}
