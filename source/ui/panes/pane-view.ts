// How the user is looking at a pane: the `/` filter and the `s` sort step. Each pane lists its
// own orders; the line above its table says which filter and order are on and how many rows
// the filter kept, so missing rows are never a mystery.
import type {ShellPaneProperties} from '../app-types.js';
import {type ParsedFilter, parseFilter} from './filter/filter-terms.js';
import {joinParts, type Line, line, type Part, seg} from './line.js';
import type {PaneContext} from './pane-context.js';

export type PaneView = {
	/** Omitted when no filter is applied. */
	readonly filter?: ParsedFilter;
	readonly sortStep: number;
};

export const defaultView: PaneView = {sortStep: 0};

export function paneView(properties: Pick<ShellPaneProperties, 'filter' | 'sortStep'>): PaneView {
	const text = properties.filter?.trim() ?? '';
	const step = properties.sortStep ?? 0;
	const sortStep = Number.isFinite(step) ? Math.max(0, Math.floor(step)) : 0;
	return text === '' ? {sortStep} : {filter: parseFilter(text), sortStep};
}

/** A filter text as the shell passes it (omitted or empty when none). */
export function viewOfFilter(filter: string | undefined, sortStep = 0): PaneView {
	return paneView({...(filter === undefined ? {} : {filter}), sortStep});
}

export type SortOrder<Row> = {
	readonly label: string;
	/** Undefined keeps the rows as they come (the engine's order). */
	readonly compare?: (left: Row, right: Row) => number;
};

export function chosenOrder<Row>(
	orders: ReadonlyArray<SortOrder<Row>>,
	step: number,
): SortOrder<Row> {
	const order = orders[step % Math.max(1, orders.length)] ?? orders[0];
	return order ?? {label: 'as received'};
}

/** Stable: rows the order cannot tell apart keep the order they came in. */
export function sortRows<Row>(rows: readonly Row[], order: SortOrder<Row>): Row[] {
	const compare = order.compare;
	if (compare === undefined) {
		return [...rows];
	}

	// Array.prototype.sort is stable (ES2019): ties keep their order with no index to break them,
	// and no closure is made per call (one made per call loses its optimized code when it dies).
	return [...rows].sort(compare);
}

export type RowTally = {
	readonly shown: number;
	readonly total: number;
};

function filterPart(filter: ParsedFilter): Line {
	if (filter.errors.length > 0) {
		return [seg('filter: ', 'bold'), seg(filter.errors.join(', '), 'yellow')];
	}

	return [seg('filter: ', 'bold'), seg(filter.text)];
}

/** Whether the pane needs its view line: a filter is on or `s` was pressed. */
export function hasViewLine(view: PaneView): boolean {
	return view.filter !== undefined || view.sortStep > 0;
}

/** "filter: 10.0.1 · 2 of 4 rows · sort: bytes"; undefined while the pane shows its defaults. */
export function viewLine(
	view: PaneView,
	tally: RowTally,
	sortLabel: string | undefined,
	context: PaneContext,
): Line | undefined {
	if (!hasViewLine(view)) {
		return undefined;
	}

	const parts: Part[] = [];
	if (view.filter !== undefined) {
		parts.push(
			{line: filterPart(view.filter), priority: 0},
			{line: line(`${tally.shown} of ${tally.total} rows`), priority: 1},
		);
	}

	if (sortLabel !== undefined) {
		parts.push({line: line(`sort: ${sortLabel}`, 'dim'), priority: 2});
	}

	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

/**
 * The default order, named at the end of the pane's freshness line while there is room (and
 * while there are rows to order).
 */
export function defaultSortPart(view: PaneView, sortLabel: string, rows: number): Part[] {
	return hasViewLine(view) || rows < 2
		? []
		: [{line: line(`sort: ${sortLabel}`, 'dim'), priority: 9}];
}
