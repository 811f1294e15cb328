import {describe, expect, it} from 'vitest';
import type {SourceState} from '../../../source/domain/snapshot.js';
import {glyphsFor} from '../../../source/ui/panes/glyphs.js';
import {lineText} from '../../../source/ui/panes/line.js';
import {sourceBanner} from '../../../source/ui/panes/source-status.js';

const now = Date.UTC(2025, 5, 3, 13, 45, 0);
const context = {now, timeZone: 'utc' as const, glyphs: glyphsFor(false)};
const error = {
	kind: 'access-denied' as const,
	message: 'logs:StartQuery was denied',
	hint: 'add logs:StartQuery to the role',
	at: now,
};

describe('sourceBanner', () => {
	it.each<[string, SourceState, boolean, string[], boolean, boolean]>([
		['ok', {status: 'ok'}, true, [], true, false],
		['pending without data', {status: 'pending'}, false, ['waiting for first data…'], false, false],
		['pending with data', {status: 'pending'}, true, [], true, false],
		[
			'unavailable',
			{status: 'unavailable', note: 'Flow logs are not available yet'},
			false,
			['Flow logs are not available yet'],
			false,
			false,
		],
		[
			'error without data',
			{status: 'error', error, retryAt: now + 30_000},
			false,
			['error: logs:StartQuery was denied', 'add logs:StartQuery to the role · retry in 30s'],
			false,
			false,
		],
		[
			'stale with data',
			{status: 'stale', error, fetchedAt: Date.UTC(2025, 5, 3, 13, 40, 0)},
			true,
			[
				'stale: logs:StartQuery was denied',
				'add logs:StartQuery to the role · showing data fetched 13:40:00Z',
			],
			true,
			true,
		],
		['error with data', {status: 'error'}, true, ['stale: the last refresh failed'], true, true],
	])('%s', (_name, state, hasData, lines, showData, stale) => {
		const banner = sourceBanner(state, hasData, context);
		expect(banner.lines.map(lineText)).toEqual(lines);
		expect(banner.showData).toBe(showData);
		expect(banner.stale).toBe(stale);
	});

	it('says "..." in ascii', () => {
		const banner = sourceBanner({status: 'pending'}, false, {...context, glyphs: glyphsFor(true)});
		expect(banner.lines.map(lineText)).toEqual(['waiting for first data...']);
	});
});
