import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	computeLayout,
	contentPanes,
	drawableRows,
	type LayoutInput,
	paneHeight,
	reservedRows,
	type ShellLayout,
	splitColumns,
	totalRows,
} from '../../source/ui/layout.js';

function layoutAt(
	columns: number,
	rows: number,
	overrides: Partial<LayoutInput> = {},
): ShellLayout {
	return computeLayout({
		columns,
		rows: drawableRows(rows),
		findingsCount: 1,
		paused: false,
		zoomed: false,
		focus: 'findings',
		activeContent: 'metrics',
		...overrides,
	});
}

function bandWidths(layout: ShellLayout): number[] {
	return layout.bands.map(
		(band) =>
			band.cells.reduce((sum, cell) => sum + cell.width, 0) + Math.max(0, band.cells.length - 1),
	);
}

describe('computeLayout at common terminal sizes', () => {
	it.each([
		{columns: 80, rows: 24, mode: 'tabs', paneArea: 18, panes: ['metrics']},
		{columns: 100, rows: 30, mode: 'tabs', paneArea: 24, panes: ['metrics']},
		{columns: 200, rows: 50, mode: 'grid', paneArea: 44, panes: contentPanes},
	])('$columns x $rows: $mode, every row used once', ({columns, rows, mode, paneArea, panes}) => {
		const layout = layoutAt(columns, rows);
		expect(layout.mode).toBe(mode);
		expect(totalRows(layout) + reservedRows).toBe(rows);
		expect(layout).toMatchObject({header: 2, findings: 1, banner: 0, helpBar: 1, status: 1});
		expect(layout.paneArea).toBe(paneArea);
		expect(layout.bands.flatMap((band) => band.cells.map((cell) => cell.pane))).toEqual(panes);
		expect(layout.bands.reduce((sum, band) => sum + band.height, 0)).toBe(paneArea);
		expect(bandWidths(layout).every((width) => width === columns)).toBe(true);
	});

	it('gives an access-log pane a band of its own across the grid, between the others', () => {
		const layout = layoutAt(200, 50, {accessLogPane: 'requests'});
		expect(layout.mode).toBe('grid');
		expect(layout.bands.map((band) => band.cells.map((cell) => cell.pane))).toEqual([
			['metrics', 'connections'],
			['requests'],
			['accepted', 'rejected', 'changes'],
		]);
		expect(layout.bands.reduce((sum, band) => sum + band.height, 0)).toBe(layout.paneArea);
		expect(bandWidths(layout).every((width) => width === 200)).toBe(true);
		expect(paneHeight(layout, 'requests')).toBeGreaterThanOrEqual(12);
		// Three bands need more rows than two: a short wide terminal keeps the tabs.
		expect(layoutAt(200, 22, {accessLogPane: 'tls'}).mode).toBe('tabs');
		expect(layoutAt(200, 22).mode).toBe('grid');
	});

	it('gives each tab-mode pane the whole pane area below the tab bar', () => {
		const layout = layoutAt(80, 24, {activeContent: 'rejected'});
		expect(layout.bands).toEqual([
			{height: 18, cells: [{pane: 'rejected', width: 80, height: 17}]},
		]);
	});

	it('splits the grid into metrics | connections over accepted | rejected | changes', () => {
		const layout = layoutAt(200, 50);
		expect(layout.bands).toEqual([
			{
				height: 22,
				cells: [
					{pane: 'metrics', width: 79, height: 21},
					{pane: 'connections', width: 120, height: 21},
				],
			},
			{
				height: 22,
				cells: [
					{pane: 'accepted', width: 66, height: 21},
					{pane: 'rejected', width: 66, height: 21},
					{pane: 'changes', width: 66, height: 21},
				],
			},
		]);
	});

	it.each([
		{findings: 0, rows: 1},
		{findings: 1, rows: 1},
		{findings: 2, rows: 2},
		{findings: 3, rows: 3},
		{findings: 9, rows: 3},
	])(
		'gives $findings findings $rows findings rows, taken from the pane area',
		({findings, rows}) => {
			const layout = layoutAt(80, 24, {findingsCount: findings});
			expect(layout.findings).toBe(rows);
			expect(layout.paneArea).toBe(19 - rows);
		},
	);

	it('makes room for the pause banner without growing', () => {
		const layout = layoutAt(80, 24, {paused: true});
		expect(layout.banner).toBe(1);
		expect(layout.paneArea).toBe(17);
		expect(totalRows(layout)).toBe(23);
	});

	it('zooms the focused pane over the whole pane area, in any width', () => {
		for (const columns of [80, 200]) {
			const layout = layoutAt(columns, 40, {zoomed: true, focus: 'changes'});
			expect(layout.mode).toBe('zoom');
			expect(layout.bands).toEqual([
				{
					height: layout.paneArea,
					cells: [{pane: 'changes', width: columns, height: layout.paneArea - 1}],
				},
			]);
		}
	});

	it('stays with tabs on a wide but short terminal', () => {
		expect(layoutAt(160, 16).mode).toBe('tabs');
	});

	it('drops the help bar and header detail before the pane area on tiny terminals', () => {
		expect(layoutAt(40, 8)).toMatchObject({
			status: 1,
			header: 1,
			findings: 1,
			paneArea: 3,
			helpBar: 1,
		});
		expect(layoutAt(40, 6)).toMatchObject({
			status: 1,
			header: 1,
			findings: 1,
			paneArea: 2,
			helpBar: 0,
		});
		expect(layoutAt(40, 1)).toMatchObject({status: 0, header: 0, paneArea: 0, bands: []});
	});

	it('never hands out more rows or columns than the terminal has', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 0, max: 400}),
				fc.integer({min: 0, max: 150}),
				fc.integer({min: 0, max: 10}),
				fc.boolean(),
				fc.boolean(),
				(columns, rows, findings, paused, zoomed) => {
					const layout = layoutAt(columns, rows, {findingsCount: findings, paused, zoomed});
					expect(totalRows(layout)).toBe(drawableRows(rows));
					expect(layout.bands.reduce((sum, band) => sum + band.height, 0)).toBe(layout.paneArea);
					for (const width of bandWidths(layout)) {
						expect(width).toBe(columns);
					}
					for (const band of layout.bands) {
						for (const cell of band.cells) {
							expect(cell.height).toBe(Math.max(0, band.height - 1));
							expect(cell.width).toBeGreaterThanOrEqual(0);
						}
					}
				},
			),
		);
	});
});

