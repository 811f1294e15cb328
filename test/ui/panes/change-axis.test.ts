import {describe, expect, it} from 'vitest';
import {changeAxis} from '../../../source/ui/panes/change-axis.js';
import {lineText} from '../../../source/ui/panes/line.js';
import {metricsLines} from '../../../source/ui/panes/metrics-rows.js';
import {paneContext} from '../../../source/ui/panes/pane-context.js';

const window = {start: 0, end: 15 * 60_000};

describe('changeAxis', () => {
	// Fifteen minutes in ten cells: two minutes a cell, grouped at even minutes, the first cell
	// blank (the sixteen minutes need nine cells).
	it.each([
		['a change at the start', [0], 10, '  v       '],
		['a change in the middle', [7.5 * 60_000], 10, '     v    '],
		['the last moment of the window', [15 * 60_000 - 1], 10, '         v'],
		['changes outside the window', [-1, 15 * 60_000], 10, '          '],
		['two changes in one cell', [60_000, 61_000], 5, ' v   '],
		['no room', [0], 0, ''],
	])('%s', (_name, times, width, expected) => {
		expect(changeAxis(times, window, width, 'v', 60_000)).toBe(expected);
	});
});

describe('the metrics pane', () => {
	const context = paneContext({
		width: 80,
		height: 12,
		focused: false,
		selected: 0,
		timeZone: 'utc',
		now: window.end,
		ascii: true,
	});
	const metrics = {
		series: [
			{
				id: 'NewFlowCount.Sum',
				namespace: 'AWS/NetworkELB',
				metricName: 'NewFlowCount',
				stat: 'Sum',
				periodSeconds: 60,
				unit: 'count' as const,
				label: 'new flows',
				dimensions: {},
				points: [
					{t: 0, v: 1},
					{t: 60_000, v: 2},
				],
			},
		],
		alarms: [],
		dataThrough: 120_000,
	};

	it('marks changes on the time axis under the header', () => {
		const lines = metricsLines(
			{metrics, state: {status: 'ok', fetchedAt: 1}, window, changeTimes: [7.5 * 60_000]},
			context,
		).map(lineText);
		const axis = lines.find((text) => text.startsWith('changes v'));
		expect(axis).toBeDefined();
		expect(axis?.trimEnd().endsWith('v')).toBe(true);
	});

	it('reminds that NLB metrics miss what the LB security groups reject, when that happened', () => {
		const lines = metricsLines(
			{metrics, state: {status: 'ok', fetchedAt: 1}, window, rejectedAtLoadBalancer: true},
			context,
		).map(lineText);
		expect(lines.join('\n')).toContain(
			"NLB metrics do not count flows the LB's security groups reject",
		);
		const quiet = metricsLines({metrics, state: {status: 'ok', fetchedAt: 1}, window}, context).map(
			lineText,
		);
		expect(quiet.join('\n')).not.toContain('NLB metrics do not count');
	});
});
