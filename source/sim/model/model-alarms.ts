// Alarms on the modelled LB's metrics follow the generated datapoints: each time another minute
// is published they are evaluated again, as CloudWatch evaluates an alarm every period.
import {updateAlarm} from '../demo/alarm-evaluation.js';
import type {GeneratedMetrics, MetricAlarm, World} from '../world/types.js';
import {minuteMs} from './connection.js';

export type AlarmKeeper = {
	/** Evaluates every minute published after the last one evaluated, through `publishedThrough`. */
	readonly evaluateThrough: (publishedThrough: number) => void;
};

export function createAlarmKeeper(
	world: World,
	metrics: GeneratedMetrics,
	loadBalancerDimension: string,
	firstEvaluation: number,
): AlarmKeeper {
	const followed = (alarm: MetricAlarm) =>
		alarm.dimensions.some(
			(dimension) => dimension.name === 'LoadBalancer' && dimension.value === loadBalancerDimension,
		);
	let evaluatedThrough = Math.floor(firstEvaluation / minuteMs) * minuteMs;
	return {
		evaluateThrough: (publishedThrough) => {
			const alarms = world.alarms.filter(followed);
			for (
				let through = evaluatedThrough + minuteMs;
				through <= publishedThrough;
				through += minuteMs
			) {
				for (const alarm of alarms) {
					const from = through - alarm.evaluationPeriods * alarm.periodSeconds * 1000;
					const datums = [
						...world.metrics,
						...metrics.between(from, through, through + 2 * minuteMs),
					];
					updateAlarm(alarm, datums, through);
				}
				evaluatedThrough = through;
			}
		},
	};
}
