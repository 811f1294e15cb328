// Space-delimited filter patterns: `[version, account, eni, ..., action="REJECT", status]`.
// Each slot names one field of the message; `...` stands for any number of fields. A message
// matches when some alignment of slots to fields satisfies every slot's conditions.
import type {Expression} from './filter-expression.js';
import {ExpressionParser, evaluate, firstSubject} from './filter-expression.js';
import {tokenize} from './filter-lexer.js';
import {invalidPattern} from './filter-values.js';

type Slot =
	| {readonly kind: 'ellipsis'}
	| {readonly kind: 'field'; readonly expression?: Expression};

function parseSlots(body: string): Slot[] {
	const tokens = tokenize(body);
	if (tokens.length === 0) throw invalidPattern('[] names no fields');
	const slots: Slot[] = [];
	const parser = new ExpressionParser(tokens);
	for (;;) {
		const token = parser.peek();
		if (token === undefined || token.kind === 'comma') {
			// An empty slot (`[a,,b]` or a trailing comma) still stands for one field.
			slots.push({kind: 'field'});
		} else if (token.kind === 'word' && token.text === '...') {
			parser.next();
			slots.push({kind: 'ellipsis'});
		} else {
			slots.push({kind: 'field', expression: parser.parseOr()});
		}
		const separator = parser.next();
		if (separator === undefined) break;
		if (separator.kind !== 'comma') throw invalidPattern('expected , between fields');
	}
	return slots;
}

function isSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13);
}

/** Splits a message on spaces; `"…"` and `[…]` each make one field, without their delimiters. */
export function splitFields(message: string): string[] {
	const fields: string[] = [];
	const length = message.length;
	let index = 0;
	while (index < length) {
		const code = message.charCodeAt(index);
		if (isSpace(code)) {
			index += 1;
			continue;
		}
		const closer = code === 34 ? '"' : code === 91 ? ']' : undefined;
		if (closer !== undefined) {
			const end = message.indexOf(closer, index + 1);
			if (end >= 0) {
				fields.push(message.slice(index + 1, end));
				index = end + 1;
				continue;
			}
		}
		let end = index + 1;
		while (end < length && !isSpace(message.charCodeAt(end))) end += 1;
		fields.push(message.slice(index, end));
		index = end;
	}
	return fields;
}

export function compileDelimited(pattern: string): (message: string) => boolean {
	const inner = pattern.trim();
	if (!inner.endsWith(']')) throw invalidPattern('missing ] at the end');
	const slots = parseSlots(inner.slice(1, -1));
	// Per slot: fixed fields still to come after it, so an ellipsis knows how much it may skip.
	const fixedAfter = slots.map(
		(_, index) => slots.slice(index + 1).filter((slot) => slot.kind === 'field').length,
	);
	const ellipsesAfter = slots.map(
		(_, index) => slots.slice(index + 1).filter((slot) => slot.kind === 'ellipsis').length,
	);
	const fixedCount = slots.filter((slot) => slot.kind === 'field').length;
	const hasEllipsis = slots.some((slot) => slot.kind === 'ellipsis');
	const slotOfSubject = new Map<string, number>();
	const conditions: {readonly slot: number; readonly expression: Expression}[] = [];
	slots.forEach((slot, index) => {
		if (slot.kind !== 'field' || !slot.expression) return;
		const subject = firstSubject(slot.expression);
		if (!slotOfSubject.has(subject)) slotOfSubject.set(subject, index);
		if (slot.expression.kind !== 'name')
			conditions.push({slot: index, expression: slot.expression});
	});

	// Matching is synchronous, so one set of working state serves every message; the helpers are
	// made once per pattern rather than once per message.
	let fields: string[] = [];
	const placement: number[] = slots.map(() => -1);
	const lookup = (subject: string): string | undefined => {
		const slot = slotOfSubject.get(subject);
		if (slot !== undefined) return fields[placement[slot] ?? -1];
		const position = /^\$(\d+)$/.exec(subject)?.[1];
		return position === undefined ? undefined : fields[Number(position) - 1];
	};
	const satisfied = () => conditions.every(({expression}) => evaluate(expression, lookup));
	// Tries each way of spreading the fields over the slots; only patterns with two or more
	// ellipses have more than one.
	const place = (slotIndex: number, fieldIndex: number): boolean => {
		const slot = slots[slotIndex];
		if (slot === undefined) return fieldIndex === fields.length && satisfied();
		if (slot.kind === 'field') {
			if (fieldIndex >= fields.length) return false;
			placement[slotIndex] = fieldIndex;
			return place(slotIndex + 1, fieldIndex + 1);
		}
		const most = fields.length - fieldIndex - (fixedAfter[slotIndex] ?? 0);
		if (most < 0) return false;
		if ((ellipsesAfter[slotIndex] ?? 0) === 0) return place(slotIndex + 1, fieldIndex + most);
		for (let skip = 0; skip <= most; skip += 1) {
			if (place(slotIndex + 1, fieldIndex + skip)) return true;
		}
		return false;
	};
	return (message) => {
		fields = splitFields(message);
		if (fields.length < fixedCount || (!hasEllipsis && fields.length !== fixedCount)) return false;
		return place(0, 0);
	};
}
