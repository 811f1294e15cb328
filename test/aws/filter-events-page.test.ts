import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parsed, readEventsPage} from '../../source/aws/filter-events-answer.js';
import {type PageEvent, scanEventsPage} from '../../source/aws/filter-events-page.js';

// The page reader against the whole parse it stands in for (JSON.parse of the page, then each
// event checked): for any page, the events it gives, with a held event read as the event the whole
// parse gave, and the text it leaves the SDK, are the whole parse's. Pages are written by hand
// rather than by JSON.stringify, so that members come in any order, twice, with any spacing, names
// and strings escaped in every way JSON allows, numbers in any notation, and bytes broken.

type Held = {readonly id: string};
type Token = {readonly text: string};

const ids = ['4903', '4904', '4905', 'e-\u00e9', 'a"b'];
const held = new Map<string, Held>(ids.slice(0, 3).map((id) => [id, {id}]));

const space = fc.constantFrom('', '', '', ' ', '\n', '\t ', '\r\n  ');
const text = fc.oneof(
	fc.string(),
	fc.string({unit: 'binary', maxLength: 12}),
	fc.constantFrom('eni-0abc-all', '2 123456789012 eni-0abc 10.0.1.5 10.0.2.7 443 51000 6 3 180'),
);

/** A string as JSON may write it: plainly, with every character escaped, or with \/ for /. */
const stringToken = (value: string): fc.Arbitrary<Token> =>
	fc.constantFrom(0, 1, 2).map((way) => {
		if (way === 1) {
			const units = Array.from({length: value.length}, (_, index) => value.charCodeAt(index));
			return {
				text: `"${units.map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('')}"`,
			};
		}

		const plain = JSON.stringify(value);
		return {text: way === 2 ? plain.replaceAll('/', '\\/') : plain};
	});

/** A number as JSON may write it. */
const numberToken = (value: number): fc.Arbitrary<Token> =>
	fc.constantFrom(0, 1, 2, 3).map((way) => {
		if (!Number.isFinite(value)) {
			return {text: 'null'};
		}

		if (way === 1) {
			return {text: value.toExponential()};
		}

		if (way === 2 && /^-?\d+$/.test(String(value))) {
			return {text: `${value}.000`};
		}

		if (way === 3 && Object.is(value, -0)) {
			return {text: '-0'};
		}

		return {text: JSON.stringify(value)};
	});

const other: fc.Arbitrary<Token> = fc
	.oneof(
		fc.constantFrom(null, true, false, [], {}, [1, 'x'], {a: {b: [null]}}),
		fc.jsonValue({maxDepth: 2}),
	)
	.map((value) => ({text: JSON.stringify(value)}));

const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
	fc.shuffledSubarray([...items], {minLength: items.length});

/** Values JSON does not allow, each next to one it does. */
const notJson: fc.Arbitrary<Token> = fc
	.constantFrom(
		...[
			'01',
			'-',
			'1.',
			'.5',
			'1e',
			'1e.5',
			'1.e3',
			'+1',
			'-01',
			'0x1',
			'1e+',
			'NaN',
			'tru',
			'nul',
		],
		...['"\\a"', '"\\u12"', '"\\x41"', '"\\U0041"', '"a', "'a'", '[1,]', '{"a":1,}', '{"a"}'],
	)
	.map((text) => ({text}));

const value = (kind: fc.Arbitrary<Token>): fc.Arbitrary<Token> =>
	fc.oneof(
		{weight: 100, arbitrary: kind},
		{weight: 10, arbitrary: other},
		{weight: 1, arbitrary: notJson},
	);

const idToken = value(fc.oneof(fc.constantFrom(...ids), text).chain(stringToken));
const timeToken = value(
	fc
		.oneof(
			fc.integer({min: 1_600_000_000_000, max: 1_900_000_000_000}),
			fc.double(),
			fc.constantFrom(-0, 0, 1e21, 123_456_789_012_345_680),
		)
		.chain(numberToken),
);
const member = (name: string, token: fc.Arbitrary<Token>) =>
	fc.tuple(fc.constant(name), token).map(([key, token]) => ({key, token}));

const nameToken = (name: string) =>
	fc.oneof(
		{weight: 60, arbitrary: fc.constant({text: JSON.stringify(name)})},
		{weight: 1, arbitrary: stringToken(name)},
	);

const object = (
	members: fc.Arbitrary<{readonly key: string; readonly token: Token}[]>,
): fc.Arbitrary<Token> =>
	members.chain((list) =>
		fc
			.tuple(
				fc.tuple(...list.map(({key}) => nameToken(key))),
				fc.array(space, {minLength: list.length * 4 + 2, maxLength: list.length * 4 + 2}),
			)
			.map(([names, gaps]) => {
				const parts = list.map(
					({token}, index) =>
						`${gaps[index * 4]}${names[index]?.text}${gaps[index * 4 + 1]}:${gaps[index * 4 + 2]}${token.text}${gaps[index * 4 + 3]}`,
				);
				return {text: `{${gaps.at(-1)}${parts.join(',')}${list.length === 0 ? gaps.at(-2) : ''}}`};
			}),
	);

