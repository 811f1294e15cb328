// Fuzzing what lbtop reads from AWS and what it shows of it, beyond the property tests in
// test/domain (flow record text and sanitizeText's control characters are covered there): Insights
// result rows of any shape, Insights time values, batches of log events with stream and timestamp
// context, display text cut to a length, and whatever an AWS call may throw.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {describeAwsError} from '../../source/aws/errors.js';
import {
	type InsightsRow,
	mergeAggregateRows,
	parseInsightsTime,
} from '../../source/domain/flows/aggregate-rows.js';
import {defaultFlowFormat} from '../../source/domain/flows/flow-format.js';
import {
	type FlowMessage,
	interfaceIdFromLogStream,
	parseFlowRecords,
} from '../../source/domain/flows/flow-records.js';
import {sanitizeMultiline, sanitizeText} from '../../source/domain/sanitize.js';
import type {ErrorKind} from '../../source/domain/snapshot.js';
import {lbA, lbB, nlbTopology, webA} from '../domain/flows/fixtures.js';

// Bounded so the whole folder stays within CI's budget; failures print their seed to replay.
const runs = {numRuns: 300};

// Mostly ASCII, with any code point (escapes, C1, bidi overrides, lone surrogates) mixed in.
const anyCharacter = fc
	.oneof(
		{weight: 3, arbitrary: fc.integer({min: 0, max: 0x7f})},
		fc.integer({min: 0x80, max: 0x10_ffff}),
		fc.constantFrom(0x1b, 0x9b, 0x9d, 0x202e, 0x2066, 0xd800, 0xdfff),
	)
	.map((code) => String.fromCodePoint(code));
const anyText = fc.string({unit: anyCharacter, maxLength: 120});

const topology = nlbTopology({preserveClientIp: true});

describe('mergeAggregateRows with whatever GetQueryResults returns', () => {
	const anyCell = fc.oneof(
		fc.record(
			{
				field: fc.option(
					fc.oneof(fc.constantFrom('action', 'flows', 'bucket', 'srcAddr', 'dstPort'), anyText),
					{nil: undefined},
				),
				value: fc.option(anyText, {nil: undefined}),
			},
			{requiredKeys: []},
		),
		fc.constant(null),
		fc.anything(),
	);
	// The SDK's own types promise arrays of cells; an endpoint that breaks the promise must not crash
	// the flows pane either.
	const anyRows = fc.array(
		fc.oneof({weight: 4, arbitrary: fc.array(anyCell, {maxLength: 8})}, fc.anything()),
		{maxLength: 20},
	) as fc.Arbitrary<unknown> as fc.Arbitrary<InsightsRow[]>;

	it('never throws, and every figure it returns is a finite count', () => {
		fc.assert(
			fc.property(anyRows, anyRows, (timeline, sources) => {
				const {aggregates, malformedRows} = mergeAggregateRows({timeline, sources}, topology);
				expect(Number.isSafeInteger(malformedRows) && malformedRows >= 0).toBe(true);
				for (const totals of [aggregates.accepted, aggregates.rejected]) {
					for (const value of Object.values(totals)) {
						expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
					}
				}
				for (const bucket of aggregates.timeline) {
					expect(Number.isFinite(bucket.start)).toBe(true);
				}
			}),
			runs,
		);
	});

	type TimelineRow = {readonly valid: boolean; readonly action: string; readonly flows: number};
	const goodFlows = fc.nat({max: 1_000_000});
	const timelineRow: fc.Arbitrary<{row: InsightsRow; expected: TimelineRow}> = fc
		.record({
			action: fc.oneof(
				fc.constantFrom('ACCEPT', 'REJECT', ' ACCEPT ', 'REJECT\t'),
				fc.constantFrom('accept', 'DROP', '', '-', 'ACCEPTED'),
			),
			flows: fc.oneof(
				goodFlows.map((flows) => ({text: String(flows), flows})),
				goodFlows.map((flows) => ({text: `${flows}.0`, flows})),
				fc.constantFrom('', '-3', 'abc', '1e', 'NaN', '∞', '0x10').map((text) => ({text})),
			),
			interfaceId: fc.constantFrom(lbA.interfaceId, lbB.interfaceId, webA.interfaceId, 'eni-x'),
			bucket: fc.constantFrom('2024-05-01 12:00:00.000', 'soon', ''),
			bytes: fc.oneof(fc.nat().map(String), fc.constantFrom('', 'lots')),
		})
		.map(({action, flows, interfaceId, bucket, bytes}) => {
			const trimmed = action.trim();
			const count = 'flows' in flows ? flows.flows : undefined;
			const valid = (trimmed === 'ACCEPT' || trimmed === 'REJECT') && count !== undefined;
			return {
				row: [
					{field: 'action', value: action},
					{field: 'flows', value: flows.text},
					{field: 'interfaceId', value: interfaceId},
					{field: 'bucket', value: bucket},
					{field: 'bytes', value: bytes},
					{field: '@ptr', value: 'CmAKJgoi'},
				],
				expected: {valid, action: trimmed, flows: count ?? 0},
			};
		});

	it('counts each timeline row once: into its action’s totals, or as malformed', () => {
		fc.assert(
			fc.property(fc.array(timelineRow, {maxLength: 30}), (rows) => {
				const {aggregates, malformedRows} = mergeAggregateRows(
					{timeline: rows.map(({row}) => row)},
					topology,
				);
				const expected = rows.map((row) => row.expected);
				const flowsOf = (action: string) =>
					expected
						.filter((row) => row.valid && row.action === action)
						.reduce((sum, row) => sum + row.flows, 0);
				expect(malformedRows).toBe(expected.filter((row) => !row.valid).length);
				expect(aggregates.accepted.flows).toBe(flowsOf('ACCEPT'));
				expect(aggregates.rejected.flows).toBe(flowsOf('REJECT'));
			}),
			runs,
		);
	});
});

