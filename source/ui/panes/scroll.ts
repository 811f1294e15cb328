// Panes hold no scroll state: the visible slice is a function of the selection alone, kept
// centred so the rows around the selection stay in view in both directions.
import {highlight, type Line} from './line.js';

/**
 * Where a pane's cursor is. Once the user moves or opens a row, the cursor is on that item (its
 * stable id), wherever refreshes move it; `index` is where it stands while no item is chosen, or
 * once the chosen one has left the pane's rows.
 */
export type Selection = {
	readonly id?: string;
	readonly index: number;
};

export const firstRow: Selection = {index: 0};

/** The row the selection is on among `ids` (the pane's rows in the order it draws them). */
export function selectionIndex(selection: Selection, ids: readonly string[]): number {
	if (selection.id !== undefined) {
		const found = ids.indexOf(selection.id);
		if (found !== -1) {
			return found;
		}
	}

	return clampSelection(selection.index, ids.length);
}

export function clampSelection(selected: number, total: number): number {
	if (total <= 0 || !Number.isFinite(selected)) {
		return 0;
	}

	return Math.min(Math.max(0, Math.floor(selected)), total - 1);
}

/** Index of the first visible row. */
export function scrollStart(total: number, visible: number, selected: number): number {
	if (visible <= 0 || total <= visible) {
		return 0;
	}

	const centred = clampSelection(selected, total) - Math.floor((visible - 1) / 2);
	return Math.min(Math.max(0, centred), total - visible);
}

export type VisibleRowsOptions = {
	readonly visible: number;
	readonly selected: number;
	readonly focused: boolean;
	readonly width: number;
	readonly ellipsis: string;
};

/** The slice of `rows` to draw, with the selected row in inverse video while the pane is focused. */
export function visibleRows(rows: readonly Line[], options: VisibleRowsOptions): Line[] {
	return drawVisible(rows, (row) => row, options);
}

/** Like `visibleRows`, drawing only the rows in view (a table may hold thousands). */
export function drawVisible<Row>(
	rows: readonly Row[],
	draw: (row: Row) => Line,
	options: VisibleRowsOptions,
): Line[] {
	const visible = Math.max(0, options.visible);
	const start = scrollStart(rows.length, visible, options.selected);
	const selected = clampSelection(options.selected, rows.length);
	return rows.slice(start, start + visible).map((row, offset) => {
		const drawn = draw(row);
		return options.focused && start + offset === selected
			? highlight(drawn, options.width, options.ellipsis)
			: drawn;
	});
}
