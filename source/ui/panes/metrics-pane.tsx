import type {Snapshot} from '../../domain/snapshot.js';
import type {PaneReads, ShellPaneProperties} from '../app-types.js';
import {metricsLines} from './metrics-rows.js';
import {PaneLines} from './pane-lines.js';
import {type ListLines, usePaneLines} from './use-pane-lines.js';

function rejectedAtLoadBalancer(snapshot: Snapshot): boolean {
	return (
		snapshot.topology?.type === 'network' &&
		(snapshot.flows?.aggregates.rejectedSources ?? []).some((source) => source.where === 'lb')
	);
}

/** Of the flows, only whether the LB itself rejected any: a flows write leaves it as it is. */
export const metricsReads: PaneReads = (snapshot) => [
	snapshot.metrics,
	snapshot.sources.metrics,
	snapshot.window.start,
	snapshot.window.end,
	snapshot.changes,
	rejectedAtLoadBalancer(snapshot),
];

const list: ListLines = (snapshot, context, view) =>
	metricsLines(
		{
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
		},
		context,
		view,
	);

export function MetricsPane(properties: ShellPaneProperties) {
	const lines = usePaneLines('metrics', properties, list);
	const {width, height, color, ascii} = properties;
	return <PaneLines lines={lines} width={width} height={height} color={color} ascii={ascii} />;
}
