// Boolean conditions of `[ … ]` and `{ … }` filter patterns: comparisons joined by && and ||
// (&& binds tighter), with parentheses. Subjects are field names or JSON selectors.
import type {Token} from './filter-lexer.js';
import type {ComparisonOperator, Literal} from './filter-values.js';
import {
	bareLiteral,
	checkComparable,
	invalidPattern,
	matchesLiteral,
	regexLiteral,
	stringLiteral,
} from './filter-values.js';

export type Check = 'null' | 'true' | 'false' | 'exists' | 'missing';

export type Expression =
	| {readonly kind: 'name'; readonly subject: string}
	| {
			readonly kind: 'compare';
			readonly subject: string;
			readonly operator: ComparisonOperator;
			readonly literal: Literal;
	  }
	| {readonly kind: 'check'; readonly subject: string; readonly check: Check}
	| {readonly kind: 'and'; readonly left: Expression; readonly right: Expression}
	| {readonly kind: 'or'; readonly left: Expression; readonly right: Expression};

/** A scalar found at a subject; 'composite' for a JSON object or array. */
export type Found = string | number | boolean | null | {readonly composite: true};

export class ExpressionParser {
	private position = 0;

	constructor(private readonly tokens: readonly Token[]) {}

	get done(): boolean {
		return this.position >= this.tokens.length;
	}

	peek(): Token | undefined {
		return this.tokens[this.position];
	}

	next(): Token | undefined {
		const token = this.tokens[this.position];
		this.position += 1;
		return token;
	}

	parseOr(): Expression {
		let left = this.parseAnd();
		while (this.peek()?.kind === 'or') {
			this.next();
			left = {kind: 'or', left, right: this.parseAnd()};
		}
		return left;
	}

	private parseAnd(): Expression {
		let left = this.parsePrimary();
		while (this.peek()?.kind === 'and') {
			this.next();
			left = {kind: 'and', left, right: this.parsePrimary()};
		}
		return left;
	}

	private parsePrimary(): Expression {
		const token = this.next();
		if (token?.kind === 'open') {
			const inner = this.parseOr();
			if (this.next()?.kind !== 'close') throw invalidPattern('missing )');
			return inner;
		}
		if (token?.kind !== 'word') throw invalidPattern('expected a field name');
		const subject = token.text;
		const following = this.peek();
		if (following?.kind === 'operator') {
			this.next();
			const literal = this.parseLiteral();
			checkComparable(following.operator, literal);
			return {kind: 'compare', subject, operator: following.operator, literal};
		}
		const check = this.parseCheck();
		return check === undefined ? {kind: 'name', subject} : {kind: 'check', subject, check};
	}

	private parseCheck(): Check | undefined {
		const word = (text: string) => {
			const token = this.peek();
			if (token?.kind !== 'word' || token.text.toUpperCase() !== text) return false;
			this.next();
			return true;
		};
		if (word('EXISTS')) return 'exists';
		if (word('NOT')) {
			if (!word('EXISTS')) throw invalidPattern('expected EXISTS after NOT');
			return 'missing';
		}
		if (!word('IS')) return undefined;
		if (word('NULL')) return 'null';
		if (word('TRUE')) return 'true';
		if (word('FALSE')) return 'false';
		throw invalidPattern('expected NULL, TRUE or FALSE after IS');
	}

	private parseLiteral(): Literal {
		const token = this.next();
		switch (token?.kind) {
			case 'word':
				return bareLiteral(token.text);
			case 'quoted':
				return stringLiteral(token.text);
			case 'regex':
				return regexLiteral(token.text);
			default:
				throw invalidPattern('expected a value');
		}
	}
}

export function evaluate(
	expression: Expression,
	lookup: (subject: string) => Found | undefined,
): boolean {
	switch (expression.kind) {
		case 'and':
			return evaluate(expression.left, lookup) && evaluate(expression.right, lookup);
		case 'or':
			return evaluate(expression.left, lookup) || evaluate(expression.right, lookup);
		case 'name':
			return true;
		case 'check': {
			const found = lookup(expression.subject);
			switch (expression.check) {
				case 'exists':
					return found !== undefined;
				case 'missing':
					return found === undefined;
				case 'null':
					return found === null;
				case 'true':
					return found === true;
				case 'false':
					return found === false;
			}
			return false;
		}
		case 'compare': {
			const found = lookup(expression.subject);
			if (found === undefined || found === null || typeof found === 'object') return false;
			return matchesLiteral(found, expression.operator, expression.literal);
		}
	}
}

/** The subject a space-delimited slot binds: the first name its expression mentions. */
export function firstSubject(expression: Expression): string {
	return expression.kind === 'and' || expression.kind === 'or'
		? firstSubject(expression.left)
		: expression.subject;
}
