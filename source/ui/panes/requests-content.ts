// What the Requests pane draws: its rows; with Enter, a row's detail listing its request lines
// (the shell's inner cursor on one); with Enter again, that request with every field, scrolled.
import type {Snapshot} from '../../domain/snapshot.js';
import {scrolledDetail} from './detail/pane-detail.js';
import {requestDetailLines} from './detail/request-detail.js';
import {requestsDetail} from './detail/requests-detail.js';
import {type Line, line, wrapLines} from './line.js';
import type {PaneContext} from './pane-context.js';
import {withinPane} from './pane-context.js';
import type {PaneView} from './pane-view.js';
import {requestsLines} from './requests-rows.js';
import {requestsInView, requestsOfRow, requestsRowById} from './requests-view.js';
import {type Selection, selectionIndex} from './scroll.js';

export type RequestsDraw = {
	readonly snapshot: Snapshot;
	readonly context: PaneContext;
	readonly view: PaneView;
	/** The row the user chose, and the row the cursor falls back to (`context.selected`). */
	readonly selectedId?: string | undefined;
	readonly detail: boolean;
	readonly inner?: Selection | undefined;
	readonly innerOpen: boolean;
	readonly detailScroll: number;
};

export type RequestsDrawn = {
	readonly lines: Line[];
	/** How far the open request can scroll; 0 otherwise. */
	readonly scrollLimit: number;
};

function listed(draw: RequestsDraw): RequestsDrawn {
	const rows = requestsInView(draw.snapshot, draw.view);
	const selected = selectionIndex(
		draw.selectedId === undefined
			? {index: draw.context.selected}
			: {id: draw.selectedId, index: draw.context.selected},
		rows.map((row) => row.id),
	);
	return {
		lines: requestsLines(draw.snapshot, {...draw.context, selected}, draw.view),
		scrollLimit: 0,
	};
}

function gone(text: string, draw: RequestsDraw): RequestsDrawn {
	return {
		lines: withinPane([line(text, 'yellow'), line('Esc goes back', 'dim')], draw.context),
		scrollLimit: 0,
	};
}

export function requestsContent(draw: RequestsDraw): RequestsDrawn {
	if (!draw.detail || draw.selectedId === undefined) {
		return listed(draw);
	}

	const row = requestsRowById(draw.snapshot, draw.selectedId);
	if (row === undefined) {
		return gone(`${draw.selectedId} is no longer in the access logs read`, draw);
	}

	const {context} = draw;
	const inner = draw.inner ?? {index: 0};
	const {failing, slowest} = requestsOfRow(draw.snapshot, row);
	const records = [...failing, ...slowest];
	const cursor = selectionIndex(
		inner,
		records.map((record) => record.id),
	);
	if (!draw.innerOpen) {
		const drawn = requestsDetail(draw.snapshot, row, cursor, context);
		return {lines: withinPane(drawn.lines, context), scrollLimit: 0};
	}

	const record = records[cursor];
	if (record === undefined) {
		return gone('this request is no longer among the lines kept', draw);
	}

	const body = wrapLines(requestDetailLines(record, context), context.width);
	const scrolled = scrolledDetail({pinned: [], body}, context, draw.detailScroll);
	return {lines: scrolled.lines, scrollLimit: scrolled.limit};
}
