// A parse before `stats` cuts out only the captures the rest of the query reads: the stats rows
// are the same as when every capture is cut out, and captures no one reads are never made.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {type InsightsEvent, parseInsightsQuery} from '../../../source/sim/insights/index.js';
import {namesReadAfter} from '../../../source/sim/insights/parse-reads.js';
import {
	compileRegex,
	globExtractor,
	regexExtractor,
} from '../../../source/sim/insights/patterns.js';
import {event, run} from './flow-log-events.js';

const parse = 'parse @message "* * * *" as a, b, c, d';

describe('namesReadAfter: what the commands after a parse read', () => {
	it.each([
		['a stats group', `${parse} | stats count(*) by b`, ['b']],
		[
			'a filter and an aggregate',
			`${parse} | filter a = "x" | stats sum(c) by bin(1m)`,
			['a', 'c'],
		],
		[
			'a computed field and its name',
			`${parse} | fields concat(a, "-") as k | stats count(*) by k`,
			['a', 'k'],
		],
		[
			'the names of the stats rows too',
			`${parse} | stats count(*) as n by b | sort n desc`,
			['b', 'n'],
		],
		['a dedup after stats', `${parse} | stats count(*) by a, b | dedup a`, ['a', 'b']],
		[
			'every field listed',
			`${parse} | fields a, b, c, d | stats count(*) by a`,
			['a', 'b', 'c', 'd'],
		],
	])('%s', (_name, query, names) => {
		const read = namesReadAfter(parseInsightsQuery(query).commands, 0);
		expect(read === undefined ? undefined : [...read].sort()).toEqual(names);
	});

	it.each([
		['no stats after it: every capture shows in the results', `${parse} | filter a = "x"`],
		[
			'a stats only before it',
			`stats count(*) as n by @logStream | ${parse.replace('@message', 'n')}`,
		],
	])('%s', (_name, query) => {
		const {commands} = parseInsightsQuery(query);
		const at = commands.findIndex((command) => command.kind === 'parse');
		expect(namesReadAfter(commands, at)).toBeUndefined();
	});
});

const piece = fc.stringMatching(/^[ab ,:-]{0,3}$/);

describe('an extractor of some captures', () => {
	it('gives what the whole extractor gives at those captures, for any glob and text', () => {
		fc.assert(
			fc.property(
				fc.array(piece, {minLength: 2, maxLength: 6}),
				fc.stringMatching(/^[ab ,:\-x]{0,20}$/),
				fc.infiniteStream(fc.boolean()),
				(pieces, text, choices) => {
					const glob = globExtractor(pieces.join('*'));
					const kept = [...Array(glob.wildcards).keys()].filter(() => choices.next().value);
					const whole = glob.extract(text);
					const some = glob.extractOnly(kept)(text);
					expect(some).toEqual(whole === undefined ? undefined : kept.map((index) => whole[index]));
				},
			),
		);
	});

	it('and for a regular expression with named groups', () => {
		const compiled = compileRegex('(?<x>a+)?-(?<y>b+)(?<z>:\\w*)?', {line: 1, position: 1});
		const {extract, extractOnly} = regexExtractor(compiled);
		for (const text of ['aa-bb:c', '-b', 'x', 'a-b']) {
			for (const kept of [[], [0], [1, 2], [0, 2], [0, 1, 2]]) {
				const whole = extract(text);
				expect(extractOnly(kept)(text)).toEqual(
					whole === undefined ? undefined : kept.map((index) => whole[index]),
				);
			}
		}
	});
});

const custom =
	'parse @message "* * * * * * * * * * * * * * * *" as vpcId, version, srcAddr, dstAddr, srcPort, dstPort, protocol, packets, bytes, start, end, action, logStatus, interfaceId, accountId, subnetId';
const names = custom.split(' as ')[1]?.split(', ') ?? [];
const records = [
	'vpc-11aa22bb 5 203.0.113.12 10.0.1.5 43418 80 6 10 840 1700000000 1700000060 ACCEPT OK eni-0a1b2c3d 123456789012 subnet-0123',
	'vpc-11aa22bb 5 10.0.1.5 203.0.113.12 80 43418 6 8 4200 1700000000 1700000060 ACCEPT OK eni-0a1b2c3d 123456789012 subnet-0123',
	'vpc-11aa22bb 5 198.51.100.7 10.0.1.5 51000 22 6 1 60 1700000000 1700000060 REJECT OK eni-0a1b2c3d 123456789012 subnet-0123',
	'vpc-11aa22bb 5 203.0.113.12 10.0.1.6 43419 80 6 4 300 1700000060 1700000120 ACCEPT OK eni-0f9e8d7c 123456789012 subnet-0456',
	'a line that is not a record',
];
const events = records.map((message, index) => event(String(index), message, index * 20_000));

