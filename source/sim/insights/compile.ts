// Expressions become closures over a row once per query, so that evaluating them over a hundred
// thousand events costs no tree walking.
import type {CallExpr, ComparisonOperator, Expr} from './ast.js';
import {errorAt} from './errors.js';
import type {FieldSlots} from './field-slots.js';
import {flowLogFieldPosition} from './flow-log-fields.js';
import {ceilToPeriod, floorToPeriod, type Period} from './periods.js';
import type {Row} from './rows.js';
import {scalarFunctions} from './scalar-functions.js';
import {compareValues, isTrue, TimeValue, textOf, toNumber, type Value} from './values.js';

export type Evaluator = (row: Row) => Value;

export type Scope = {
	readonly fields: FieldSlots;
	/** Where each aggregate call's result sits in a stats group row (stats items only). */
	readonly aggregates?: ReadonlyMap<CallExpr, number>;
};

export function compile(expr: Expr, scope: Scope): Evaluator {
	switch (expr.kind) {
		case 'string':
		case 'number': {
			const value = expr.value;
			return () => value;
		}
		case 'period': {
			const ms = expr.period.ms;
			if (ms === undefined) {
				throw errorAt(
					'a calendar period can only be used with bin, datefloor or dateceil',
					expr.place,
				);
			}
			return () => ms;
		}
		case 'regex': {
			const source = expr.compiled.regex.source;
			return () => source;
		}
		case 'field': {
			const name = expr.name;
			const slot = scope.fields.slotOf(name);
			const position = flowLogFieldPosition(name);
			return (row) => row.read(slot, name, position);
		}
		case 'star':
			return () => true;
		case 'negate': {
			const operand = compile(expr.operand, scope);
			return (row) => {
				const number = toNumber(operand(row));
				return number === undefined ? undefined : -number;
			};
		}
		case 'not': {
			const operand = compile(expr.operand, scope);
			return (row) => !isTrue(operand(row));
		}
		case 'logical': {
			const chain = compileTextChain(expr, scope);
			if (chain !== undefined) return chain;
			const left = compile(expr.left, scope);
			const right = compile(expr.right, scope);
			return expr.op === 'and'
				? (row) => isTrue(left(row)) && isTrue(right(row))
				: (row) => isTrue(left(row)) || isTrue(right(row));
		}
		case 'compare':
			return compileComparison(expr.op, compile(expr.left, scope), expr.right, scope);
		case 'arithmetic':
			return compileArithmetic(expr.op, compile(expr.left, scope), compile(expr.right, scope));
		case 'match':
			return compileMatch(expr, scope);
		case 'in': {
			const operand = compile(expr.operand, scope);
			const items = expr.items.map((item) => compile(item, scope));
			const negated = expr.negated;
			return (row) => {
				const value = operand(row);
				const found =
					value !== undefined && items.some((item) => compareValues(value, item(row)) === 0);
				return found !== negated;
			};
		}
		case 'call':
			return compileCall(expr, scope);
	}
}

type Logical = Extract<Expr, {kind: 'logical'}>;

/** The operands of a chain of one logical operator: `a or b or c` is three, however nested. */
function chainOperands(expr: Expr, op: Logical['op']): Expr[] {
	return expr.kind === 'logical' && expr.op === op
		? [...chainOperands(expr.left, op), ...chainOperands(expr.right, op)]
		: [expr];
}

/**
 * `f = "a" or f = "b" or …` and `f != "a" and f != "b" and …` (how lbtop names the interfaces it
 * counts and the addresses it leaves out): one read of the field and one set lookup, where each
 * comparison would read and compare again. Each comparison is the text comparison of
 * compileComparison, so the chain gives what its comparisons give one by one.
 */
function compileTextChain(expr: Logical, scope: Scope): Evaluator | undefined {
	const wanted = expr.op === 'or' ? '=' : '!=';
	const operands = chainOperands(expr, expr.op);
	const constants = new Set<string>();
	let name: string | undefined;
	let read: Expr | undefined;
	for (const operand of operands) {
		if (
			operand.kind !== 'compare' ||
			operand.op !== wanted ||
			operand.left.kind !== 'field' ||
			(name !== undefined && operand.left.name !== name) ||
			operand.right.kind !== 'string' ||
			toNumber(operand.right.value) !== undefined
		) {
			return undefined;
		}
		name = operand.left.name;
		read = operand.left;
		constants.add(operand.right.value);
	}
	if (read === undefined || operands.length < 2) return undefined;
	const field = compile(read, scope);
	const anyEqual = (row: Row): boolean => {
		const value = field(row);
		return (
			value !== undefined &&
			((typeof value === 'string' && constants.has(value)) || constants.has(textOf(value)))
		);
	};
	return wanted === '=' ? anyEqual : (row) => !anyEqual(row);
}