const eventToken = fc.oneof(
	{
		weight: 8,
		arbitrary: object(
			fc
				.tuple(
					fc.option(member('eventId', idToken), {freq: 8}),
					fc.option(member('logStreamName', value(text.chain(stringToken))), {freq: 8}),
					fc.option(member('timestamp', timeToken), {freq: 8}),
					fc.option(member('message', value(text.chain(stringToken))), {freq: 6}),
					fc.option(member('ingestionTime', timeToken)),
					fc.array(member('eventId', idToken), {maxLength: 1}),
					fc.array(
						fc
							.tuple(fc.stringMatching(/^[a-zA-Z_]{0,8}$/), other)
							.map(([key, token]) => ({key, token})),
						{
							maxLength: 2,
						},
					),
				)
				.chain(([id, stream, time, message, ingestion, again, extra]) =>
					permutation(
						[id, stream, time, message, ingestion, ...again, ...extra].filter(
							(item) => item !== null,
						),
					),
				),
		),
	},
	{weight: 1, arbitrary: other},
);

const eventsToken: fc.Arbitrary<Token> = fc
	.tuple(fc.array(eventToken, {maxLength: 12}), space)
	.map(([events, gap]) => ({text: `[${gap}${events.map((event) => event.text).join(`,${gap}`)}]`}));

const pageText: fc.Arbitrary<string> = object(
	fc
		.tuple(
			fc.oneof(
				{weight: 1, arbitrary: fc.constant([])},
				{weight: 6, arbitrary: fc.tuple(member('events', eventsToken))},
				{
					weight: 2,
					arbitrary: fc.tuple(
						member('events', fc.oneof(eventsToken, other)),
						member(
							'events',
							fc.oneof({weight: 4, arbitrary: eventsToken}, {weight: 1, arbitrary: other}),
						),
					),
				},
			),
			fc.option(member('nextToken', text.chain(stringToken))),
			fc.option(member('searchedLogStreams', other)),
			fc.array(
				fc
					.tuple(fc.stringMatching(/^[a-zA-Z_]{0,8}$/), other)
					.map(([key, token]) => ({key, token})),
				{
					maxLength: 2,
				},
			),
		)
		.chain(([events, token, searched, extra]) =>
			permutation([...events, token, searched, ...extra].filter((item) => item !== null)),
		),
).map(({text}) => text);

/** Bytes that end or open what JSON reads (and some it never allows), to break a page with. */
const telling = Buffer.from('"\\,:{}[] 0a-.eE+\u0001\u001f/u', 'latin1');

/**
 * A page's bytes, at times broken: a byte changed (to any byte, or one that tells), one put in or
 * taken out (a byte of a character, too), the page cut short or followed by more.
 */
const pageBytes: fc.Arbitrary<Buffer> = fc
	.tuple(
		pageText,
		space,
		space,
		fc.oneof(
			{weight: 2, arbitrary: fc.constant(null)},
			{
				weight: 1,
				arbitrary: fc.tuple(
					fc.nat(),
					fc.oneof(fc.nat({max: 255}), fc.constantFrom(...telling)),
					fc.constantFrom('set', 'put', 'drop', 'cut', 'add'),
				),
			},
		),
	)
	.map(([page, before, after, broken]) => {
		const bytes = Buffer.from(`${before}${page}${after}`);
		if (broken === null || bytes.length === 0) {
			return bytes;
		}

		const [where, byte, how] = broken;
		const at = where % bytes.length;
		const head = bytes.subarray(0, at);
		switch (how) {
			case 'set': {
				bytes[at] = byte;
				return bytes;
			}

			case 'put': {
				return Buffer.concat([head, Buffer.of(byte), bytes.subarray(at)]);
			}

			case 'drop': {
				return Buffer.concat([head, bytes.subarray(at + 1)]);
			}

			case 'cut': {
				return head;
			}

			default: {
				return Buffer.concat([bytes, Buffer.of(byte)]);
			}
		}
	});

/** What the whole parse would have given for each event read. */
function asParsed(
	events: readonly PageEvent<Held>[],
	reference: readonly PageEvent<never>[],
): unknown[] {
	return events.map((event, index) => {
		if (!('held' in event)) {
			return event;
		}

		const whole = reference[index];
		// A held event is the one the whole parse gave, by id, time and what is held for that id.
		return whole !== undefined &&
			whole.eventId === event.eventId &&
			Object.is(whole.timestamp, event.timestamp) &&
			held.get(whole.eventId) === event.held
			? whole
			: {unlike: event};
	});
}

