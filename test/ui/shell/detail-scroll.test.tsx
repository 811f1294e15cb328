// An open detail longer than the pane scrolls with j/k, PgUp/PgDn and g/G (the keys no longer
// jump to the next row), and its long lines wrap at word boundaries instead of being cut.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Finding, Snapshot} from '../../../source/domain/snapshot.js';
import {panes} from '../../../source/ui/panes/index.js';
import {keys, waitForFrame} from '../../helpers/render.js';
import {now, snapshot} from '../panes/fixture.js';
import {mountApp} from './mount-app.js';

afterEach(() => {
	cleanup();
});

const words = (count: number, tag: string) =>
	Array.from({length: count}, (_, index) => `${tag}${index}`).join(' ');

/** A finding whose next step and evidence need far more than the 16 rows a pane has at 80x24. */
const longFinding: Finding = {
	id: 'f-long',
	rule: 'target-sg-rejects',
	severity: 'critical',
	confidence: 'high',
	title: `Target security group rejects client IPs ${words(12, 'title')}`,
	since: now - 4 * 60_000,
	evidence: Array.from({length: 14}, (_, index) => ({
		kind: 'gap' as const,
		gap: `gap number ${index} ${words(14, `g${index}w`)} GAPEND${index}`,
	})),
	next: `Allow the clients' range ${words(30, 'next')} NEXTEND`,
};

const other: Finding = {
	id: 'f-other',
	rule: 'unhealthy-targets',
	severity: 'warning',
	confidence: 'medium',
	title: 'OTHER FINDING: target i-0def5678 is unhealthy',
	evidence: [],
	next: 'Check the health check',
};

const world: Snapshot = {...snapshot, findings: [longFinding, other]};

function mount() {
	return mountApp({snapshot: world, panes, clock: () => now}).app;
}

/** The rows between the zoomed title and the help bar. */
function detailRows(frame: string): string[] {
	const rows = frame.split('\n');
	const title = rows.findIndex((row) => row.includes('Esc back'));
	return rows.slice(title + 1, rows.length - 2);
}

describe('a long finding detail at 80x24', () => {
	it('wraps every line instead of cutting it, and scrolls with j/k, PgDn/PgUp, G/g', async () => {
		const app = mount();
		await waitForFrame(app, '[Findings]');
		app.press(keys.enter);
		const top = await waitForFrame(app, 'Esc back');
		const first = detailRows(top);
		expect(first[0]).toMatch(/^CRIT Target security group rejects client IPs title0/);
		expect(top).toMatch(/lines 1-\d+ of \d+/);
		expect(first.join('\n')).not.toContain('…');
		expect(first.every((row) => [...row].length <= 80)).toBe(true);

		app.press('j');
		const down = await waitForFrame(app, /lines 2-\d+ of/);
		expect(detailRows(down)[0]).toBe(first[1]);
		expect(detailRows(down).join('\n')).not.toContain('OTHER FINDING');

		app.press('k');
		await waitForFrame(app, /lines 1-\d+ of/);

		app.press('G');
		const bottom = await waitForFrame(app, 'GAPEND13');
		expect(detailRows(bottom).join('\n')).not.toContain('OTHER FINDING');
		const text = detailRows(bottom).join(' ');
		expect(text).toMatch(/g13w13\s+GAPEND13/);

		app.press('g');
		await waitForFrame(app, /lines 1-\d+ of/);
		app.press(keys.pageDown);
		const paged = await waitForFrame(app, (frame) => !/lines 1-/.test(frame));
		expect(paged).toMatch(/lines \d+-\d+ of/);
		expect(detailRows(paged).join('\n')).not.toContain('OTHER FINDING');

		// The whole next step is on screen somewhere between the first page and the end.
		const seen = new Set<string>();
		app.press('g');
		await waitForFrame(app, /lines 1-\d+ of/);
		for (let step = 0; step < 6; step += 1) {
			for (const row of detailRows(app.lastFrame() ?? '')) {
				seen.add(row);
			}
			app.press(keys.pageDown);
			await waitForFrame(app, /lines \d+-\d+ of/);
		}
		expect([...seen].join(' ')).toMatch(/next29\s+NEXTEND/);

		app.press(keys.escape);
		await waitForFrame(app, '[Findings]');
	});
});
