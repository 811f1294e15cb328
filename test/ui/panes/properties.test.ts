// Whatever AWS sends and whatever size the terminal is, a pane stays inside its cells and
// nothing but text reaches the terminal.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {
	ChangeEvent,
	Connection,
	Finding,
	FlowsView,
	MetricsView,
} from '../../../source/domain/snapshot.js';
import {changesLines} from '../../../source/ui/panes/changes-rows.js';
import {connectionsLines} from '../../../source/ui/panes/connections-rows.js';
import {findingsLines} from '../../../source/ui/panes/findings-rows.js';
import {fitLine, type Line, lineText, lineWidth, seg} from '../../../source/ui/panes/line.js';
import {metricsLines} from '../../../source/ui/panes/metrics-rows.js';
import {cellWidth, truncateCells, wrapCells} from '../../../source/ui/panes/text-width.js';
import {changeEvents, context, snapshot} from './fixture.js';

const anyText = fc.oneof(
	fc.string({unit: 'binary', maxLength: 300}),
	fc.string({unit: 'grapheme', maxLength: 300}),
	fc.constantFrom('\u001b[2J', '\u001b]52;c;YWJj\u0007', '安全组', '👍🏽', 'e\u0301', '\u202E'),
);
const width = fc.integer({min: 1, max: 200});
const height = fc.integer({min: 1, max: 50});
const controls = /[\u0000-\u001f\u007f-\u009f]/;

function expectInside(lines: readonly Line[], cells: number, rows: number) {
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const entry of lines) {
		expect(lineWidth(entry)).toBeLessThanOrEqual(cells);
		expect(lineText(entry)).not.toMatch(controls);
	}
}

describe('text fitting', () => {
	it('never exceeds the width', () => {
		fc.assert(
			fc.property(anyText, fc.integer({min: 0, max: 200}), (text, cells) => {
				expect(cellWidth(truncateCells(text, cells, '…'))).toBeLessThanOrEqual(cells);
				expect(lineWidth(fitLine([seg(text), seg(text, 'red')], cells, '…'))).toBeLessThanOrEqual(
					cells,
				);
			}),
		);
	});

	it('wraps into at most the lines asked for, each within the width', () => {
		fc.assert(
			fc.property(anyText, width, fc.integer({min: 0, max: 5}), (text, cells, maxLines) => {
				const lines = wrapCells(seg(text).text, cells, maxLines, '…');
				expect(lines.length).toBeLessThanOrEqual(maxLines);
				for (const entry of lines) {
					expect(cellWidth(entry)).toBeLessThanOrEqual(Math.max(cells, 2));
				}
			}),
		);
	});
});

describe('panes with arbitrary strings', () => {
	it('findings stay inside the pane', () => {
		const finding = fc.record({title: anyText, next: anyText});
		fc.assert(
			fc.property(fc.array(finding, {maxLength: 5}), width, height, (texts, cells, rows) => {
				const base = snapshot.findings[0] as Finding;
				const findings = texts.map((text, index) => ({...base, ...text, id: `f${index}`}));
				expectInside(
					findingsLines(
						{findings, sources: snapshot.sources},
						context({width: cells, height: rows}),
					),
					cells,
					rows,
				);
			}),
			{numRuns: 60},
		);
	});

	it('changes stay inside the pane', () => {
		const event = fc.record({
			name: anyText,
			summary: anyText,
			actorName: anyText,
			sourceIp: anyText,
			errorCode: anyText,
		});
		fc.assert(
			fc.property(fc.array(event, {maxLength: 5}), width, height, (texts, cells, rows) => {
				const base = changeEvents[0] as ChangeEvent;
				const events = texts.map((text, index) => ({
					...base,
					id: `e${index}`,
					name: text.name,
					summary: text.summary,
					actor: {type: 'IAMUser', name: text.actorName},
					sourceIp: text.sourceIp,
					errorCode: text.errorCode,
				}));
				const lines = changesLines(
					{changes: {events}, state: snapshot.sources.changes},
					context({width: cells, height: rows}),
				);
				expectInside(lines, cells, rows);
			}),
			{numRuns: 60},
		);
	});
});

describe('panes with arbitrary numbers', () => {
	const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, -1, 0, 1e300));

	it('connections stay inside the pane', () => {
		const row = fc.record({
			clientAddr: anyText,
			clientPort: anyNumber,
			packets: anyNumber,
			bytes: anyNumber,
			end: anyNumber,
		});
		fc.assert(
			fc.property(
				fc.array(row, {maxLength: 8}),
				width,
				height,
				fc.integer(),
				(rows, cells, lines, selected) => {
					const base = snapshot.flows?.connections[0] as Connection;
					const connections = rows.map((values, index) => ({...base, ...values, id: `c${index}`}));
					const flows = {...(snapshot.flows as FlowsView), connections};
					const drawn = connectionsLines(
						{flows, state: snapshot.sources.flows},
						context({width: cells, height: lines, selected, focused: true}),
					);
					expectInside(drawn, cells, lines);
				},
			),
			{numRuns: 60},
		);
	});

	it('metrics stay inside the pane', () => {
		const point = fc.record({t: anyNumber, v: anyNumber});
		fc.assert(
			fc.property(
				fc.array(point, {maxLength: 30}),
				anyText,
				width,
				height,
				(points, label, cells, lines) => {
					const metrics = snapshot.metrics as MetricsView;
					const series = metrics.series.map((entry) => ({...entry, label, points}));
					const drawn = metricsLines(
						{
							metrics: {...metrics, series},
							state: snapshot.sources.metrics,
							window: snapshot.window,
						},
						context({width: cells, height: lines}),
					);
					expectInside(drawn, cells, lines);
				},
			),
			{numRuns: 60},
		);
	});
});