// The byte reader with and without events held (the whole parse where it declines), and the choice
// the answer's middleware makes between the two.
const readers = [
	'scan, held',
	'scan, none held',
	'read, held',
	'read, none held',
	'read, empty',
] as const;

function readBy(how: (typeof readers)[number], bytes: Buffer) {
	switch (how) {
		case 'scan, held': {
			return scanEventsPage(bytes, held) ?? parsed(bytes);
		}

		case 'scan, none held': {
			return scanEventsPage<Held>(bytes) ?? parsed(bytes);
		}

		case 'read, held': {
			return readEventsPage(bytes, held);
		}

		case 'read, none held': {
			return readEventsPage<Held>(bytes);
		}

		case 'read, empty': {
			return readEventsPage(bytes, new Map<string, Held>());
		}
	}
}

describe('a FilterLogEvents page read from its bytes', () => {
	it('gives the events and the rest of the page the whole parse gives, for any page, as the answer reads it too', () => {
		fc.assert(
			fc.property(pageBytes, fc.constantFrom(...readers), (bytes, how) => {
				const reference = parsed(bytes);
				const read = readBy(how, bytes);
				if (reference === undefined || read === undefined) {
					expect(read).toBe(reference);
					return;
				}

				expect(read.rest).toBe(reference.rest);
				const events = asParsed(read.events, reference.events);
				expect(events).toHaveLength(reference.events.length);
				for (const [index, event] of events.entries()) {
					const whole = reference.events[index];
					expect(event).toStrictEqual(whole);
					// toStrictEqual takes -0 for 0: the time must be the same number.
					expect(Object.is((event as PageEvent<Held>).timestamp, whole?.timestamp)).toBe(true);
				}
			}),
			{numRuns: 2500},
		);
	});

	it('reads the page itself, not the whole parse, when it is JSON', () => {
		const page = {
			events: [
				{
					eventId: '4903',
					logStreamName: 'eni-0abc-all',
					timestamp: 1_700_000_000_000,
					message: 'a',
					ingestionTime: 1,
				},
				{
					eventId: 'new',
					logStreamName: 'eni-0abc-all',
					timestamp: 1_700_000_000_001,
					message: 'b\n\u00e9',
				},
				{eventId: 'no stream', timestamp: 1},
			],
			nextToken: 'next',
			searchedLogStreams: [{logStreamName: 'eni-0abc-all', searchedCompletely: true}],
		};
		const read = scanEventsPage(Buffer.from(JSON.stringify(page, undefined, 1)), held);
		expect(read).toEqual({
			events: [
				{eventId: '4903', timestamp: 1_700_000_000_000, held: held.get('4903')},
				{
					eventId: 'new',
					logStreamName: 'eni-0abc-all',
					timestamp: 1_700_000_000_001,
					message: 'b\n\u00e9',
				},
			],
			rest: JSON.stringify({
				nextToken: page.nextToken,
				searchedLogStreams: page.searchedLogStreams,
			}),
		});
		expect(read?.events[0]).not.toHaveProperty('message');
	});

	it.each([
		['an escaped member name', '{"events":[],"next\\u0054oken":"x"}'],
		['a page that is a list', '[{"events":[]}]'],
		['events that are not a list', '{"events":{}}'],
		['a byte order mark', '\ufeff{"events":[]}'],
		['a comma too many', '{"events":[{"eventId":"1"},]}'],
	])('leaves %s to the whole parse', (_, page) => {
		expect(scanEventsPage(Buffer.from(page), held)).toBeUndefined();
	});

	// Pages one byte from JSON, at the places a walk over JSON decides something.
	it.each([
		'{"events":[{"eventId":"1","timestamp":12:3}]}',
		'{"events":[{"eventId":"1":"2"}]}',
		'{"events":[1:2]}',
		'{"events":[],"a":1:}',
		'{"events":[{"eventId":"1" "message":"2"}]}',
		'{"events":[{"timestamp":1.}]}',
		'{"events":[{"timestamp":1e}]}',
		'{"events":[{"timestamp":-}]}',
		'{"events":[{"timestamp":01}]}',
		'{"events":[{"message":"a\\u00g0"}]}',
		'{"events":[{"message":"a\\x"}]}',
		'{"events":[{"message":"a	b"}]}',
		'{"events":[{"a":[1 2]}]}',
		'{"events":[{"a":{"b" 1}}]}',
		'{"events":[{"a":tru}]}',
		'{"events":[{"a":nulls}]}',
		'{"events":[]}x',
		'{"events":[]',
		'{"events" []}',
		'{events:[]}',
	])('reads %j as JSON.parse does: not JSON', (page) => {
		expect(() => JSON.parse(page)).toThrow(SyntaxError);
		expect(scanEventsPage(Buffer.from(page), held)).toBeUndefined();
	});
});
