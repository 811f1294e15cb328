// CloudWatch series and alarms for the test world: one point per minute over the 15-minute window.
import type {AlarmInfo, MetricSeries} from '../../../source/domain/snapshot.js';
import {ids, minute, now} from './topology-builder.js';

export type SeriesOptions = {
	readonly dimensions?: Readonly<Record<string, string>>;
	readonly periodSeconds?: number;
	readonly stat?: string;
	/** Unix ms of the last point's period start; defaults to one period before now. */
	readonly lastAt?: number;
	readonly namespace?: string;
};

/** One point per period ending at `lastAt`; `undefined` leaves a gap (no datapoint published). */
export function series(
	metricName: string,
	values: readonly (number | undefined)[],
	options: SeriesOptions = {},
): MetricSeries {
	const periodSeconds = options.periodSeconds ?? 60;
	const lastAt = options.lastAt ?? now - periodSeconds * 1000;
	const dimensions = options.dimensions ?? {LoadBalancer: ids.lbDimension};
	const first = lastAt - (values.length - 1) * periodSeconds * 1000;
	const points = values.flatMap((v, index) =>
		v === undefined ? [] : [{t: first + index * periodSeconds * 1000, v}],
	);
	const dimensionKey = Object.entries(dimensions)
		.map(([key, value]) => `${key}=${value}`)
		.join(',');
	return {
		id: `${metricName}|${dimensionKey}`,
		namespace: options.namespace ?? 'AWS/NetworkELB',
		metricName,
		stat: options.stat ?? 'Sum',
		periodSeconds,
		unit: metricName === 'TargetResponseTime' ? 'seconds' : 'count',
		label: metricName,
		dimensions,
		points,
	};
}

export const steady = (value: number, length = 15): number[] => Array.from({length}, () => value);
/** A steady series whose last `spikeLength` points jump to `spike`. */
export const spiking = (base: number, spike: number, spikeLength = 2, length = 15): number[] => [
	...steady(base, length - spikeLength),
	...steady(spike, spikeLength),
];

const tgDimensions = {LoadBalancer: ids.lbDimension, TargetGroup: ids.tgDimension};

export function healthyMetrics(): MetricSeries[] {
	return [
		series('TCP_Client_Reset_Count', steady(4)),
		series('TCP_ELB_Reset_Count', steady(2)),
		series('TCP_Target_Reset_Count', steady(1)),
		series('PortAllocationErrorCount', steady(0)),
		series('HealthyHostCount', steady(2), {dimensions: tgDimensions, stat: 'Minimum'}),
		series('UnHealthyHostCount', steady(0), {dimensions: tgDimensions, stat: 'Maximum'}),
		series('HealthyHostCount', steady(1), {
			dimensions: {...tgDimensions, AvailabilityZone: 'us-east-1a'},
			stat: 'Minimum',
		}),
		series('HealthyHostCount', steady(1), {
			dimensions: {...tgDimensions, AvailabilityZone: 'us-east-1b'},
			stat: 'Minimum',
		}),
	];
}

/** Replaces the series with the same metric name and dimensions, or adds it. */
export function withSeries(
	base: readonly MetricSeries[],
	...replacements: readonly MetricSeries[]
): MetricSeries[] {
	const replaced = new Set(replacements.map((entry) => entry.id));
	return [...base.filter((entry) => !replaced.has(entry.id)), ...replacements];
}

export function alarm(overrides: Partial<AlarmInfo> = {}): AlarmInfo {
	return {
		name: 'web-nlb-unhealthy-hosts',
		state: 'ALARM',
		reason: 'Threshold Crossed: 1 datapoint [1.0] was greater than the threshold (0.0).',
		since: now - 4 * minute,
		metricName: 'UnHealthyHostCount',
		namespace: 'AWS/NetworkELB',
		dimensions: {LoadBalancer: ids.lbDimension, TargetGroup: ids.tgDimension},
		...overrides,
	};
}
