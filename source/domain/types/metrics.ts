// CloudWatch series and alarms for the metrics pane.

export type MetricUnit = 'count' | 'bytes' | 'seconds' | 'percent' | 'none';

export type MetricPoint = {
	/** Unix ms of the period start. */
	readonly t: number;
	readonly v: number;
};

export type MetricSeries = {
	readonly id: string;
	readonly namespace: string;
	readonly metricName: string;
	readonly stat: string;
	readonly periodSeconds: number;
	readonly unit: MetricUnit;
	readonly label: string;
	readonly dimensions: Readonly<Record<string, string>>;
	/** Periods with no datapoint are absent (ELB publishes nothing without traffic): a gap, not a zero. */
	readonly points: readonly MetricPoint[];
};

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export type AlarmInfo = {
	readonly name: string;
	readonly state: AlarmState;
	readonly reason: string;
	/** Unix ms. */
	readonly since: number;
	readonly metricName?: string;
	readonly namespace?: string;
	readonly dimensions: Readonly<Record<string, string>>;
};

export type MetricsView = {
	readonly series: readonly MetricSeries[];
	readonly alarms: readonly AlarmInfo[];
	/** Unix ms: end of the newest datapoint period held. */
	readonly dataThrough?: number;
	/**
	 * Unix ms: the start of the oldest period read. Before it nothing was read yet (a longer window
	 * was just asked for): that time is loading, not a gap.
	 */
	readonly coveredFrom?: number;
};
