// The changes pane: CloudTrail events, newest first unless `s` flips them, who did what from where. Every string in
// an event is attacker-influenced (user agents, request parameters), so cells go through
// `seg`, which sanitizes, and are cut to their column.
import type {ChangeEvent, ChangesView, SourceState, TimeWindow} from '../../domain/snapshot.js';
import {changeOrders, changesInView} from './changes-view.js';
import {formatClock} from './format-cells.js';
import {joinParts, type Line, line, type Part, seg} from './line.js';
import {type Loading, loadingSpan, loadingText} from './loading.js';
import {agoText, lagText} from './pane-ages.js';
import {headerClock} from './pane-clock.js';
import {dayNow, type PaneContext, withinPane} from './pane-context.js';
import {chosenOrder, defaultSortPart, defaultView, type PaneView, viewLine} from './pane-view.js';
import {drawVisible} from './scroll.js';
import {sourceBanner} from './source-status.js';
import {type Column, layoutTable, tableHeader, tableRow} from './table.js';

export type ChangesInput = {
	readonly changes?: ChangesView;
	readonly state: SourceState;
	/** The window on screen: CloudTrail not read back to its start yet says "loading". */
	readonly window?: TimeWindow;
};

export function actorText(event: ChangeEvent): string {
	const {name, session} = event.actor;
	return session === undefined || session.length === 0 ? name : `${name}/${session}`;
}

// The cells that follow from the event alone are made once, not with each frame: V8 keeps optimized
// code only for functions that stay alive, and a cell made per frame loses its code at each full
// collection and is compiled again.
const whoCell = (event: ChangeEvent) => line(actorText(event));
const whatCell = (event: ChangeEvent): Line => [
	seg(event.name, event.readOnly ? 'dim' : 'bold'),
	...(event.summary.length > 0 ? [seg(' '), seg(event.summary)] : []),
];
const errorCell = (event: ChangeEvent) => line(event.errorCode ?? '', 'red');
const fromCell = (event: ChangeEvent) => line(event.sourceIp ?? '', 'dim');

// The cells that read the clock are made once too, each bound to the context of the frame it draws.
function timeAt(context: PaneContext, event: ChangeEvent): Line {
	const now = dayNow(context);
	return line(formatClock(event.time, {timeZone: context.timeZone, seconds: true, now}));
}

function agoAt(context: PaneContext, event: ChangeEvent): Line {
	return line(agoText(event.time, context), 'dim');
}

export function changeColumns(context: PaneContext): Array<Column<ChangeEvent>> {
	return [
		{id: 'time', header: 'time', priority: 0, cell: timeAt.bind(undefined, context)},
		{
			id: 'age',
			header: 'age',
			priority: 4,
			align: 'right',
			cell: agoAt.bind(undefined, context),
		},
		{
			id: 'who',
			header: 'who',
			priority: 3,
			minWidth: 8,
			maxWidth: 28,
			cell: whoCell,
		},
		{
			id: 'what',
			header: 'what',
			priority: 1,
			flex: true,
			minWidth: 12,
			cell: whatCell,
		},
		{
			id: 'error',
			header: 'error',
			priority: 2,
			optional: true,
			maxWidth: 24,
			cell: errorCell,
		},
		{
			id: 'from',
			header: 'from',
			priority: 5,
			optional: true,
			maxWidth: 40,
			cell: fromCell,
		},
	];
}

function freshnessLine(
	changes: ChangesView,
	stale: boolean,
	context: PaneContext,
	extra: readonly Part[],
	loading: Loading | undefined,
): Line {
	const stalePrefix = stale ? [seg('STALE ', 'yellow')] : [];
	const count = changes.events.length;
	const parts: Part[] = [
		...(loading === undefined
			? []
			: [{line: line(loadingText(loading, context), 'yellow'), priority: 0}]),
		{line: [...stalePrefix, seg(`${count} change${count === 1 ? '' : 's'}`, 'dim')], priority: 0},
	];
	if (changes.dataThrough !== undefined) {
		const clock = headerClock(changes.dataThrough, context);
		parts.push({
			line: line(`events through ${clock} (${lagText(changes.dataThrough, context)} ago)`, 'dim'),
			priority: 1,
		});
	}
	// Why a change made a minute ago may not be listed yet.
	parts.push({line: line('CloudTrail lists events about 5 min late', 'dim'), priority: 3});

	parts.push(...extra);
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

export function changesLines(
	input: ChangesInput,
	context: PaneContext,
	view: PaneView = defaultView,
): Line[] {
	return withinPane(changesBody(input, context, view), context);
}

function changesBody(input: ChangesInput, context: PaneContext, view: PaneView): Line[] {
	const {changes} = input;
	const banner = sourceBanner(input.state, changes !== undefined, context);
	if (!banner.showData || changes === undefined) {
		return [...banner.lines];
	}

	const sortLabel = chosenOrder(changeOrders, view.sortStep).label;
	const lines: Line[] = [
		...banner.lines,
		freshnessLine(
			changes,
			banner.stale,
			context,
			defaultSortPart(view, sortLabel, changes.events.length),
			input.window === undefined ? undefined : loadingSpan(changes.coveredFrom, input.window.start),
		),
	];
	if (changes.events.length === 0) {
		lines.push(line('No changes to this load balancer or its path in the window', 'dim'));
		return lines;
	}

	const events = changesInView({changes}, view);
	const header = viewLine(
		view,
		{shown: events.length, total: changes.events.length},
		sortLabel,
		context,
	);
	if (header !== undefined) {
		lines.push(header);
	}

	if (events.length === 0) {
		lines.push(line('No changes match the filter', 'dim'));
		return lines;
	}

	const ellipsis = context.glyphs.ellipsis;
	const layout = layoutTable(changeColumns(context), events, context.width);
	lines.push(tableHeader(layout, ellipsis));
	lines.push(
		...drawVisible(events, (event) => tableRow(layout, event, ellipsis), {
			visible: context.height - lines.length,
			selected: context.selected,
			focused: context.focused,
			width: context.width,
			ellipsis,
		}),
	);
	return lines;
}
