// How a pane draws its chosen item: the row showing it is the one in inverse wherever the
// refresh put it, and the open detail is that item's, or says it has left the window.
import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {connectionsLines} from '../../../source/ui/panes/connections-rows.js';
import {type Line, lineText} from '../../../source/ui/panes/line.js';
import {defaultView} from '../../../source/ui/panes/pane-view.js';
import {type ListLines, paneLines} from '../../../source/ui/panes/use-pane-lines.js';
import {connections, context, snapshot} from './fixture.js';

const list: ListLines = (current, paneContext, view) =>
	connectionsLines(
		{
			...(current.flows === undefined ? {} : {flows: current.flows}),
			state: current.sources.flows,
		},
		paneContext,
		view,
	);

function highlighted(lines: readonly Line[]): string[] {
	return lines
		.filter((row) => row.some((segment) => segment.inverse === true))
		.map((row) => lineText(row));
}

function withConnections(order: readonly number[], generatedAt = snapshot.generatedAt): Snapshot {
	const flows = snapshot.flows;
	if (flows === undefined) {
		throw new Error('the pane fixture has flows');
	}
	const list = order.flatMap((index) => connections[index] ?? []);
	return {...snapshot, generatedAt, flows: {...flows, connections: list}};
}

const chosen = connections[1];

describe('paneLines', () => {
	it('highlights the chosen connection wherever the rows put it', () => {
		for (const order of [
			[0, 1, 2, 3],
			[3, 2, 1, 0],
			[2, 0, 3, 1],
		]) {
			const drawn = paneLines(
				{
					pane: 'connections',
					snapshot: withConnections(order),
					context: context({focused: true, selected: 0, width: 100, height: 12}),
					view: defaultView,
					detail: false,
					selectedId: chosen?.id,
				},
				list,
			);
			expect(highlighted(drawn.lines)).toEqual([expect.stringContaining('203.0.113.9:40022')]);
		}
	});

	it('falls back to the row number while the chosen connection is not listed', () => {
		const drawn = paneLines(
			{
				pane: 'connections',
				snapshot: withConnections([0, 2, 3]),
				context: context({focused: true, selected: 1, width: 100, height: 12}),
				view: defaultView,
				detail: false,
				selectedId: chosen?.id,
			},
			list,
		);
		expect(highlighted(drawn.lines)).toEqual([expect.stringContaining('198.51.100.23:62001')]);
	});

	it('keeps the detail on what it last showed once its item has left, marked as such', () => {
		const draw = {
			pane: 'connections' as const,
			context: context({focused: true, selected: 1, width: 100, height: 20}),
			view: defaultView,
			detail: true,
			selectedId: chosen?.id,
		};
		const live = paneLines({...draw, snapshot: withConnections([0, 1, 2, 3])}, list);
		expect(live.seen?.id).toBe(chosen?.id);
		const gone = paneLines(
			{
				...draw,
				snapshot: withConnections([0, 2, 3], snapshot.generatedAt + 60_000),
				lastSeen: live.seen,
			},
			list,
		);
		const text = gone.lines.map(lineText).join('\n');
		expect(text).toMatch(/^this connection is no longer in the window · last seen 13:45:00Z/);
		expect(text).toContain('203.0.113.9:40022 -> :443');
		expect(text).not.toContain('198.51.100.23');
	});
});