describe('parseInsightsTime', () => {
	it('gives unix seconds or nothing, whatever the text', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const seconds = parseInsightsTime(text);
				expect(seconds === undefined || Number.isSafeInteger(seconds)).toBe(true);
			}),
			runs,
		);
	});

	it('reads back any minute Insights prints with bin()', () => {
		const minute = fc.integer({min: 946_684_800, max: 4_102_444_800}).map((s) => s - (s % 60));
		fc.assert(
			fc.property(minute, (seconds) => {
				const printed = new Date(seconds * 1000).toISOString().replace('T', ' ').replace('Z', '');
				expect(parseInsightsTime(printed)).toBe(seconds);
			}),
			runs,
		);
	});
});

describe('parseFlowRecords over log events as FilterLogEvents returns them', () => {
	const event: fc.Arbitrary<FlowMessage | string | undefined> = fc.oneof(
		fc.record(
			{
				message: fc.option(anyText, {nil: undefined}),
				interfaceId: anyText,
				timestamp: fc.oneof(fc.integer(), fc.double()),
			},
			{requiredKeys: []},
		),
		anyText,
		fc.constant(undefined),
	);

	it('never throws; every event is a record or counted as malformed', () => {
		fc.assert(
			fc.property(fc.array(event, {maxLength: 30}), (events) => {
				const parsed = parseFlowRecords(events, defaultFlowFormat);
				expect(parsed.records.length + parsed.malformed).toBe(events.length);
				expect(parsed.reasons.length).toBeLessThanOrEqual(5);
			}),
			runs,
		);
	});

	it('takes an interface id only from a stream name that starts with one', () => {
		fc.assert(
			fc.property(fc.option(anyText, {nil: undefined}), (stream) => {
				const id = interfaceIdFromLogStream(stream);
				expect(id === undefined || (stream?.startsWith(id) === true && /^eni-/.test(id))).toBe(
					true,
				);
			}),
			runs,
		);
	});
});

// C0 and C1 controls, DEL, and the bidi overrides that would reorder what the user reads.
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('display sanitizing', () => {
	it('sanitizeText keeps to the length asked for and lets nothing unsafe through', () => {
		fc.assert(
			fc.property(anyText, fc.integer({min: 1, max: 60}), (text, maxLength) => {
				const clean = sanitizeText(text, maxLength);
				expect(clean).not.toMatch(unsafe);
				expect(clean.length).toBeLessThanOrEqual(maxLength);
			}),
			runs,
		);
	});

	it('sanitizeMultiline keeps only line breaks', () => {
		fc.assert(
			fc.property(fc.array(anyText, {maxLength: 6}), (lines) => {
				const clean = sanitizeMultiline(lines.join('\n'));
				for (const line of clean.split('\n')) {
					expect(line).not.toMatch(unsafe);
				}
			}),
			runs,
		);
	});
});

describe('describeAwsError with whatever an AWS call throws', () => {
	const kinds: readonly ErrorKind[] = [
		'credentials',
		'access-denied',
		'not-found',
		'throttled',
		'network',
		'invalid',
		'unknown',
	];
	const codes = fc.oneof(
		fc.constantFrom(
			'ExpiredTokenException',
			'AccessDenied',
			'ThrottlingException',
			'ECONNRESET',
			'LoadBalancerNotFound',
			'ValidationError',
		),
		anyText,
	);
	// What an endpoint (or whatever answers in its place) can put in an error: the SDK copies the
	// code and message of the answer into the error it throws.
	const thrown = fc.oneof(
		fc
			.record(
				{
					name: codes,
					message: anyText,
					code: fc.option(codes, {nil: undefined}),
					Code: fc.option(codes, {nil: undefined}),
					status: fc.option(fc.constantFrom(400, 403, 429, 500, 503), {nil: undefined}),
				},
				{requiredKeys: ['name', 'message']},
			)
			.map(({name, message, code, Code, status}) =>
				Object.assign(new Error(message), {
					name,
					...(code === undefined ? {} : {code}),
					...(Code === undefined ? {} : {Code}),
					...(status === undefined ? {} : {$metadata: {httpStatusCode: status}}),
				}),
			),
		fc.anything(),
	);

	it('never throws, and what it says holds no control characters', () => {
		fc.assert(
			fc.property(
				thrown,
				fc.option(fc.stringMatching(/^[a-z-]{1,12}$/), {nil: undefined}),
				(error, profile) => {
					const described = describeAwsError(error, {
						iamAction: 'logs:StartQuery',
						now: 0,
						...(profile === undefined ? {} : {profile}),
					});
					expect(kinds).toContain(described.kind);
					expect(described.iamAction).toBe('logs:StartQuery');
					expect(described.message).not.toMatch(unsafe);
					expect(described.hint).not.toMatch(unsafe);
				},
			),
			runs,
		);
	});
});
