// The paste-ready summary (`--once`, `y`): short lines broken between words, never inside one,
// whatever AWS put in a change's summary or an alarm's reason.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {textSummary} from '../../source/report/text-summary.js';
import {summaryWidth, wrapSummaryLine} from '../../source/report/text-wrap.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

const words = (count: number, tag: string) =>
	Array.from({length: count}, (_, index) => `${tag}${index}`).join(' ');

function longWorld(): Snapshot {
	const snapshot = fixtureSnapshot();
	const [event] = snapshot.changes?.events ?? [];
	const [alarm] = snapshot.metrics?.alarms ?? [];
	const [finding] = snapshot.findings;
	if (event === undefined || alarm === undefined || finding === undefined || !snapshot.metrics) {
		throw new Error('the fixture has a change, an alarm and a finding');
	}
	return {
		...snapshot,
		findings: [{...finding, next: `${words(40, 'step')} NEXTEND`}],
		changes: {
			...(snapshot.changes ?? {events: []}),
			events: [{...event, summary: `${words(40, 'summary')} SUMMARYEND`}],
		},
		metrics: {
			...snapshot.metrics,
			alarms: [{...alarm, state: 'ALARM', reason: `${words(50, 'reason')} REASONEND`}],
		},
	};
}

describe('textSummary', () => {
	it('keeps every word of long texts whole, on lines no longer than the summary width', () => {
		const text = textSummary(longWorld(), fixtureNow);
		const lines = text.trimEnd().split('\n');
		expect(lines.every((line) => line.length <= summaryWidth)).toBe(true);
		const flowing = text.replaceAll(/\s+/g, ' ');
		for (const [tag, count, end] of [
			['step', 40, 'NEXTEND'],
			['summary', 40, 'SUMMARYEND'],
			['reason', 50, 'REASONEND'],
		] as const) {
			expect(flowing).toContain(`${words(count, tag)} ${end}`);
		}
		expect(text).not.toMatch(/\w…/);
	});
});

describe('wrapSummaryLine', () => {
	it('indents what follows the first line under its text, four more', () => {
		expect(wrapSummaryLine(`  ${words(30, 'w')}`, 40)).toEqual([
			'  w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11',
			'      w12 w13 w14 w15 w16 w17 w18 w19',
			'      w20 w21 w22 w23 w24 w25 w26 w27',
			'      w28 w29',
		]);
	});

	it('never splits a word, and loses none', () => {
		const word = fc.stringMatching(/^[a-z0-9:/.-]{1,30}$/);
		fc.assert(
			fc.property(
				fc.array(word, {maxLength: 50}),
				fc.integer({min: 20, max: 120}),
				(list, width) => {
					const rows = wrapSummaryLine(list.join(' '), width);
					expect(
						rows
							.join(' ')
							.split(/ +/)
							.filter((item) => item !== ''),
					).toEqual(list);
					// Only a word longer than a row makes a row longer than the width.
					for (const row of rows) {
						expect(row.length <= width || !row.trim().includes(' ')).toBe(true);
					}
				},
			),
		);
	});
});
