import {describe, expect, it} from 'vitest';
import {withAthenaQuery, withS3Requests} from '../../../source/domain/data-lake-cost.js';
import type {SourceState} from '../../../source/domain/snapshot.js';
import {
	costText,
	fittedSourceSegments,
	sourceSegment,
	sourceSegments,
} from '../../../source/ui/shell/status-text.js';
import {fixtureNow, fixtureSnapshot} from '../../helpers/snapshot-fixture.js';

const options = {now: fixtureNow, timeZone: 'utc', ascii: false, compact: false} as const;

describe('sourceSegment', () => {
	it.each<[string, SourceState, string, string]>([
		['pending', {status: 'pending'}, 'flows waiting', 'dim'],
		[
			'fresh',
			{status: 'ok', dataThrough: fixtureNow - 290_000},
			'flows 13:37:20Z lag 4m50s',
			'normal',
		],
		['ok without a data time', {status: 'ok'}, 'flows ok', 'normal'],
		[
			'stale after a throttle',
			{
				status: 'stale',
				dataThrough: fixtureNow - 600_000,
				error: {
					kind: 'throttled',
					message: 'Rate exceeded',
					hint: 'lbtop backs off',
					at: fixtureNow,
				},
			},
			'flows stale 13:32:10Z lag 10m (throttled)',
			'warn',
		],
		[
			'failing, hint shortened',
			{
				status: 'error',
				error: {
					kind: 'credentials',
					message: 'The SSO session has expired',
					hint: 'run `aws sso login --profile prod-oncall` and lbtop retries on its own',
					at: fixtureNow,
				},
			},
			'flows no credentials: run `aws sso login --profile prod-oncal…',
			'error',
		],
		['unavailable', {status: 'unavailable', note: 'S3 only'}, 'flows n/a', 'dim'],
	])('words a %s source', (_case, state, text, tone) => {
		expect(sourceSegment('flows', state, options)).toEqual({key: 'flows', text, tone});
	});

	it('strips escape sequences from hints that came from AWS', () => {
		const segment = sourceSegment(
			'changes',
			{
				status: 'error',
				error: {
					kind: 'unknown',
					message: 'x',
					hint: 'bad\u001B]0;pwned\u0007 hint',
					at: fixtureNow,
				},
			},
			options,
		);
		expect(segment.text).toBe('changes failed: bad hint');
	});
});

describe('sourceSegments', () => {
	it('always lists flows, metrics and changes; identity and discovery only when failing', () => {
		const healthy = sourceSegments(fixtureSnapshot(), options);
		expect(healthy.map((segment) => segment.key)).toEqual(['flows', 'metrics', 'changes']);
		const snapshot = fixtureSnapshot();
		const failing = fixtureSnapshot({
			sources: {
				...snapshot.sources,
				discovery: {
					status: 'error',
					error: {kind: 'not-found', message: 'no such LB', hint: 'check the name', at: fixtureNow},
				},
			},
		});
		expect(sourceSegments(failing, options).map((segment) => segment.key)).toEqual([
			'discovery',
			'flows',
			'metrics',
			'changes',
		]);
	});

	it('drops the clock times when the full line does not fit', () => {
		const wide = fittedSourceSegments(fixtureSnapshot(), options, 200, ' · ');
		expect(wide.map((segment) => segment.text)).toEqual([
			'flows 13:37:20Z lag 4m50s',
			'metrics 13:41:10Z lag 1m',
			'changes read 5s ago',
		]);
		const narrow = fittedSourceSegments(fixtureSnapshot(), options, 60, ' · ');
		expect(narrow.map((segment) => segment.text)).toEqual([
			'flows lag 4m50s',
			'metrics lag 1m',
			'changes read 5s ago',
		]);
	});
});

describe('costText', () => {
	it('says what the session has cost and scanned', () => {
		expect(costText(fixtureSnapshot().cost, false)).toBe('$0.0012 · 0.24 GB scanned');
		expect(costText({queries: 0, bytesScanned: 0, usdPerGb: 0.005, usd: 0}, true)).toBe(
			'$0.0000 - 0.000 GB scanned',
		);
	});

	it('drops "scanned" on a narrow terminal, so the sources keep their ages', () => {
		expect(costText(fixtureSnapshot().cost, false, 80)).toBe('$0.0012 · 0.24 GB');
		expect(costText(fixtureSnapshot().cost, false, 100)).toBe('$0.0012 · 0.24 GB scanned');
	});
	it('with flow logs in S3: Athena beside Insights and the S3 requests, their sum when narrow', () => {
		let cost = withAthenaQuery(
			{queries: 0, bytesScanned: 0, usdPerGb: 0.005, usd: 0},
			45_000_000,
			'SUCCEEDED',
		);
		cost = withS3Requests(cost, {listRequests: 30, getRequests: 12, bytesRead: 9_000_000});
		// 45 MB billed at $5/TB, 30 LISTs at $0.005/1000 and 12 GETs at $0.0004/1000.
		expect(cost.usd).toBeCloseTo(0.000_225 + 0.000_15 + 0.000_004_8, 10);
		expect(costText(cost, false, 120)).toBe('$0.0004 · Athena 0.045 GB scanned · S3 42 req');
		expect(costText({...cost, queries: 2, bytesScanned: 240_000_000}, false, 120)).toBe(
			'$0.0004 · Insights 0.24 GB · Athena 0.045 GB scanned · S3 42 req',
		);
		expect(costText({...cost, queries: 2, bytesScanned: 240_000_000}, false, 80)).toBe(
			'$0.0004 · 0.28 GB',
		);
	});

	it('bills an Athena query at least 10 MB, and a failed one not at all', () => {
		const empty = {queries: 0, bytesScanned: 0, usdPerGb: 0.005, usd: 0};
		expect(withAthenaQuery(empty, 1234, 'SUCCEEDED').athena?.billedBytes).toBe(10_000_000);
		expect(withAthenaQuery(empty, 12_345_678, 'CANCELLED').athena?.billedBytes).toBe(13_000_000);
		expect(withAthenaQuery(empty, 12_345_678, 'FAILED').athena).toMatchObject({
			billedBytes: 0,
			usd: 0,
		});
	});
});
