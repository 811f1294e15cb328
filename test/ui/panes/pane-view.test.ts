import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lineText} from '../../../source/ui/panes/line.js';
import {
	chosenOrder,
	defaultSortPart,
	paneView,
	type SortOrder,
	sortRows,
	viewLine,
} from '../../../source/ui/panes/pane-view.js';
import {context} from './fixture.js';

const orders: ReadonlyArray<SortOrder<number>> = [
	{label: 'as given'},
	{label: 'descending', compare: (a, b) => b - a},
	{label: 'even first', compare: (a, b) => (a % 2) - (b % 2)},
];

describe('chosenOrder', () => {
	it.each([
		[0, 'as given'],
		[1, 'descending'],
		[2, 'even first'],
		[3, 'as given'],
		[7, 'descending'],
	])('sort step %i is %j', (step, label) => {
		expect(chosenOrder(orders, step).label).toBe(label);
	});
});

describe('sortRows', () => {
	it.each([
		[0, [3, 1, 4, 2, 5]],
		[1, [5, 4, 3, 2, 1]],
		[2, [4, 2, 3, 1, 5]],
	])('step %i orders [3, 1, 4, 2, 5] as %j, ties kept in arrival order', (step, expected) => {
		expect(sortRows([3, 1, 4, 2, 5], chosenOrder(orders, step))).toEqual(expected);
	});

	it('keeps tied rows in arrival order, for any rows and order', () => {
		type Item = {readonly key: number; readonly arrival: number};
		const byKey = (left: Item, right: Item) => left.key - right.key;
		fc.assert(
			fc.property(fc.array(fc.integer({min: 0, max: 4})), (keys) => {
				const items = keys.map((key, arrival) => ({key, arrival}));
				const expected = items
					.map((item, index) => ({item, index}))
					.sort((a, b) => byKey(a.item, b.item) || a.index - b.index)
					.map(({item}) => item);
				expect(sortRows(items, {label: 'key', compare: byKey})).toEqual(expected);
			}),
		);
	});
});

describe('paneView', () => {
	it.each([
		[{}, undefined, 0],
		[{filter: '   '}, undefined, 0],
		[{filter: ' reject ', sortStep: 2}, 'reject', 2],
		[{sortStep: -3}, undefined, 0],
		[{sortStep: Number.NaN}, undefined, 0],
	])('%j has filter %j and sort step %i', (properties, filter, sortStep) => {
		const view = paneView(properties);
		expect(view.filter?.text).toBe(filter);
		expect(view.sortStep).toBe(sortStep);
	});
});

describe('viewLine', () => {
	const tally = {shown: 2, total: 4};

	it.each([
		[{}, 200, undefined],
		[{sortStep: 1}, 200, 'sort: bytes'],
		[{filter: '10.0.1'}, 200, 'filter: 10.0.1 · 2 of 4 rows · sort: bytes'],
		[{filter: '10.0.1', sortStep: 1}, 200, 'filter: 10.0.1 · 2 of 4 rows · sort: bytes'],
		[{filter: '10.0.1'}, 30, 'filter: 10.0.1 · 2 of 4 rows'],
		[{filter: '10.0.1'}, 12, 'filter: 10.0.1'],
		[
			{filter: '10.0.0.0/33 port:443'},
			200,
			'filter: invalid CIDR 10.0.0.0/33 · 2 of 4 rows · sort: bytes',
		],
	])('%j at %i cells reads %j', (properties, width, expected) => {
		const drawn = viewLine(paneView(properties), tally, 'bytes', context({width}));
		expect(drawn === undefined ? undefined : lineText(drawn)).toBe(expected);
	});

	it('names the default order only while no view line does, and only for two rows or more', () => {
		expect(defaultSortPart(paneView({}), 'newest', 3).map((part) => lineText(part.line))).toEqual([
			'sort: newest',
		]);
		expect(defaultSortPart(paneView({}), 'newest', 1)).toEqual([]);
		expect(defaultSortPart(paneView({sortStep: 2}), 'newest', 3)).toEqual([]);
	});
});
