// The drill-down of a pane's selected row, drawn in the pane's own rectangle.
import type {Snapshot} from '../../../domain/snapshot.js';
import {type Line, line} from '../line.js';
import {clockText} from '../pane-clock.js';
import {type PaneContext, withinPane} from '../pane-context.js';
import type {SelectedItem} from '../selected-item.js';
import {changeDetailLines} from './change-detail.js';
import {connectionDetailLines} from './connection-detail.js';
import {detailFrame} from './detail-lines.js';
import {findingDetailLines} from './finding-detail.js';
import {metricDetailLines} from './metric-detail.js';
import {sourceDetailLines} from './source-detail.js';

const goneWords: Readonly<Record<SelectedItem['kind'], string>> = {
	finding: 'this finding is no longer raised',
	series: 'this series is no longer reported',
	connection: 'this connection is no longer in the window',
	source: 'this source is no longer in the window',
	change: 'this change is no longer in the window',
};

/**
 * The detail of an item that has left the pane's rows: marked as such, with what it showed when
 * it was last seen, instead of another item taking its place.
 */
export function goneDetailLines(
	item: SelectedItem,
	lastSeen: number,
	snapshot: Snapshot,
	context: PaneContext,
): Line[] {
	const note = line(
		`${goneWords[item.kind]}${context.glyphs.separator}last seen ${clockText(lastSeen, context)}, as shown below`,
		'yellow',
	);
	const height = Math.max(0, context.height - 1);
	return withinPane([note, ...detailLines(item, snapshot, {...context, height})], context);
}

export function detailLines(item: SelectedItem, snapshot: Snapshot, context: PaneContext): Line[] {
	switch (item.kind) {
		case 'finding': {
			return withinPane(findingDetailLines(item.finding, snapshot, context), context);
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
				(inner) =>
					sourceDetailLines(item.source, item.action, connections, inner, snapshot.topology),
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
	}
}
