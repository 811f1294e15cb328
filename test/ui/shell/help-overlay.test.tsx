// Help at 80x24 reads whole: every description wraps instead of being cut, the help scrolls when
// it is longer than the pane area, and it ends with a legend of what the screen's labels and marks
// mean and how the filter reads.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {keymap} from '../../../source/ui/keymap.js';
import {cellWidth} from '../../../source/ui/panes/text-width.js';
import {helpLines, helpScrolling} from '../../../source/ui/shell/help-overlay.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {inTimeZone} from '../../helpers/time-zone.js';
import {mountApp} from './mount-app.js';

// The layouts pinned here are UTC's, where the header shows one clock (ascii.test.tsx: another).
inTimeZone('UTC');

afterEach(() => {
	cleanup();
});

/** Rows joined into one text with single spaces, so wrapped sentences read as written. */
function flowing(rows: readonly string[]): string {
	return rows.join(' ').replaceAll(/\s+/g, ' ');
}

const legend = [
	'FE BE',
	'TGT',
	'exact',
	'likely',
	'ambiguous',
	'unpaired',
	'arriving',
	'health chk',
	'a minute with no datapoint',
	'a change in the path was made',
	'Filter (/)',
	'port:443',
	'T5XX',
	'LB5XX',
	'not dispatched',
	'hs p99',
	'from the objects read',
];

describe('helpLines', () => {
	it.each([40, 80, 120, 200])('at %i columns: nothing cut, nothing wider', (width) => {
		for (const ascii of [false, true]) {
			const rows = helpLines(width, ascii).map((line) => line.text);
			expect(rows.every((row) => cellWidth(row) <= width)).toBe(true);
			const text = flowing(rows);
			for (const binding of keymap) {
				expect(text).toContain(binding.description);
			}
			for (const entry of legend) {
				expect(text).toContain(entry);
			}
			expect(text).not.toContain('…');
		}
	});

	it('names the marks as this terminal draws them', () => {
		expect(flowing(helpLines(80, false).map((line) => line.text))).toMatch(
			/· +a minute with no datapoint.*▼ +a change in the path/,
		);
		const ascii = flowing(helpLines(80, true).map((line) => line.text));
		expect(ascii).toMatch(/blank +a minute with no datapoint.*v +a change in the path/);
		expect(ascii).not.toMatch(/[^\u0000-\u007F]/);
	});
});

describe('help at 80x24', () => {
	it('opens at the top, scrolls to the legend with j and G, and closes', async () => {
		const {app} = mountApp();
		await waitForFrame(app, '[findings]');
		app.press('?');
		const top = await waitForFrame(
			app,
			/Help · Esc or \? closes · j\/k PgDn scroll · lines 1-\d+ of/,
		);
		expect(top).toContain('Show or hide this list of keys');
		expect(top).not.toContain('…');
		expect(top.split('\n').every((row) => [...row].length <= 80)).toBe(true);
		const {scrollLimit} = helpScrolling(80, 18, false);
		expect(scrollLimit).toBeGreaterThan(0);

		app.press('j');
		await waitForFrame(app, /lines 2-\d+ of/);
		app.press('G');
		const bottom = await waitForFrame(app, 'Requests and TLS (access logs)');
		expect(bottom).toContain('tls_handshake_time');
		expect(bottom).not.toContain('<metrics>');
		app.press(keys.escape);
		await waitForFrame(app, '<metrics>');
		app.press('?');
		await waitForFrame(app, /lines 1-\d+ of/);
	});
});
