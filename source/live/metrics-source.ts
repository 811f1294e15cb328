// The metrics pane's data: the LB's CloudWatch series, read in one GetMetricData call per refresh
// just after each minute is published, and the alarms about this LB, re-read about once a minute.
// Series are held between refreshes so each call reads only the periods that can still change.
import {describeAllAlarms} from '../aws/alarms.js';
import {getMetricData} from '../aws/metrics.js';
import {
	alarmScopeOf,
	alarmsForLoadBalancer,
	type RawAlarm,
} from '../domain/metrics/alarm-filter.js';
import {mergeSeries, metricsDataThrough, newestPeriodHeld} from '../domain/metrics/merge-series.js';
import {buildMetricSpecs} from '../domain/metrics/metric-specs.js';
import {
	delayUntilNextRefresh,
	fetchRange,
	metricWindowStart,
} from '../domain/metrics/metric-window.js';
import type {MetricSeries, MetricsView} from '../domain/types/metrics.js';
import {succeededState, withSource, writtenAt} from './snapshot-updates.js';
import type {SourceFactory} from './source.js';

export type MetricsSourceOptions = {
	/** Per-AZ series next to the LB-wide ones (default true), for the pane's breakdown toggle. */
	readonly breakdown?: boolean;
	/** How often alarms are re-read; they change far less often than datapoints arrive. */
	readonly alarmIntervalMs?: number;
};

export const defaultAlarmIntervalMs = 60_000;
// Aligned refreshes land a few milliseconds either side of a whole minute apart; without slack
// alarms would be read only every other refresh.
const alarmSlackMs = 5000;

type Held = {
	readonly loadBalancerArn: string;
	readonly series: readonly MetricSeries[];
	/** Unix ms: the oldest period read and still held; a longer window reads back from before it. */
	readonly coveredFrom?: number;
	readonly rawAlarms?: readonly RawAlarm[];
	readonly alarmsReadAt?: number;
};

function alarmsDue(held: Held, now: number, intervalMs: number): boolean {
	return held.alarmsReadAt === undefined || now - held.alarmsReadAt >= intervalMs - alarmSlackMs;
}

function viewOf(
	series: readonly MetricSeries[],
	alarms: MetricsView['alarms'],
	coveredFrom: number | undefined,
): MetricsView {
	const dataThrough = metricsDataThrough(series);
	return {
		series,
		alarms,
		...(dataThrough === undefined ? {} : {dataThrough}),
		...(coveredFrom === undefined ? {} : {coveredFrom}),
	};
}

export function createMetricsSource(options: MetricsSourceOptions = {}): SourceFactory {
	const alarmIntervalMs = options.alarmIntervalMs ?? defaultAlarmIntervalMs;
	return (environment) => {
		let held: Held | undefined;
		const {store, clients} = environment;

		async function readAlarms(
			current: Held,
			now: number,
			signal: AbortSignal,
		): Promise<{held: Held; failure?: unknown}> {
			if (!alarmsDue(current, now, alarmIntervalMs)) {
				return {held: current};
			}
			try {
				const rawAlarms = await describeAllAlarms(clients, signal);
				return {held: {...current, rawAlarms, alarmsReadAt: now}};
			} catch (failure) {
				return {held: current, failure};
			}
		}

		return {
			name: 'metrics',
			intervalMs: () => delayUntilNextRefresh(environment.now(), environment.config.refreshMs),
			iamAction: 'cloudwatch:GetMetricData',
			async run(signal) {
				const topology = store.getSnapshot().topology;
				if (topology === undefined) {
					return;
				}
				const now = environment.now();
				const previous: Held =
					held?.loadBalancerArn === topology.arn
						? held
						: {loadBalancerArn: topology.arn, series: []};
				const specs = buildMetricSpecs(
					topology,
					options.breakdown === undefined ? {} : {breakdown: options.breakdown},
				);
				const {windowMs} = environment.config;
				const windowStart = metricWindowStart(now, windowMs);
				const heldIds = new Set(previous.series.map((series) => series.id));
				// A series not held yet (first run, new target group) needs the whole window, and so
				// does a window reaching further back than what was read (`t` to a longer one).
				const whole =
					specs.some((spec) => !heldIds.has(spec.seriesId)) ||
					previous.coveredFrom === undefined ||
					previous.coveredFrom > windowStart;
				const newestHeld = whole ? undefined : newestPeriodHeld(previous.series);
				const range = fetchRange({
					now,
					windowMs,
					...(newestHeld === undefined ? {} : {newestHeld}),
				});
				const fetched = await getMetricData(clients, {specs, range}, signal);
				const {series} = mergeSeries(previous.series, specs, fetched, windowStart);
				// Periods older than the window are dropped: a longer window must read them again.
				const coveredFrom = Math.max(
					whole ? range.start : (previous.coveredFrom ?? range.start),
					windowStart,
				);
				const alarmRead = await readAlarms({...previous, series, coveredFrom}, now, signal);
				held = alarmRead.held;
				const {alarms} = alarmsForLoadBalancer(held.rawAlarms ?? [], alarmScopeOf(topology));
				const metrics = viewOf(series, alarms, held.coveredFrom);
				store.update((snapshot) =>
					withSource(
						{...snapshot, metrics, generatedAt: writtenAt(snapshot, now)},
						'metrics',
						succeededState(snapshot.sources.metrics, now, metrics.dataThrough),
					),
				);
				// The series are on screen; the failed alarm read is still reported (and retried).
				if (alarmRead.failure !== undefined) {
					throw alarmRead.failure;
				}
			},
		};
	};
}

export const metricsSource: SourceFactory = createMetricsSource();
