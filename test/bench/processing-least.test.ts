import {describe, expect, it} from 'vitest';
import {filterEventsPages, fixtureEvents} from '../../bench/flow-fixture.js';
import {leastPagesReader} from '../../bench/processing-least.js';

/** Conversations as plain text keys: both directions of a 5-tuple on one interface are one. */
function conversationsByText(messages: readonly string[]): number {
	const keys = new Set<string>();
	for (const message of messages) {
		const [, , interfaceId, src, dst, srcPort, dstPort] = message.split(' ');
		const ends = [`${src}:${srcPort}`, `${dst}:${dstPort}`].sort();
		keys.add(`${interfaceId}|${ends.join('|')}`);
	}

	return keys.size;
}

describe('the least reader of FilterLogEvents pages (the processing bound)', () => {
	it.each([1, 250, 10_000])('finds every conversation of %i records', (count) => {
		const events = fixtureEvents(count, 1_741_959_720);
		const pages = filterEventsPages(events);
		expect(leastPagesReader(pages)).toBe(conversationsByText(events.map((event) => event.message)));
	});

	it('tells apart the two ends of a conversation, and the interfaces that logged it', () => {
		const page = JSON.stringify({
			events: [
				{message: '2 123456789012 eni-a 10.0.0.1 10.0.0.2 1000 80 6 1 40 1 2 ACCEPT OK'},
				{message: '2 123456789012 eni-a 10.0.0.2 10.0.0.1 80 1000 6 1 40 1 2 ACCEPT OK'},
				{message: '2 123456789012 eni-b 10.0.0.2 10.0.0.1 80 1000 6 1 40 1 2 ACCEPT OK'},
				{message: '2 123456789012 eni-a 10.0.0.1 10.0.0.2 1001 80 6 1 40 1 2 ACCEPT OK'},
			],
		});
		expect(leastPagesReader([page])).toBe(3);
	});
});
