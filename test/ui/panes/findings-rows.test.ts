import {describe, expect, it} from 'vitest';
import type {Snapshot, SourceState} from '../../../source/domain/snapshot.js';
import {blindSpots} from '../../../source/ui/panes/findings-blind-spots.js';
import {findingLine, findingsLines} from '../../../source/ui/panes/findings-rows.js';
import {findingsInOrder} from '../../../source/ui/panes/findings-view.js';
import {glyphsFor} from '../../../source/ui/panes/glyphs.js';
import {lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {context, snapshot} from './fixture.js';

const allOk = snapshot.sources;
const withSources = (changes: Partial<Snapshot['sources']>): Snapshot['sources'] => ({
	...allOk,
	...changes,
});
const pending: SourceState = {status: 'pending'};

describe('findingsInOrder', () => {
	it('lists critical, then warning, then info', () => {
		expect(findingsInOrder(snapshot.findings).map((finding) => finding.severity)).toEqual([
			'critical',
			'warning',
			'info',
		]);
	});
});

describe('findingLine', () => {
	const [critical] = findingsInOrder(snapshot.findings);

	it.each([
		[
			200,
			'CRIT Target security group rejects client IPs: ACCEPT at LB, REJECT at target i-0abc1234 · since 13:41Z (4m) · confidence high',
		],
		[
			110,
			'CRIT Target security group rejects client IPs: ACCEPT at LB, REJECT at target i-0abc1234 · since 13:41Z (4m)',
		],
		[
			40,
			'CRIT Target security group rejects client IPs: ACCEPT at LB, REJECT at target i-0abc1234',
		],
	])('at %i cells: %j', (width, expected) => {
		expect(critical).toBeDefined();
		if (critical !== undefined) {
			expect(lineText(findingLine(critical, context({width})))).toBe(expected);
		}
	});
});

describe('findingsLines without findings', () => {
	it('says all is normal only when every source is ok', () => {
		const lines = findingsLines({findings: [], sources: allOk}, context());
		expect(lines.map(lineText)).toEqual(['No findings: flows, metrics and changes look normal']);
	});

	it('says what the findings cannot see yet', () => {
		const sources = withSources({
			flows: {status: 'unavailable', note: 'Flow logs are not available yet'},
			changes: pending,
		});
		const lines = findingsLines({findings: [], sources}, context()).map(lineText);
		expect(lines).toEqual([
			'No findings so far in the sources read',
			'cannot see flows: Flow logs are not available yet',
			'cannot see changes: waiting for first data…',
		]);
		expect(lines.join('\n')).not.toContain('look normal');
	});

	it('names the blind sources on one line when the pane is short', () => {
		const sources = withSources({flows: pending, metrics: pending, changes: pending});
		const lines = findingsLines({findings: [], sources}, context({height: 2})).map(lineText);
		expect(lines).toEqual([
			'No findings so far in the sources read',
			'not seen in full: flows, metrics, changes',
		]);
	});
});

describe('findingsLines with findings', () => {
	it.each([
		[196, 8, 6],
		[78, 14, 10],
		[38, 12, 10],
		[78, 3, 3],
	])('at %i x %i uses %i lines, none too wide', (width, height, count) => {
		const lines = findingsLines(snapshot, context({width, height}));
		expect(lines).toHaveLength(count);
		for (const text of lines) {
			expect(lineWidth(text)).toBeLessThanOrEqual(width);
		}
	});

	it('wraps instead of cutting when there is room', () => {
		const text = findingsLines(snapshot, context({width: 38, height: 12}))
			.map(lineText)
			.join(' ');
		expect(text.replace(/\s+/g, ' ')).toContain('REJECT at target i-0abc1234');
	});

	it('lists one line per finding and how many more when short', () => {
		const lines = findingsLines(snapshot, context({height: 2})).map(lineText);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^CRIT /);
		expect(lines[1]).toBe('+2 more findings');
	});

	it('keeps a line for what it cannot see', () => {
		const sources = withSources({
			changes: {
				status: 'error',
				error: {kind: 'network', message: 'CloudTrail unreachable', hint: '', at: 0},
			},
		});
		const lines = findingsLines({findings: snapshot.findings, sources}, context({height: 4})).map(
			lineText,
		);
		expect(lines.at(-1)).toBe('cannot see changes: CloudTrail unreachable');
	});

	it('highlights the selected finding while focused', () => {
		const lines = findingsLines(
			snapshot,
			context({width: 196, height: 8, focused: true, selected: 1}),
		);
		const lit = lines.filter((entry) => entry.some((segment) => segment.inverse === true));
		expect(lit.map(lineText).join('\n')).toContain('WARN Target i-0def5678 is unhealthy');
	});
});

describe('blindSpots', () => {
	it('gives a reason for every source not ok', () => {
		const sources = withSources({
			identity: {
				status: 'error',
				error: {kind: 'credentials', message: 'no credentials', hint: 'log in', at: 0},
			},
			metrics: {status: 'stale', error: {kind: 'throttled', message: 'throttled', hint: '', at: 0}},
		});
		expect(blindSpots(sources, glyphsFor(true))).toEqual([
			{source: 'identity', label: 'cannot see identity: ', reason: 'no credentials', tone: 'red'},
			{source: 'metrics', label: 'stale metrics: ', reason: 'throttled', tone: 'yellow'},
		]);
	});
});
