// A pane is drawn again when its props change, but a new snapshot that leaves what the pane reads
// as it was (another pane's data, the cost) does not draw it; an open detail reads everything.
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import type {PaneEntry, ShellPaneProperties} from '../../../source/ui/app-types.js';
import {PaneSlot} from '../../../source/ui/shell/pane-slot.js';
import {properties, snapshot} from '../panes/fixture.js';

function counted(reads?: PaneEntry['reads']) {
	const drawn = {count: 0};
	const entry: PaneEntry = {
		title: 'Probe',
		component: (pane: ShellPaneProperties) => {
			drawn.count++;
			return <Text>{pane.snapshot.flows?.connections.length ?? 0} rows</Text>;
		},
		...(reads === undefined ? {} : {reads}),
	};
	return {entry, drawn};
}

const otherMetrics = (from: Snapshot): Snapshot => ({
	...from,
	...(from.metrics === undefined ? {} : {metrics: {...from.metrics}}),
	cost: {...from.cost, queries: from.cost.queries + 1},
});
const otherFlows = (from: Snapshot): Snapshot => ({
	...from,
	...(from.flows === undefined ? {} : {flows: {...from.flows, connections: []}}),
});

describe('PaneSlot', () => {
	it.each<{
		readonly case: string;
		readonly reads?: PaneEntry['reads'];
		readonly detail?: boolean;
		readonly write: (from: Snapshot) => Snapshot;
		readonly drawnAgain: boolean;
	}>([
		{
			case: 'a write to another part',
			reads: (read) => [read.flows],
			write: otherMetrics,
			drawnAgain: false,
		},
		{
			case: 'a write to its part',
			reads: (read) => [read.flows],
			write: otherFlows,
			drawnAgain: true,
		},
		{case: 'any write, without reads', write: otherMetrics, drawnAgain: true},
		{
			case: 'any write, with its detail open',
			reads: (read) => [read.flows],
			detail: true,
			write: otherMetrics,
			drawnAgain: true,
		},
	])('$case draws the pane again: $drawnAgain', ({reads, detail, write, drawnAgain}) => {
		const {entry, drawn} = counted(reads);
		const shown = (from: Snapshot) => (
			<PaneSlot
				entry={entry}
				paneProperties={properties({snapshot: from, ...(detail ? {detail} : {})})}
			/>
		);
		const app = render(shown(snapshot));
		const first = drawn.count;
		const next = write(snapshot);
		app.rerender(shown(next));
		expect(drawn.count > first).toBe(drawnAgain);
		expect(app.lastFrame()).toContain(
			`${(drawnAgain ? next : snapshot).flows?.connections.length} rows`,
		);
		app.unmount();
	});

	it('works out what a snapshot holds for the pane once, however many writes compare it', () => {
		const readFrom: Snapshot[] = [];
		const {entry} = counted((read) => {
			readFrom.push(read);
			return [read.flows];
		});
		const shown = (from: Snapshot) => (
			<PaneSlot entry={entry} paneProperties={properties({snapshot: from})} />
		);
		const writes = [snapshot];
		for (let write = 0; write < 4; write++) {
			writes.push(otherMetrics(writes.at(-1) ?? snapshot));
		}

		const app = render(shown(snapshot));
		for (const next of writes.slice(1)) {
			app.rerender(shown(next));
		}

		// Each write compares its snapshot with the one before: every snapshot is read, each once.
		expect(readFrom).toHaveLength(writes.length);
		expect(new Set(readFrom).size).toBe(writes.length);
		app.unmount();
	});
});
