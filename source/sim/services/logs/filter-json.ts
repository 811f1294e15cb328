// JSON filter patterns: `{ $.eventName = "Modify*" && $.readOnly IS FALSE }`.
import type {Found} from './filter-expression.js';
import {ExpressionParser, evaluate} from './filter-expression.js';
import {tokenize} from './filter-lexer.js';
import {invalidPattern} from './filter-values.js';

type Step = string | number;

function parseSelector(selector: string): Step[] {
	if (!selector.startsWith('$')) throw invalidPattern(`selector ${selector} must start with $`);
	const steps: Step[] = [];
	const stepPattern = /\.([A-Za-z0-9_\-@:]+)|\[(\d+)\]/y;
	let index = 1;
	while (index < selector.length) {
		stepPattern.lastIndex = index;
		const match = stepPattern.exec(selector);
		if (!match) throw invalidPattern(`bad selector ${selector}`);
		steps.push(match[1] ?? Number(match[2]));
		index = stepPattern.lastIndex;
	}
	return steps;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function select(document: unknown, steps: readonly Step[]): Found | undefined {
	let current: unknown = document;
	for (const step of steps) {
		if (typeof step === 'number') {
			if (!Array.isArray(current)) return undefined;
			current = current[step];
		} else {
			if (!isRecord(current) || !Object.hasOwn(current, step)) return undefined;
			current = current[step];
		}
		if (current === undefined) return undefined;
	}
	if (current === null) return null;
	if (typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean') {
		return current;
	}
	return {composite: true};
}

export function compileJson(pattern: string): (message: string) => boolean {
	const trimmed = pattern.trim();
	if (!trimmed.endsWith('}')) throw invalidPattern('missing } at the end');
	const parser = new ExpressionParser(tokenize(trimmed.slice(1, -1)));
	const expression = parser.parseOr();
	if (!parser.done) throw invalidPattern('unexpected text after the condition');
	const selectors = new Map<string, Step[]>();
	const stepsOf = (subject: string) => {
		let steps = selectors.get(subject);
		if (steps === undefined) {
			steps = parseSelector(subject);
			selectors.set(subject, steps);
		}
		return steps;
	};
	// Validate every selector now, so a bad pattern fails the request rather than matching nothing.
	const visit = (node: typeof expression): void => {
		if (node.kind === 'and' || node.kind === 'or') {
			visit(node.left);
			visit(node.right);
		} else {
			if (node.kind === 'name') throw invalidPattern(`${node.subject} needs a condition`);
			stepsOf(node.subject);
		}
	};
	visit(expression);
	return (message) => {
		let document: unknown;
		try {
			document = JSON.parse(message);
		} catch {
			return false;
		}
		return evaluate(expression, (subject) => select(document, stepsOf(subject)));
	};
}
