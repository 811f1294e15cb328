// Questions asked of an expression tree: which aggregate calls and field names it holds.
import type {CallExpr, Expr} from './ast.js';

function children(expr: Expr): readonly Expr[] {
	switch (expr.kind) {
		case 'negate':
		case 'not':
			return [expr.operand];
		case 'logical':
		case 'compare':
		case 'arithmetic':
			return [expr.left, expr.right];
		case 'match':
			return [expr.operand, expr.pattern];
		case 'in':
			return [expr.operand, ...expr.items];
		case 'call':
			return expr.args;
		default:
			return [];
	}
}

/** Aggregate calls not nested in another aggregate call (those are reported by `nestedAggregate`). */
export function aggregateCalls(expr: Expr): CallExpr[] {
	if (expr.kind === 'call' && expr.aggregate) {
		return [expr];
	}
	return children(expr).flatMap(aggregateCalls);
}

export function nestedAggregate(expr: Expr): CallExpr | undefined {
	for (const call of aggregateCalls(expr)) {
		const inner = call.args.flatMap(aggregateCalls)[0];
		if (inner !== undefined) {
			return inner;
		}
	}
	return undefined;
}

/** Every field name the expression reads, inside aggregate calls too. */
export function fieldNamesIn(expr: Expr): string[] {
	return expr.kind === 'field' ? [expr.name] : children(expr).flatMap(fieldNamesIn);
}

/** Field names read outside aggregate calls. */
export function fieldsOutsideAggregates(expr: Expr): string[] {
	if (expr.kind === 'field') {
		return [expr.name];
	}
	if (expr.kind === 'call' && expr.aggregate) {
		return [];
	}
	return children(expr).flatMap(fieldsOutsideAggregates);
}

/** The expression with every call `replace` answers for swapped for its answer. */
export function replaceCalls(expr: Expr, replace: (call: CallExpr) => Expr | undefined): Expr {
	const again = (inner: Expr): Expr => replaceCalls(inner, replace);
	switch (expr.kind) {
		case 'negate':
		case 'not':
			return {...expr, operand: again(expr.operand)};
		case 'logical':
		case 'compare':
		case 'arithmetic':
			return {...expr, left: again(expr.left), right: again(expr.right)};
		case 'match':
			return {...expr, operand: again(expr.operand), pattern: again(expr.pattern)};
		case 'in':
			return {...expr, operand: again(expr.operand), items: expr.items.map(again)};
		case 'call':
			return replace(expr) ?? {...expr, args: expr.args.map(again)};
		default:
			return expr;
	}
}
