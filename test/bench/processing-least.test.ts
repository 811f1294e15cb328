import {describe, expect, it} from 'vitest';
import {filterEventsPages, fixtureEvents} from '../../bench/flow-fixture.js';
import {leastPagesReader} from '../../bench/processing-least.js';

/** What the least reader should find, read the plain way: split lines, text keys. */
function readByText(messages: readonly string[]) {
	const keys = new Set<string>();
	let packets = 0;
	let bytes = 0;
	for (const message of messages) {
		const words = message.split(' ');
		const [, , interfaceId, src, dst, srcPort, dstPort] = words;
		const ends = [`${src}:${srcPort}`, `${dst}:${dstPort}`].sort();
		keys.add(`${interfaceId}|${ends.join('|')}`);
		packets += Number(words[8]);
		bytes += Number(words[9]);
	}

	return {conversations: keys.size, packets, bytes};
}

const line = (fields: string) => ({message: `2 123456789012 ${fields} ACCEPT OK`});

describe('the least reader of FilterLogEvents pages (the processing bound)', () => {
	it.each([1, 250, 10_000])(
		'finds every conversation of %i records, and reads their counts',
		(count) => {
			const events = fixtureEvents(count, 1_741_959_720);
			const pages = filterEventsPages(events);
			expect(leastPagesReader(pages)).toEqual(readByText(events.map((event) => event.message)));
		},
	);

	it('tells apart the two ends of a conversation, and the interfaces that logged it', () => {
		const page = JSON.stringify({
			events: [
				line('eni-a 10.0.0.1 10.0.0.2 1000 80 6 1 40 1 2'),
				line('eni-a 10.0.0.2 10.0.0.1 80 1000 6 2 50 1 2'),
				line('eni-b 10.0.0.2 10.0.0.1 80 1000 6 3 60 1 2'),
				line('eni-a 10.0.0.1 10.0.0.2 1001 80 6 4 70 1 2'),
			],
		});
		expect(leastPagesReader([page])).toEqual({conversations: 3, packets: 10, bytes: 220});
	});

	it('refuses more interfaces than its keys can tell apart, rather than merging them', () => {
		const events = Array.from({length: 33}, (_, index) =>
			line(`eni-${index} 10.0.0.1 10.0.0.2 1000 80 6 1 40 1 2`),
		);
		expect(() => leastPagesReader([JSON.stringify({events})])).toThrow(/at most 32 interfaces/);
	});
});
