// Expressions: precedence from loosest to tightest is or, and, not, comparison (= != < <= > >=,
// like, =~, in), + -, * / %, unary minus, ^.
import type {CallExpr, ComparisonOperator, Expr, NamedExpr} from './ast.js';
import {errorAt, unexpectedSymbol} from './errors.js';
import {functionSpec} from './function-catalog.js';
import {Lexer, type Token} from './lexer.js';
import {compileRegex} from './patterns.js';
import {parsePeriod} from './periods.js';

const comparisonOperators = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);
const reservedWords = new Set(['and', 'or', 'not', 'in', 'like', 'as', 'by', 'asc', 'desc']);

function isComparison(symbol: string): symbol is ComparisonOperator {
	return comparisonOperators.has(symbol);
}

export class ExpressionParser {
	readonly lexer: Lexer;

	constructor(text: string) {
		this.lexer = new Lexer(text);
	}

	isKeyword(word: string, ahead = 0): boolean {
		const token = this.lexer.peek(ahead);
		return token.kind === 'identifier' && token.value.toLowerCase() === word;
	}

	isSymbol(symbol: string, ahead = 0): boolean {
		const token = this.lexer.peek(ahead);
		return token.kind === 'symbol' && token.value === symbol;
	}

	fail(token: Token): never {
		throw unexpectedSymbol(token.text, this.lexer.placeOf(token.start));
	}

	expectSymbol(symbol: string): Token {
		if (!this.isSymbol(symbol)) {
			this.fail(this.lexer.peek());
		}
		return this.lexer.next();
	}

	/** A field name: plain, or in backticks when it holds other characters. */
	expectFieldName(): string {
		const token = this.lexer.peek();
		const isName =
			token.kind === 'quotedIdentifier' ||
			(token.kind === 'identifier' && !reservedWords.has(token.value.toLowerCase()));
		if (!isName) {
			this.fail(token);
		}
		return this.lexer.next().value;
	}

	/** `expr [as alias], ...` as in fields, display and stats. */
	parseNamedList(): NamedExpr[] {
		const items: NamedExpr[] = [];
		do {
			const start = this.lexer.peek().start;
			const expr = this.parseExpression();
			const text = this.lexer.slice(start, this.lexer.consumedEnd).trim();
			if (this.isKeyword('as')) {
				this.lexer.next();
				items.push({expr, name: this.expectFieldName(), aliased: true});
			} else {
				items.push({expr, name: expr.kind === 'field' ? expr.name : text, aliased: false});
			}
		} while (this.isSymbol(',') && this.lexer.next());
		return items;
	}

	parseExpression(): Expr {
		let left = this.parseAnd();
		while (this.isKeyword('or')) {
			this.lexer.next();
			left = {kind: 'logical', op: 'or', left, right: this.parseAnd()};
		}
		return left;
	}

	private parseAnd(): Expr {
		let left = this.parseNot();
		while (this.isKeyword('and')) {
			this.lexer.next();
			left = {kind: 'logical', op: 'and', left, right: this.parseNot()};
		}
		return left;
	}

	private parseNot(): Expr {
		if (this.isKeyword('not')) {
			this.lexer.next();
			return {kind: 'not', operand: this.parseNot()};
		}
		return this.parseComparison();
	}

	private parseComparison(): Expr {
		const left = this.parseAdditive();
		const token = this.lexer.peek();
		if (token.kind === 'symbol' && isComparison(token.value)) {
			this.lexer.next();
			return {kind: 'compare', op: token.value, left, right: this.parseAdditive()};
		}
		if (this.isSymbol('=~')) {
			this.lexer.next();
			return {kind: 'match', operand: left, pattern: this.parseMatchPattern(), negated: false};
		}
		const negated = this.isKeyword('not') && (this.isKeyword('like', 1) || this.isKeyword('in', 1));
		if (negated) {
			this.lexer.next();
		}
		if (this.isKeyword('like')) {
			this.lexer.next();
			return {kind: 'match', operand: left, pattern: this.parseMatchPattern(), negated};
		}
		if (this.isKeyword('in')) {
			this.lexer.next();
			return {kind: 'in', operand: left, items: this.parseList(), negated};
		}
		return left;
	}