describe('paneHeight', () => {
	it('reports the rows a pane is drawn with, 0 when off screen', () => {
		const tabs = layoutAt(80, 24, {findingsCount: 2});
		expect(paneHeight(tabs, 'findings')).toBe(2);
		expect(paneHeight(tabs, 'metrics')).toBe(16);
		expect(paneHeight(tabs, 'changes')).toBe(0);
		const zoomedFindings = layoutAt(80, 24, {zoomed: true, focus: 'findings', findingsCount: 2});
		expect(paneHeight(zoomedFindings, 'findings')).toBe(zoomedFindings.paneArea - 1);
	});
});

describe('splitColumns', () => {
	it.each([
		{total: 80, weights: [1, 1, 1], widths: [26, 26, 26]},
		{total: 81, weights: [1, 1, 1], widths: [26, 26, 27]},
		{total: 120, weights: [2, 3], widths: [47, 72]},
		{total: 1, weights: [1, 1], widths: [0, 0]},
	])('splits $total columns by $weights with one-column rules', ({total, weights, widths}) => {
		expect(splitColumns(total, weights)).toEqual(widths);
	});
});

describe('a two-row notice', () => {
	it('takes its second row from the pane area, never the status line or the header', () => {
		const one = layoutAt(80, 24);
		const two = layoutAt(80, 24, {helpBarRows: 2});
		expect(two.helpBar).toBe(2);
		expect(two.paneArea).toBe(one.paneArea - 1);
		expect({...two, helpBar: 1, paneArea: one.paneArea, bands: one.bands}).toEqual(one);
		expect(totalRows(two)).toBe(totalRows(one));
	});

	it('gets one row when the terminal has no room to spare', () => {
		const tiny = layoutAt(80, 6, {helpBarRows: 2});
		expect(tiny.helpBar).toBeLessThanOrEqual(1);
		expect(totalRows(tiny)).toBeLessThanOrEqual(drawableRows(6));
	});
});
