import {describe, expect, it} from 'vitest';
import type {AlarmInfo, MetricsView} from '../../../source/domain/snapshot.js';
import {lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {alarmLines, alarmsInOrder} from '../../../source/ui/panes/metrics-alarms.js';
import {metricsLines} from '../../../source/ui/panes/metrics-rows.js';
import {context, now, snapshot} from './fixture.js';

const metrics = snapshot.metrics as MetricsView;
const input = {metrics, state: snapshot.sources.metrics, window: snapshot.window};

function alarm(name: string, state: AlarmInfo['state'], since: number): AlarmInfo {
	return {name, state, reason: `${name} reason`, since, dimensions: {}};
}

describe('alarms', () => {
	it('lists ALARM first, newest first within a state', () => {
		const ordered = alarmsInOrder([
			alarm('ok', 'OK', now - 1000),
			alarm('old-alarm', 'ALARM', now - 600_000),
			alarm('nodata', 'INSUFFICIENT_DATA', now - 1000),
			alarm('new-alarm', 'ALARM', now - 60_000),
		]);
		expect(ordered.map((entry) => entry.name)).toEqual(['new-alarm', 'old-alarm', 'nodata', 'ok']);
	});

	it('gives each alarm not OK a line with its state and since, and the OK ones one line', () => {
		const lines = alarmLines(
			[
				alarm('calm-1', 'OK', now),
				alarm('firing', 'ALARM', now - 240_000),
				alarm('calm-2', 'OK', now),
			],
			context({width: 120}),
		);
		expect(lines.map(lineText)).toEqual([
			'ALARM firing · since 13:41Z (4m) · firing reason',
			'OK calm-1, calm-2',
		]);
		expect(lines[0]?.[0]).toEqual({text: 'ALARM', tone: 'red'});
	});
});

describe('metricsLines', () => {
	it('has the freshness, the alarms, then a row per series', () => {
		const lines = metricsLines(input, context({width: 100, height: 20})).map(lineText);
		expect(lines[0]).toBe(
			'metrics through 13:43:00Z · lag 2m · 3 alarms, 1 in ALARM · sort: catalog order',
		);
		expect(lines[1]).toMatch(/^ALARM web-nlb-healthy-hosts · since 13:41Z \(4m\)/);
		expect(lines[2]).toMatch(/^INSUFFICIENT_DATA web-nlb-resets/);
		expect(lines[3]).toBe('OK web-nlb-bytes');
		expect(lines[4]).toMatch(/^metric\s+last 15m\s+now\s+min\s+max$/);
		expect(lines.slice(5).map((text) => text.slice(0, 15).trim())).toEqual([
			'New flows',
			'Active flows',
			'Processed bytes',
			'Healthy hosts',
			'Target resets',
			'Response time',
		]);
	});

	it.each([38, 78, 196])('fits %i cells', (width) => {
		for (const text of metricsLines(input, context({width, height: 30}))) {
			expect(lineWidth(text)).toBeLessThanOrEqual(width);
		}
	});

	it('draws a missing period as a gap, not a zero', () => {
		const lines = metricsLines(input, context({width: 100, height: 20})).map(lineText);
		const newFlows = lines.find((text) => text.startsWith('New flows')) ?? '';
		expect(newFlows).toContain('·');
		expect(newFlows).not.toContain('▁');
	});

	it('shows "-" for a series with no datapoints, never 0', () => {
		const empty = {...metrics, series: [{...metrics.series[0], points: []}]} as MetricsView;
		const lines = metricsLines({...input, metrics: empty}, context({width: 100, height: 20}));
		const row = lineText(lines.at(-1) ?? []);
		expect(row).toMatch(/^New flows\s+·+\s+-\s+-\s+-$/);
	});

	it('says when there are no alarms or series', () => {
		const bare: MetricsView = {series: [], alarms: []};
		const lines = metricsLines({...input, metrics: bare}, context({width: 100})).map(lineText);
		expect(lines).toEqual([
			'no datapoints yet · no alarms on this load balancer',
			'No metric series for this load balancer',
		]);
	});

	it('draws ascii sparklines in ascii mode', () => {
		const lines = metricsLines(input, context({width: 100, ascii: true})).map(lineText);
		const resets = lines.find((text) => text.startsWith('Target resets')) ?? '';
		expect(resets).toMatch(/_+=*#+/);
		expect(resets).not.toMatch(/[▁-█·]/);
	});

	it('keeps ALARM lines above the series when the pane is short', () => {
		const lines = metricsLines(input, context({width: 78, height: 4})).map(lineText);
		expect(lines[1]).toContain('ALARM web-nlb-healthy-hosts');
	});
});
