// The drill-down of a pane's selected row, drawn in the pane's own rectangle: every line of it,
// wrapped to the width (never cut), scrolled by the shell when it is longer than the pane.
import type {Snapshot} from '../../../domain/snapshot.js';
import {fitLine, type Line, line, wrapLines} from '../line.js';
import {clockText} from '../pane-clock.js';
import {type PaneContext, withinPane} from '../pane-context.js';
import type {SelectedItem} from '../selected-item.js';
import {changeDetailLines} from './change-detail.js';
import {connectionDetailLines} from './connection-detail.js';
import {detailFrame} from './detail-lines.js';
import {findingDetailLines} from './finding-detail.js';
import {metricDetailLines} from './metric-detail.js';
import {requestsDetail} from './requests-detail.js';
import {sourceDetailLines} from './source-detail.js';
import {tlsDetailLines} from './tls-detail.js';

const goneWords: Readonly<Record<SelectedItem['kind'], string>> = {
	finding: 'this finding is no longer raised',
	series: 'this series is no longer reported',
	connection: 'this connection is no longer in the window',
	source: 'this source is no longer in the window',
	change: 'this change is no longer in the window',
	'requests-row': 'this target is no longer in the access logs read',
	'tls-listener': 'this listener is no longer in the access logs read',
};

/**
 * Builders fit what they list to the height they are given; a detail scrolls, so it is built as
 * tall as any item needs (bounded, as a rejected source can have thousands of connections).
 */
const wholeDetail = 1000;

/** The detail's lines, wrapped: `pinned` stay on top while `body` scrolls under them. */
export type FullDetail = {
	readonly pinned: readonly Line[];
	readonly body: readonly Line[];
};

/**
 * The item's whole detail. An item that has left the pane's rows (`lastSeen` is when it was last
 * there) is shown as last seen under a note saying so, instead of another item taking its place.
 */
export function fullDetail(
	item: SelectedItem,
	snapshot: Snapshot,
	context: PaneContext,
	lastSeen?: number,
): FullDetail {
	const body = wrapLines(
		detailLines(item, snapshot, {...context, height: wholeDetail}),
		context.width,
	);
	if (lastSeen === undefined) {
		return {pinned: [], body};
	}

	const note = line(
		`${goneWords[item.kind]}${context.glyphs.separator}last seen ${clockText(lastSeen, context)}, as shown below`,
		'yellow',
	);
	return {pinned: wrapLines([note], context.width), body};
}

export type ScrolledDetail = {
	readonly lines: Line[];
	/** The largest useful scroll offset: lines beyond one screenful. */
	readonly limit: number;
};

/** One screenful from `scroll` lines down; the last row says where the view is when it scrolls. */
export function scrolledDetail(
	detail: FullDetail,
	context: PaneContext,
	scroll: number,
): ScrolledDetail {
	const room = Math.max(0, context.height - detail.pinned.length);
	const {body} = detail;
	if (body.length <= room) {
		return {lines: withinPane([...detail.pinned, ...body], context), limit: 0};
	}

	const visible = Math.max(1, room - 1);
	const limit = body.length - visible;
	const top = Math.max(0, Math.min(Math.floor(scroll), limit));
	const where = line(
		`lines ${top + 1}-${top + visible} of ${body.length}${context.glyphs.separator}j/k PgUp/PgDn g/G scroll`,
		'dim',
	);
	return {
		lines: withinPane(
			[...detail.pinned, ...body.slice(top, top + visible), fitLine(where, context.width, '')],
			context,
		),
		limit,
	};
}

export function detailLines(item: SelectedItem, snapshot: Snapshot, context: PaneContext): Line[] {
	switch (item.kind) {
		case 'finding': {
			return findingDetailLines(item.finding, snapshot, context);
		}

		case 'series': {
			const metrics = snapshot.metrics;
			if (metrics === undefined) {
				return [];
			}

			const input = {
				series: item.series,
				metrics,
				window: snapshot.window,
				topology: snapshot.topology,
			};
			return detailFrame(
				snapshot.sources.metrics,
				(inner) => metricDetailLines(input, inner),
				context,
			);
		}

		case 'connection': {
			return detailFrame(
				snapshot.sources.flows,
				(inner) => connectionDetailLines(item.connection, snapshot.topology, inner),
				context,
			);
		}

		case 'source': {
			const connections = snapshot.flows?.connections ?? [];
			return detailFrame(
				snapshot.sources.flows,
				(inner) => sourceDetailLines(item.source, item.action, connections, inner),
				context,
			);
		}

		case 'change': {
			return detailFrame(
				snapshot.sources.changes,
				(inner) => changeDetailLines(item.change, inner),
				context,
			);
		}

		case 'requests-row': {
			// The Requests pane draws its own detail (with a cursor); this is the same, without one.
			return requestsDetail(snapshot, item.row, 0, {...context, focused: false}).lines;
		}

		case 'tls-listener': {
			return tlsDetailLines(item.listener, context);
		}
	}
}
