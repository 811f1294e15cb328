// The drill-down of a pane's selected row, drawn in the pane's own rectangle.
import type {Snapshot} from '../../../domain/snapshot.js';
import type {Line} from '../line.js';
import {type PaneContext, withinPane} from '../pane-context.js';
import type {SelectedItem} from '../selected-item.js';
import {changeDetailLines} from './change-detail.js';
import {connectionDetailLines} from './connection-detail.js';
import {detailFrame} from './detail-lines.js';
import {findingDetailLines} from './finding-detail.js';
import {metricDetailLines} from './metric-detail.js';
import {sourceDetailLines} from './source-detail.js';

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
	}
}