describe('a stats query over a custom format', () => {
	it('counts the same whether the parse cuts out every capture or only those read', () => {
		const field = fc.constantFrom(...names);
		fc.assert(
			fc.property(fc.uniqueArray(field, {minLength: 1, maxLength: 3}), field, (groups, summed) => {
				const stats = `stats count(*) as flows, sum(${summed}) as total by ${groups.join(', ')}`;
				const pruned = run(
					`${custom} | filter action = "ACCEPT" or action = "REJECT" | ${stats}`,
					events,
				);
				// Listing every capture reads them all: nothing is left out of this one.
				const whole = run(
					`${custom} | fields ${names.join(', ')} | filter action = "ACCEPT" or action = "REJECT" | ${stats}`,
					events,
				);
				expect(pruned.rows).toEqual(whole.rows);
				expect(pruned.outcome.recordsMatched).toBe(whole.outcome.recordsMatched);
				expect(pruned.outcome.bytesScanned).toBe(whole.outcome.bytesScanned);
				expect(pruned.rows.length).toBeGreaterThan(0);
			}),
			{numRuns: 60},
		);
	});
});

/** The event, offering its words as a generated record does (digits as numbers). */
function withWords(plain: InsightsEvent): InsightsEvent {
	const words = plain.message.split(' ');
	return {
		...plain,
		words: () => words.length,
		word: (position) => {
			const word = words[position];
			return word !== undefined && /^(0|[1-9]\d{0,8})$/.test(word) ? Number(word) : word;
		},
	};
}

describe('a parse of one capture per word', () => {
	it('reads an event’s words as it reads its message, for any glob and query', () => {
		const word = fc.constantFrom('10.0.1.5', 'ACCEPT', '0', '443', '-', 'eni-0a1b', '');
		const line = fc.array(word, {minLength: 1, maxLength: 6}).map((words) => words.join(' '));
		fc.assert(
			fc.property(
				fc.array(line, {minLength: 1, maxLength: 12}),
				fc.integer({min: 1, max: 6}),
				fc.boolean(),
				fc.constantFrom(' ', ' [', ''),
				(lines, captures, aggregate, trailing) => {
					const plain = lines.map((message, index) => event(String(index), message, index * 1000));
					const names = Array.from({length: captures}, (_, index) => `w${index}`);
					const glob = `${Array.from({length: captures}, () => '*').join(' ')}${trailing === '' ? '' : `${trailing}*`}`;
					const capturesIn = trailing === '' ? names : [...names, 'rest'];
					const query = `parse @message "${glob}" as ${capturesIn.join(', ')}${aggregate ? ` | stats count(*) as n by ${capturesIn.at(-1)}, ${capturesIn[0]}` : ''}`;
					expect(run(query, plain.map(withWords)).rows).toEqual(run(query, plain).rows);
				},
			),
			{numRuns: 300},
		);
	});
});

describe('what a pruned or word-reading parse must still see', () => {
	it('a @message an earlier command set, not the record’s own words', () => {
		const lines = ['p q r', 'p s r', 'p q t'].map((message, index) =>
			withWords(event(String(index), message, index * 1000)),
		);
		const query =
			'fields "a b c" as @message | parse @message "* * *" as x, y, z | stats count(*) as n by y';
		expect(run(query, lines).rows).toEqual([{y: 'b', n: '3'}]);
	});

	it('a capture into @timestamp that bin() reads without naming it', () => {
		const lines = ['1700000000000 a', '1700000400000 b', '1700000400000 c'].map((message, index) =>
			event(String(index), message, index * 1000),
		);
		const query =
			'stats count(*) as n by @message as m | parse m "* *" as @timestamp, rest | stats sum(n) as total by bin(5m)';
		expect(run(query, lines).rows).toEqual([
			{'bin(5m)': '2023-11-14 22:20:00.000', total: '2'},
			{'bin(5m)': '2023-11-14 22:10:00.000', total: '1'},
		]);
	});
});
