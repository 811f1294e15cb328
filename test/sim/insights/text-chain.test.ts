// A chain of text comparisons on one field (`f = "a" or f = "b" or …`, `f != "a" and f != "b" and
// …`, the way lbtop names interfaces and leaves out addresses) keeps exactly the events its
// comparisons keep one by one, however it is nested.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {event, ids} from './flow-log-events.js';

const addresses = ['10.0.1.5', '203.0.113.12', '198.51.100.7', '-'];
const interfaces = ['eni-0a1b2c3d', 'eni-0e1f'];
const constants = [...addresses, ...interfaces, 'ACCEPT', 'REJECT', '443', '10.0.1', ''];
const fields = ['srcAddr', 'interfaceId', 'action', 'dstPort', 'noSuchField'];

const flowEvent = fc.record({
	src: fc.constantFrom(...addresses),
	eni: fc.constantFrom(...interfaces),
	action: fc.constantFrom('ACCEPT', 'REJECT', '-'),
	port: fc.constantFrom('443', '80', '-'),
});

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function sortedIds(query: string, events: ReturnType<typeof event>[]): string {
	return [...ids(query, events)].sort().join('');
}

describe('a chain of text comparisons on one field', () => {
	it('keeps the events its comparisons keep one by one', () => {
		fc.assert(
			fc.property(
				fc.array(flowEvent, {minLength: 1, maxLength: 26}),
				fc.constantFrom('or' as const, 'and' as const),
				fc.constantFrom(...fields),
				fc.array(fc.constantFrom(...constants), {minLength: 2, maxLength: 6}),
				fc.boolean(),
				(drawn, op, field, values, nested) => {
					const events = drawn.map((item, index) =>
						event(
							letters[index] ?? '?',
							`2 123456789012 ${item.eni} ${item.src} 10.0.1.5 43418 ${item.port} 6 10 840 1700000000 1700000060 ${item.action} OK`,
							index * 1000,
						),
					);
					const compare = op === 'or' ? '=' : '!=';
					const terms = values.map((value) => `${field} ${compare} "${value}"`);
					const chain = nested
						? `(${terms.slice(0, 2).join(` ${op} `)})${terms
								.slice(2)
								.map((term) => ` ${op} ${term}`)
								.join('')}`
						: terms.join(` ${op} `);
					const one = terms.map(
						(term) => new Set(sortedIds(`fields @ptr | filter ${term}`, events)),
					);
					const expected = [...letters.slice(0, events.length)]
						.filter((letter) =>
							op === 'or'
								? one.some((kept) => kept.has(letter))
								: one.every((kept) => kept.has(letter)),
						)
						.join('');
					expect(sortedIds(`fields @ptr | filter ${chain}`, events)).toBe(expected);
				},
			),
			{numRuns: 150},
		);
	});
});
