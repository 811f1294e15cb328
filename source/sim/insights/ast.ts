// The parsed form of a query: a pipeline of commands over expressions.
import type {SourcePlace} from './errors.js';
import type {Extractor} from './patterns.js';
import type {Period} from './periods.js';

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '^';

export type CompiledRegex = {
	readonly regex: RegExp;
	/** Names of `(?<name>...)` groups, in order; the regex itself names them g0, g1, ... */
	readonly groupNames: readonly string[];
};

export type Expr =
	| {readonly kind: 'string'; readonly value: string}
	| {readonly kind: 'number'; readonly value: number}
	| {readonly kind: 'period'; readonly period: Period; readonly place: SourcePlace}
	| {readonly kind: 'regex'; readonly compiled: CompiledRegex}
	| {readonly kind: 'field'; readonly name: string}
	| {readonly kind: 'star'}
	| {readonly kind: 'negate'; readonly operand: Expr}
	| {readonly kind: 'not'; readonly operand: Expr}
	| {readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr}
	| {
			readonly kind: 'compare';
			readonly op: ComparisonOperator;
			readonly left: Expr;
			readonly right: Expr;
	  }
	| {
			readonly kind: 'arithmetic';
			readonly op: ArithmeticOperator;
			readonly left: Expr;
			readonly right: Expr;
	  }
	| {
			readonly kind: 'match';
			readonly operand: Expr;
			readonly pattern: Expr;
			readonly negated: boolean;
	  }
	| {
			readonly kind: 'in';
			readonly operand: Expr;
			readonly items: readonly Expr[];
			readonly negated: boolean;
	  }
	| {
			readonly kind: 'call';
			/** Lower-case: function names are not case-sensitive. */
			readonly name: string;
			readonly args: readonly Expr[];
			readonly aggregate: boolean;
			/** The call as written, e.g. `count(*)`: also the name of its stats result. */
			readonly text: string;
			readonly place: SourcePlace;
	  };

export type CallExpr = Extract<Expr, {kind: 'call'}>;

/** An expression with the name its value goes by in results: its alias, or its own text. */
export type NamedExpr = {readonly expr: Expr; readonly name: string; readonly aliased: boolean};

export type SortKey = {readonly expr: Expr; readonly descending: boolean};

export type Command =
	| {readonly kind: 'fields'; readonly items: readonly NamedExpr[]}
	| {readonly kind: 'display'; readonly items: readonly NamedExpr[]}
	| {readonly kind: 'filter'; readonly condition: Expr}
	| {
			readonly kind: 'parse';
			readonly source: Expr;
			readonly extract: Extractor;
			/** An extractor of only the captures at these positions of `names` (ascending). */
			readonly extractOnly: (kept: readonly number[]) => Extractor;
			/**
			 * A glob of one capture per word (`* * … *`): on an event whose message has exactly that
			 * many words, the captures are its words.
			 */
			readonly plainWords: boolean;
			/** Fields set by the parse, in the order the extractor returns their values. */
			readonly names: readonly string[];
	  }
	| {
			readonly kind: 'stats';
			readonly items: readonly NamedExpr[];
			readonly groups: readonly NamedExpr[];
	  }
	| {readonly kind: 'sort'; readonly keys: readonly SortKey[]}
	| {readonly kind: 'limit'; readonly count: number}
	| {readonly kind: 'dedup'; readonly fields: readonly string[]};

export type ParsedQuery = {readonly text: string; readonly commands: readonly Command[]};
