import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import {type MetricsInput, metricsLines, metricsWindowReads} from './metrics-rows.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

function rejectedAtLoadBalancer(snapshot: Snapshot): boolean {
	if (snapshot.topology?.type !== 'network') {
		return false;
	}

	// A loop over the sources, not a closure made per call (it would be compiled again after
	// each full collection: the pane's reads run on every write).
	for (const source of snapshot.flows?.aggregates.rejectedSources ?? []) {
		if (source.where === 'lb') {
			return true;
		}
	}

	return false;
}

function metricsInput(snapshot: Snapshot): MetricsInput {
	return {
		...(snapshot.metrics === undefined ? {} : {metrics: snapshot.metrics}),
		state: snapshot.sources.metrics,
		window: snapshot.window,
		changeTimes: (snapshot.changes?.events ?? [])
			.filter((event) => event.errorCode === undefined)
			.map((event) => event.time),
		...(snapshot.changes?.coveredFrom === undefined
			? {}
			: {changesFrom: snapshot.changes.coveredFrom}),
		rejectedAtLoadBalancer: rejectedAtLoadBalancer(snapshot),
	};
}

/**
 * Of the flows, only whether the LB itself rejected any; of the window, only what the table shows
 * of it: a flows write that slides the window within a minute leaves the pane as it was.
 */
export const metricsReads: PaneReads = (snapshot) => {
	const input = metricsInput(snapshot);
	return [
		snapshot.metrics,
		snapshot.sources.metrics,
		snapshot.changes,
		input.rejectedAtLoadBalancer,
		...metricsWindowReads(input),
	];
};

const list: ListLines = (snapshot, context, view) =>
	metricsLines(metricsInput(snapshot), context, view);

export function MetricsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('metrics', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