function compileComparison(
	op: Extract<Expr, {kind: 'compare'}>['op'],
	left: Evaluator,
	rightExpr: Expr,
	scope: Scope,
): Evaluator {
	// The common `field = "TEXT"` compares as text whatever the field holds: no number parsing per row.
	if (
		(op === '=' || op === '!=') &&
		rightExpr.kind === 'string' &&
		toNumber(rightExpr.value) === undefined
	) {
		const constant = rightExpr.value;
		const wanted = op === '=';
		return (row) => {
			const value = left(row);
			const equal = value !== undefined && (value === constant || textOf(value) === constant);
			return equal === wanted;
		};
	}
	const right = compile(rightExpr, scope);
	const test = comparisonTests[op];
	return (row) => test(compareValues(left(row), right(row)));
}

const comparisonTests: Readonly<
	Record<ComparisonOperator, (order: number | undefined) => boolean>
> = {
	'=': (order) => order === 0,
	'!=': (order) => order !== 0,
	'<': (order) => order !== undefined && order < 0,
	'<=': (order) => order !== undefined && order <= 0,
	'>': (order) => order !== undefined && order > 0,
	'>=': (order) => order !== undefined && order >= 0,
};

function compileArithmetic(
	op: Extract<Expr, {kind: 'arithmetic'}>['op'],
	left: Evaluator,
	right: Evaluator,
): Evaluator {
	return (row) => {
		const leftValue = left(row);
		const rightValue = right(row);
		const a = toNumber(leftValue);
		const b = toNumber(rightValue);
		if (a === undefined || b === undefined) {
			return undefined;
		}
		const result = arithmetic(op, a, b);
		if (!Number.isFinite(result)) {
			return undefined;
		}
		// Shifting a timestamp keeps it a timestamp; the distance between two is a number.
		const leftTime = leftValue instanceof TimeValue;
		const rightTime = rightValue instanceof TimeValue;
		const shifted =
			(op === '+' && leftTime !== rightTime) || (op === '-' && leftTime && !rightTime);
		return shifted ? new TimeValue(result) : result;
	};
}

function arithmetic(op: Extract<Expr, {kind: 'arithmetic'}>['op'], a: number, b: number): number {
	switch (op) {
		case '+':
			return a + b;
		case '-':
			return a - b;
		case '*':
			return a * b;
		case '/':
			return a / b;
		case '%':
			return a % b;
		case '^':
			return a ** b;
	}
}

function compileMatch(expr: Extract<Expr, {kind: 'match'}>, scope: Scope): Evaluator {
	const operand = compile(expr.operand, scope);
	const negated = expr.negated;
	if (expr.pattern.kind === 'regex') {
		const regex = expr.pattern.compiled.regex;
		return (row) => {
			const value = operand(row);
			return (value !== undefined && regex.test(textOf(value))) !== negated;
		};
	}
	const pattern = compile(expr.pattern, scope);
	return (row) => {
		const value = operand(row);
		return (value !== undefined && textOf(value).includes(textOf(pattern(row)))) !== negated;
	};
}

function periodOf(expr: Expr | undefined): Period {
	if (expr?.kind !== 'period') {
		throw new Error('period argument was not checked by the parser');
	}
	return expr.period;
}

function compileCall(call: CallExpr, scope: Scope): Evaluator {
	if (call.aggregate) {
		const slot = scope.aggregates?.get(call);
		if (slot === undefined) {
			throw errorAt(`aggregate function ${call.text} can only be used in stats`, call.place);
		}
		return (row) => row.aggregate(slot);
	}
	if (call.name === 'bin') {
		const period = periodOf(call.args[0]);
		const slot = scope.fields.slotOf('@timestamp');
		return (row) => {
			const ms = row.timestampMs ?? toNumber(row.read(slot, '@timestamp'));
			return ms === undefined ? undefined : new TimeValue(floorToPeriod(ms, period));
		};
	}
	if (call.name === 'datefloor' || call.name === 'dateceil') {
		const time = compile(call.args[0] ?? {kind: 'field', name: '@timestamp'}, scope);
		const period = periodOf(call.args[1]);
		const round = call.name === 'datefloor' ? floorToPeriod : ceilToPeriod;
		return (row) => {
			const ms = toNumber(time(row));
			return ms === undefined ? undefined : new TimeValue(round(ms, period));
		};
	}
	const implementation = scalarFunctions[call.name];
	if (implementation === undefined) {
		throw errorAt(`unknown function ${call.name}`, call.place);
	}
	const run = implementation;
	const args = call.args.map((arg) => compile(arg, scope));
	return (row) => run(args.map((arg) => arg(row)));
}
