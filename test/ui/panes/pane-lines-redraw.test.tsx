// A pane's lines are recomputed each time the clock or the snapshot moves, but its text rarely
// changes: what Ink is given again must be only the rows that changed, or every tick re-lays out
// and redraws the whole screen. Ink's Text is counted through a double that draws as Ink does.
import type * as ink from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {type Line, line, seg} from '../../../source/ui/panes/line.js';
import {PaneLines} from '../../../source/ui/panes/pane-lines.js';
import {waitForFrame} from '../../helpers/render.js';

const drawnTexts = vi.hoisted(() => ({count: 0}));

vi.mock('ink', async (importOriginal) => {
	const original = await importOriginal<typeof ink>();
	const CountedText = (properties: Parameters<typeof original.Text>[0]) => {
		drawnTexts.count += 1;
		return original.Text(properties);
	};
	return {...original, Text: CountedText};
});

function rows(count: number, changed?: {readonly row: number; readonly text: string}): Line[] {
	return Array.from({length: count}, (_, index) =>
		index === changed?.row
			? [seg(changed.text, 'bold'), seg(' age', 'dim')]
			: [seg(`row ${index}`, 'bold'), seg(' 2m', 'dim')],
	);
}

type Harness = {
	readonly show: (lines: readonly Line[]) => void;
	/** How often the component holding the lines has rendered. */
	readonly renders: () => number;
};

/**
 * Lines change through state, as the shell changes them: re-rendering Ink's root would hand every
 * Text new contexts and redraw them all whatever PaneLines did.
 */
function mount(initial: readonly Line[]) {
	const harness: {show?: (lines: readonly Line[]) => void; renders: number} = {renders: 0};
	function Shell() {
		const [lines, setLines] = useState(initial);
		harness.show = setLines;
		harness.renders += 1;
		return <PaneLines lines={lines} width={40} height={10} color ascii={false} />;
	}
	const app = render(<Shell />);
	const show = (lines: readonly Line[]) => {
		harness.show?.(lines);
	};
	return {app, harness: {show, renders: () => harness.renders} satisfies Harness};
}

afterEach(() => {
	drawnTexts.count = 0;
});

describe('PaneLines redrawing', () => {
	it('draws nothing again for lines equal to the ones on screen', async () => {
		const {app, harness} = mount(rows(10));
		await waitForFrame(app, 'row 9 2m');
		expect(drawnTexts.count).toBeGreaterThanOrEqual(10);
		drawnTexts.count = 0;
		const before = harness.renders();
		harness.show(rows(10));
		await waitForFrame(app, () => harness.renders() > before);
		expect(drawnTexts.count).toBe(0);
		app.unmount();
	});

	it('draws again only the row whose text changed, and shows it', async () => {
		const {app, harness} = mount(rows(10));
		await waitForFrame(app, 'row 9 2m');
		drawnTexts.count = 0;
		harness.show(rows(10, {row: 3, text: 'row 3 changed'}));
		const frame = await waitForFrame(app, 'row 3 changed age');
		// The changed row's Text and its two styled runs; no other row.
		expect(drawnTexts.count).toBeGreaterThan(0);
		expect(drawnTexts.count).toBeLessThanOrEqual(3);
		expect(frame).toContain('row 4 2m');
		app.unmount();
	});

	it('draws a row again when only its style changed', async () => {
		const {app, harness} = mount([line('selected row')]);
		await waitForFrame(app, 'selected row');
		drawnTexts.count = 0;
		harness.show([[{text: 'selected row', inverse: true}]]);
		await waitForFrame(app, () => drawnTexts.count > 0);
		expect(app.lastFrame()).toContain('selected row');
		app.unmount();
	});
});
