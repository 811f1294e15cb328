// Which series the metrics pane lists, and in what order: the filter looks through the label,
// the metric's name and its dimensions (an AZ term matches the per-AZ series of that AZ);
// `s` flips between the catalog's order and the series with alarms firing first.
import type {AlarmInfo, AlarmState, MetricSeries, MetricsView} from '../../domain/snapshot.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import {chosenOrder, type PaneView, type SortOrder, sortRows} from './pane-view.js';

export function seriesFacts(series: MetricSeries): RowFacts {
	const zone = series.dimensions.AvailabilityZone;
	return {
		zones: zone === undefined ? [] : [zone],
		text: [series.label, series.metricName, ...Object.values(series.dimensions)],
	};
}

/**
 * Alarms watching this series: same metric, and every dimension the alarm names has the
 * series' value. An alarm without dimensions (as some tools report them) watches the metric.
 */
export function alarmsForSeries(series: MetricSeries, alarms: readonly AlarmInfo[]): AlarmInfo[] {
	return alarms.filter(
		(alarm) =>
			alarm.metricName === series.metricName &&
			(alarm.namespace === undefined || alarm.namespace === series.namespace) &&
			Object.entries(alarm.dimensions).every(([name, value]) => series.dimensions[name] === value),
	);
}

const stateRank: Readonly<Record<AlarmState, number>> = {ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2};
const quiet = 3;

function alarmRank(series: MetricSeries, alarms: readonly AlarmInfo[]): number {
	return alarmsForSeries(series, alarms).reduce(
		(rank, alarm) => Math.min(rank, stateRank[alarm.state]),
		quiet,
	);
}

export function seriesOrders(alarms: readonly AlarmInfo[]): ReadonlyArray<SortOrder<MetricSeries>> {
	return [
		{label: 'catalog order'},
		{
			label: 'alarming first',
			compare: (left, right) => alarmRank(left, alarms) - alarmRank(right, alarms),
		},
	];
}

export function seriesInView(
	snapshot: {readonly metrics?: MetricsView | undefined},
	view: PaneView,
): MetricSeries[] {
	const metrics = snapshot.metrics;
	const kept = filterRows(metrics?.series ?? [], view.filter, seriesFacts);
	return sortRows(kept, chosenOrder(seriesOrders(metrics?.alarms ?? []), view.sortStep));
}
