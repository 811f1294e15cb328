import {describe, expect, it} from 'vitest';
import {line, lineText} from '../../../source/ui/panes/line.js';
import {clampSelection, scrollStart, visibleRows} from '../../../source/ui/panes/scroll.js';

describe('clampSelection', () => {
	it.each([
		[0, 5, 0],
		[4, 5, 4],
		[9, 5, 4],
		[-2, 5, 0],
		[3, 0, 0],
		[Number.NaN, 5, 0],
		[2.7, 5, 2],
	])('%d of %i rows selects %i', (selected, total, expected) => {
		expect(clampSelection(selected, total)).toBe(expected);
	});
});

describe('scrollStart', () => {
	it.each([
		[10, 20, 15, 0],
		[50, 10, 0, 0],
		[50, 10, 4, 0],
		[50, 10, 5, 1],
		[50, 10, 30, 26],
		[50, 10, 49, 40],
		[50, 10, 99, 40],
		[50, 0, 10, 0],
	])('%i rows, %i visible, selection %i: starts at %i', (total, visible, selected, expected) => {
		expect(scrollStart(total, visible, selected)).toBe(expected);
	});

	it('keeps every selection in view', () => {
		for (let selected = 0; selected < 50; selected += 1) {
			const start = scrollStart(50, 7, selected);
			expect(selected).toBeGreaterThanOrEqual(start);
			expect(selected).toBeLessThan(start + 7);
		}
	});
});

describe('visibleRows', () => {
	const rows = Array.from({length: 30}, (_, index) => line(`row ${index}`));

	it('shows the selected row in inverse while focused', () => {
		const shown = visibleRows(rows, {
			visible: 5,
			selected: 20,
			focused: true,
			width: 10,
			ellipsis: '…',
		});
		expect(shown.map(lineText)).toEqual(['row 18', 'row 19', 'row 20    ', 'row 21', 'row 22']);
		expect(shown[2]?.every((segment) => segment.inverse === true)).toBe(true);
		expect(shown.filter((row) => row.some((segment) => segment.inverse === true))).toHaveLength(1);
	});

	it('marks nothing while not focused', () => {
		const shown = visibleRows(rows, {
			visible: 5,
			selected: 20,
			focused: false,
			width: 10,
			ellipsis: '…',
		});
		expect(shown.some((row) => row.some((segment) => segment.inverse === true))).toBe(false);
	});
});
