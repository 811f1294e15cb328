import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {line, lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {
	type Column,
	type ColumnMeasures,
	layoutTable,
	naturalWidth,
	tableHeader,
	tableRow,
} from '../../../source/ui/panes/table.js';
import {bestLayout} from '../../../source/ui/panes/table-variants.js';

type Row = {readonly name: string; readonly count: number; readonly note: string};

const rows: readonly Row[] = [
	{name: 'alpha', count: 1, note: ''},
	{name: 'bravo', count: 200, note: 'x'},
	{name: 'charlie', count: 30, note: ''},
	{name: 'a-much-longer-outlier', count: 4, note: ''},
];

const name: Column<Row> = {id: 'name', header: 'name', priority: 0, cell: (row) => line(row.name)};
const count: Column<Row> = {
	id: 'count',
	header: 'count',
	priority: 1,
	align: 'right',
	cell: (row) => line(String(row.count)),
};
const note: Column<Row> = {
	id: 'note',
	header: 'note',
	priority: 2,
	optional: true,
	cell: (row) => line(row.note),
};
const bar: Column<Row> = {
	id: 'bar',
	header: 'bar',
	priority: 3,
	flex: true,
	minWidth: 3,
	cell: (row, width) => line('#'.repeat(Math.min(width, row.count))),
};

const placed = (width: number, columns: ReadonlyArray<Column<Row>>) =>
	layoutTable(columns, rows, width).columns.map((entry) => `${entry.column.id}:${entry.width}`);

describe('layoutTable', () => {
	it.each([
		[80, ['name:21', 'count:5', 'note:4', 'bar:47']],
		[36, ['name:21', 'count:5', 'note:4', 'bar:3']],
		[32, ['name:21', 'count:5', 'note:4']],
		[31, ['name:21', 'count:5', 'bar:3']],
		[27, ['name:21', 'count:5']],
		[22, ['name:21']],
		[10, ['name:10']],
	])('at %i cells keeps the most important columns that fit whole: %j', (width, expected) => {
		expect(placed(width, [name, count, note, bar])).toEqual(expected);
	});

	it('drops an optional column nobody fills', () => {
		const empty = {...note, cell: () => line('')};
		expect(placed(80, [name, count, empty])).toEqual(['name:21', 'count:5']);
	});

	it('cuts a column to its typical width to keep a more important one, when allowed', () => {
		const cut = {...name, priority: 1, cutOutliers: true};
		const first = {...count, priority: 0};
		expect(placed(14, [cut, first])).toEqual(['name:8', 'count:5']);
		expect(placed(30, [cut, first])).toEqual(['name:21', 'count:5']);
	});

	it('shrinks a column down to its minimum width for more important ones only', () => {
		const shrinkable = {...name, priority: 1, minWidth: 6};
		const first = {...count, priority: 0};
		const last = {...note, priority: 2};
		expect(placed(16, [shrinkable, first, last])).toEqual(['name:10', 'count:5']);
		expect(placed(12, [shrinkable, first, last])).toEqual(['name:6', 'count:5']);
	});

	it('never cuts a column to make room for a less important one', () => {
		const shrinkable = {...name, minWidth: 6};
		expect(placed(16, [shrinkable, count, note])).toEqual(['name:16']);
	});

	it('measures the natural width', () => {
		expect(naturalWidth([name, count, note], rows)).toBe(21 + 1 + 5 + 1 + 4);
	});
});

describe('rows and header', () => {
	it.each([12, 27, 40, 80])('are exactly the layout width at %i cells', (width) => {
		const layout = layoutTable([name, count, note, bar], rows, width);
		expect(lineWidth(tableHeader(layout, '…'))).toBe(layout.width);
		for (const row of rows) {
			expect(lineWidth(tableRow(layout, row, '…'))).toBe(layout.width);
		}

		expect(layout.width).toBeLessThanOrEqual(width);
	});

	it('aligns numbers right and draws flex cells for their width', () => {
		const layout = layoutTable([name, count, bar], rows.slice(0, 2), 20);
		expect(lineText(tableHeader(layout, '…'))).toBe('name  count bar     ');
		const bravo = rows[1];
		expect(bravo).toBeDefined();
		if (bravo !== undefined) {
			expect(lineText(tableRow(layout, bravo, '…'))).toBe('bravo   200 ########');
		}
	});
});

describe('bestLayout', () => {
	const long: Column<Row> = {...count, id: 'long', cell: (row) => line(`${row.count} items`)};
	const variants = [
		{columns: [name, long, note], formPriority: 2.5},
		{columns: [name, count, note]},
	];

	it('prefers the readable form while it keeps the same columns', () => {
		const ids = bestLayout(variants, rows, 80).columns.map((entry) => entry.column.id);
		expect(ids).toEqual(['name', 'long', 'note']);
	});

	it('takes the compact form when only it keeps a more important column', () => {
		const ids = bestLayout(variants, rows, 32).columns.map((entry) => entry.column.id);
		expect(ids).toEqual(['name', 'count', 'note']);
	});

	/** The column, counting the cells it is asked to draw. */
	function counted(column: Column<Row>): {column: Column<Row>; cells: () => number} {
		let cells = 0;
		return {
			column: {
				...column,
				cell: (row, width) => {
					cells += 1;
					return column.cell(row, width);
				},
			},
			cells: () => cells,
		};
	}

	it('reads each row once for a column the variants share', () => {
		const shared = counted(name);
		bestLayout(
			[
				{columns: [shared.column, long, note], formPriority: 2.5},
				{columns: [shared.column, count, note]},
			],
			rows,
			32,
		);
		expect(shared.cells()).toBe(rows.length);
	});

	it('does not measure a variant that could not keep more important columns', () => {
		const compact = counted(count);
		const ids = bestLayout(
			[{columns: [name, long, note], formPriority: 2.5}, {columns: [name, compact.column, note]}],
			rows,
			80,
		).columns.map((entry) => entry.column.id);
		expect(ids).toEqual(['name', 'long', 'note']);
		expect(compact.cells()).toBe(0);
	});
});

// The measure as it was first written: every cell's width, sorted, read at three rows in four.
function measuredBySorting<R>(column: Column<R>, measuredRows: readonly R[]) {
	const header = lineWidth(line(column.header));
	if (column.flex === true) {
		const least = column.minWidth ?? 1;
		return {column, natural: least, least};
	}

	const widths = measuredRows.map((row) => lineWidth(column.cell(row, Number.POSITIVE_INFINITY)));
	const widest = Math.max(0, ...widths);
	if (column.optional === true && widest === 0) {
		return undefined;
	}

	const natural = Math.min(Math.max(header, widest), column.maxWidth ?? Number.POSITIVE_INFINITY);
	const sorted = [...widths].sort((a, b) => a - b);
	const typical = sorted[Math.ceil(sorted.length * 0.75) - 1] ?? 0;
	const least =
		column.minWidth ??
		(column.cutOutliers === true && measuredRows.length > 0 ? Math.max(header, typical) : natural);
	return {column, natural, least: Math.min(natural, least)};
}

describe('column measures', () => {
	it('are what the sorted widths of every cell give, for any rows and column', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({unit: fc.constantFrom('a', 'Ω', '界', '😀', ' '), maxLength: 30})),
				fc.record({
					header: fc.string({maxLength: 12}),
					optional: fc.boolean(),
					cutOutliers: fc.boolean(),
					flex: fc.boolean(),
					minWidth: fc.option(fc.nat({max: 20}), {nil: undefined}),
					maxWidth: fc.option(fc.nat({max: 40}), {nil: undefined}),
				}),
				fc.integer({min: 1, max: 200}),
				(texts, options, width) => {
					const {minWidth, maxWidth, ...flags} = options;
					const column: Column<string> = {
						id: 'text',
						priority: 0,
						...flags,
						...(minWidth === undefined ? {} : {minWidth}),
						...(maxWidth === undefined ? {} : {maxWidth}),
						cell: (text) => line(text),
					};
					const measures: ColumnMeasures<string> = new Map();
					const laid = layoutTable([column], texts, width, measures);
					expect(measures.get(column)).toEqual(measuredBySorting(column, texts));
					const expected = new Map([[column, measuredBySorting(column, texts)]]);
					expect(layoutTable([column], texts, width, expected)).toEqual(laid);
				},
			),
			{numRuns: 300},
		);
	});
});