	/** `"substring"` or `/regex/`. */
	parseMatchPattern(): Expr {
		const token = this.lexer.peek();
		if (token.kind === 'string') {
			this.lexer.next();
			return {kind: 'string', value: token.value};
		}
		if (this.isSymbol('/')) {
			return this.parseRegex();
		}
		return this.fail(token);
	}

	parseRegex(): Expr {
		const token = this.lexer.nextRegex();
		return {kind: 'regex', compiled: compileRegex(token.value, this.lexer.placeOf(token.start))};
	}

	private parseList(): Expr[] {
		this.expectSymbol('[');
		const items: Expr[] = [];
		if (!this.isSymbol(']')) {
			do {
				items.push(this.parseAdditive());
			} while (this.isSymbol(',') && this.lexer.next());
		}
		this.expectSymbol(']');
		return items;
	}

	private parseAdditive(): Expr {
		let left = this.parseMultiplicative();
		while (this.isSymbol('+') || this.isSymbol('-')) {
			const op = this.lexer.next().value === '+' ? '+' : '-';
			left = {kind: 'arithmetic', op, left, right: this.parseMultiplicative()};
		}
		return left;
	}

	private parseMultiplicative(): Expr {
		let left = this.parseUnary();
		while (this.isSymbol('*') || this.isSymbol('/') || this.isSymbol('%')) {
			const symbol = this.lexer.next().value;
			const op = symbol === '*' ? '*' : symbol === '/' ? '/' : '%';
			left = {kind: 'arithmetic', op, left, right: this.parseUnary()};
		}
		return left;
	}

	private parseUnary(): Expr {
		if (this.isSymbol('-')) {
			this.lexer.next();
			return {kind: 'negate', operand: this.parseUnary()};
		}
		const base = this.parsePrimary();
		if (this.isSymbol('^')) {
			this.lexer.next();
			return {kind: 'arithmetic', op: '^', left: base, right: this.parseUnary()};
		}
		return base;
	}

	private parsePrimary(): Expr {
		const token = this.lexer.peek();
		switch (token.kind) {
			case 'number':
				this.lexer.next();
				return {kind: 'number', value: Number(token.value)};
			case 'period': {
				this.lexer.next();
				const period = parsePeriod(token.value);
				if (period === undefined) {
					throw errorAt(`invalid time period ${token.text}`, this.lexer.placeOf(token.start));
				}
				return {kind: 'period', period, place: this.lexer.placeOf(token.start)};
			}
			case 'string':
				this.lexer.next();
				return {kind: 'string', value: token.value};
			case 'quotedIdentifier':
				this.lexer.next();
				return {kind: 'field', name: token.value};
			case 'identifier':
				if (this.isSymbol('(', 1)) {
					return this.parseCall();
				}
				return {kind: 'field', name: this.expectFieldName()};
			default:
				break;
		}
		if (this.isSymbol('/')) {
			return this.parseRegex();
		}
		if (this.isSymbol('(')) {
			this.lexer.next();
			const inner = this.parseExpression();
			this.expectSymbol(')');
			return inner;
		}
		return this.fail(token);
	}

	private parseCall(): CallExpr {
		const nameToken = this.lexer.next();
		const place = this.lexer.placeOf(nameToken.start);
		const name = nameToken.value.toLowerCase();
		const spec = functionSpec(name);
		if (spec === undefined) {
			throw errorAt(`unknown function ${nameToken.value}`, place);
		}
		this.expectSymbol('(');
		const args: Expr[] = [];
		if (name === 'count' && this.isSymbol('*') && this.isSymbol(')', 1)) {
			this.lexer.next();
			args.push({kind: 'star'});
		} else if (!this.isSymbol(')')) {
			do {
				args.push(this.parseExpression());
			} while (this.isSymbol(',') && this.lexer.next());
		}
		this.expectSymbol(')');
		if (args.length < spec.minArgs || args.length > spec.maxArgs) {
			throw errorAt(`wrong number of arguments to ${nameToken.value}`, place);
		}
		if (spec.periodArg !== undefined && args[spec.periodArg]?.kind !== 'period') {
			throw errorAt(`${nameToken.value} needs a time period such as 5m`, place);
		}
		const text = this.lexer.slice(nameToken.start, this.lexer.consumedEnd);
		return {kind: 'call', name, args, aggregate: spec.aggregate, text, place};
	}
}
