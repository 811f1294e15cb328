// The argument syntax of each command.
import type {Command, Expr, NamedExpr, SortKey} from './ast.js';
import {errorAt, InsightsQueryError} from './errors.js';
import {
	aggregateCalls,
	fieldsOutsideAggregates,
	nestedAggregate,
	replaceCalls,
} from './expr-walk.js';
import type {ExpressionParser} from './expression-parser.js';
import type {Token} from './lexer.js';
import {globExtractor, regexExtractor} from './patterns.js';

/** Largest `limit` Insights accepts. */
export const maxLimit = 10_000;

export type CommandContext = {
	readonly parser: ExpressionParser;
	/** Result names of the latest stats: after it, `sort count(*)` means that result. */
	readonly statsNames: ReadonlySet<string>;
};

function placeOf(parser: ExpressionParser, token: Token) {
	return parser.lexer.placeOf(token.start);
}

/** An expression outside stats: no aggregates, except names of earlier stats results. */
export function scalarExpression(context: CommandContext, expr: Expr): Expr {
	const resolved = replaceCalls(expr, (call) =>
		context.statsNames.has(call.text) ? {kind: 'field', name: call.text} : undefined,
	);
	const call = aggregateCalls(resolved)[0];
	if (call !== undefined) {
		throw errorAt(`aggregate function ${call.text} can only be used in stats`, call.place);
	}
	return resolved;
}

export function scalarItems(context: CommandContext, items: readonly NamedExpr[]): NamedExpr[] {
	return items.map((item) => ({...item, expr: scalarExpression(context, item.expr)}));
}

export function parseFieldNames(parser: ExpressionParser): string[] {
	const names: string[] = [];
	do {
		names.push(parser.expectFieldName());
	} while (parser.isSymbol(',') && parser.lexer.next());
	return names;
}

/** `parse [field] "glob * with * stars" as a, b` or `parse [field] /(?<a>...)/`; field defaults to @message. */
export function parseParse({parser}: CommandContext): Command {
	const next = parser.lexer.peek();
	const sourceName =
		next.kind === 'string' || parser.isSymbol('/') ? '@message' : parser.expectFieldName();
	const source: Expr = {kind: 'field', name: sourceName};
	const patternToken = parser.lexer.peek();
	if (patternToken.kind === 'string') {
		parser.lexer.next();
		const glob = globExtractor(patternToken.value);
		if (!parser.isKeyword('as')) {
			parser.fail(parser.lexer.peek());
		}
		parser.lexer.next();
		const names = parseFieldNames(parser);
		if (names.length !== glob.wildcards) {
			throw errorAt(
				`parse pattern has ${glob.wildcards} wildcards but ${names.length} field names`,
				placeOf(parser, patternToken),
			);
		}
		return {
			kind: 'parse',
			source,
			extract: glob.extract,
			extractOnly: glob.extractOnly,
			plainWords: glob.plainWords,
			names,
		};
	}
	if (!parser.isSymbol('/')) {
		return parser.fail(patternToken);
	}
	const regex = parser.parseRegex();
	if (regex.kind !== 'regex' || regex.compiled.groupNames.length === 0) {
		throw errorAt(
			'parse regular expression has no named capturing group',
			placeOf(parser, patternToken),
		);
	}
	const {groupNames} = regex.compiled;
	return {
		kind: 'parse',
		source,
		...regexExtractor(regex.compiled),
		plainWords: false,
		names: groupNames,
	};
}

/** `stats agg(...) [as name], ... [by expr [as name], ...]`. */
export function parseStats(context: CommandContext): Command {
	const {parser} = context;
	const items = parser.parseNamedList();
	const groups =
		parser.isKeyword('by') && parser.lexer.next()
			? scalarItems(context, parser.parseNamedList())
			: [];
	const known = new Set(groups.map((group) => group.name));
	for (const item of items) {
		const nested = nestedAggregate(item.expr);
		if (nested !== undefined) {
			throw errorAt(`aggregate function ${nested.text} cannot be nested`, nested.place);
		}
		// A stats item without an aggregate may only combine earlier results (`a - b as c`).
		const unknownField = fieldsOutsideAggregates(item.expr).find((field) => !known.has(field));
		if (aggregateCalls(item.expr).length === 0 && unknownField !== undefined) {
			throw new InsightsQueryError(`stats expression ${item.name} needs an aggregate function`);
		}
		known.add(item.name);
	}
	return {kind: 'stats', items, groups};
}

/** `sort expr [asc|desc], ...`; ascending when no direction is given. */
export function parseSortKeys(context: CommandContext): SortKey[] {
	const {parser} = context;
	const keys: SortKey[] = [];
	do {
		const expr = scalarExpression(context, parser.parseExpression());
		let descending = false;
		if (parser.isKeyword('desc') || parser.isKeyword('asc')) {
			descending = parser.lexer.next().value.toLowerCase() === 'desc';
		}
		keys.push({expr, descending});
	} while (parser.isSymbol(',') && parser.lexer.next());
	return keys;
}

export function parseLimit({parser}: CommandContext): number {
	const token = parser.lexer.peek();
	const count = Number(token.value);
	if (token.kind !== 'number' || !Number.isInteger(count)) {
		return parser.fail(token);
	}
	if (count < 1 || count > maxLimit) {
		throw errorAt(`limit must be between 1 and ${maxLimit}`, placeOf(parser, token));
	}
	parser.lexer.next();
	return count;
}
