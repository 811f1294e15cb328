// AWS/NetworkELB datapoints for one minute, computed from the same connections the flow records
// come from: NewFlowCount counts the accepted client flows that started in the minute,
// ProcessedBytes is the frontend bytes the LB's interfaces logged for the minute, resets count
// the connections that ended with one, host counts follow the targets' health. Traffic the LB's
// own security group (or its subnet's ACL) rejects is not counted (aws-facts.md §3). ELB
// publishes only while traffic flows, so a minute without flows gets no datapoint, not a zero.
import type {MetricDatum} from '../world/types.js';
import {type Connection, minuteMs} from './connection.js';
import type {ModelContext} from './context.js';
import {targetZone} from './health.js';
import {pieceInWindow} from './pieces.js';

const namespace = 'AWS/NetworkELB';
type Dimension = {readonly name: string; readonly value: string};

/** ActiveFlowCount and host counts are sampled six times a minute, so Min, Max and Average differ. */
const sampleOffsets = [5000, 15_000, 25_000, 35_000, 45_000, 55_000];

function datum(
	metricName: string,
	dimensions: readonly Dimension[],
	timestamp: number,
	values: readonly number[],
	unit: 'Count' | 'Bytes' = 'Count',
): MetricDatum {
	return {namespace, metricName, dimensions, unit, timestamp, values};
}

/** One dimension set's flow figures for the minute, summed in a single pass over the connections. */
class FlowTally {
	newFlows = 0;
	bytes = 0;
	readonly resets = {client: 0, elb: 0, target: 0};
	readonly active = sampleOffsets.map(() => 0);

	add(connection: Connection, windowStart: number, bytes: number): void {
		const windowEnd = windowStart + minuteMs;
		if (connection.start >= windowStart && connection.start < windowEnd) this.newFlows++;
		if (
			connection.reset !== undefined &&
			connection.end >= windowStart &&
			connection.end < windowEnd
		) {
			this.resets[connection.reset]++;
		}
		for (let index = 0; index < sampleOffsets.length; index++) {
			const instant = windowStart + (sampleOffsets[index] ?? 0);
			if (connection.start <= instant && instant <= connection.end) {
				this.active[index] = (this.active[index] ?? 0) + 1;
			}
		}
		this.bytes += bytes;
	}

	datums(
		dimensions: readonly Dimension[],
		windowStart: number,
		includePortAllocation: boolean,
	): MetricDatum[] {
		if (this.newFlows === 0 && this.bytes === 0 && this.active.every((count) => count === 0))
			return [];
		return [
			datum('NewFlowCount', dimensions, windowStart, [this.newFlows]),
			datum('ActiveFlowCount', dimensions, windowStart, this.active),
			datum('ProcessedBytes', dimensions, windowStart, [this.bytes], 'Bytes'),
			datum('TCP_Client_Reset_Count', dimensions, windowStart, [this.resets.client]),
			datum('TCP_ELB_Reset_Count', dimensions, windowStart, [this.resets.elb]),
			datum('TCP_Target_Reset_Count', dimensions, windowStart, [this.resets.target]),
			...(includePortAllocation
				? [datum('PortAllocationErrorCount', dimensions, windowStart, [0])]
				: []),
		];
	}
}

/** The frontend bytes the LB's interface logged for the connection in the minute. */
function frontendBytes(connection: Connection, windowStart: number): number {
	let bytes = 0;
	for (const leg of connection.legs) {
		if (leg.role !== 'frontend') continue;
		bytes += pieceInWindow(connection, leg.forward, windowStart, minuteMs)?.bytes ?? 0;
		if (leg.reverse !== undefined)
			bytes += pieceInWindow(connection, leg.reverse, windowStart, minuteMs)?.bytes ?? 0;
		break;
	}
	return bytes;
}

function hostMetrics(
	context: ModelContext,
	targetGroupArn: string,
	dimensions: readonly Dimension[],
	zone: string | undefined,
	windowStart: number,
): MetricDatum[] {
	const counts = sampleOffsets.map((offset) => {
		const time = windowStart + offset;
		const {state} = context.timeline.at(time).epoch;
		let healthy = 0;
		let unhealthy = 0;
		for (const registration of state.registrations) {
			if (registration.targetGroupArn !== targetGroupArn) continue;
			if (zone !== undefined && targetZone(context.topology, registration) !== zone) continue;
			const health = context.health.at(registration, time)?.state;
			if (health === 'healthy') healthy++;
			if (health === 'unhealthy') unhealthy++;
		}
		return {healthy, unhealthy};
	});
	return [
		datum(
			'HealthyHostCount',
			dimensions,
			windowStart,
			counts.map((count) => count.healthy),
		),
		datum(
			'UnHealthyHostCount',
			dimensions,
			windowStart,
			counts.map((count) => count.unhealthy),
		),
	];
}

/** The dimension value of an ARN: `net/<name>/<id>`, `targetgroup/<name>/<id>`. */
export function dimensionOf(arn: string): string {
	return arn.slice(arn.lastIndexOf(':') + 1).replace(/^loadbalancer\//, '');
}

export type MinuteTally = {
	/** Counts a connection if it is counted and has a packet in the minute (others are ignored). */
	readonly add: (connection: Connection) => void;
	readonly datums: () => MetricDatum[];
};

/** The minute's datapoints, summed as connections are visited one by one. */
export function minuteTally(context: ModelContext, windowStart: number): MinuteTally {
	const windowEnd = windowStart + minuteMs;
	const loadBalancer = {name: 'LoadBalancer', value: dimensionOf(context.spec.loadBalancerArn)};
	const zones = context.topology.nodes.map((node) => node.zone);
	const {state} = context.timeline.at(windowStart).epoch;
	const groups = [
		...new Set(
			state.listeners.flatMap((listener) =>
				listener.defaultActions.map((action) => action.targetGroupArn),
			),
		),
	];
	const total = new FlowTally();
	const byZone = new Map(zones.map((zone) => [zone, new FlowTally()]));
	const byGroup = new Map(groups.map((arn) => [arn, new FlowTally()]));
	let counted = 0;
	return {
		add: (connection) => {
			if (!connection.counted || connection.start >= windowEnd || connection.end < windowStart)
				return;
			counted++;
			const bytes = frontendBytes(connection, windowStart);
			total.add(connection, windowStart, bytes);
			byZone.get(connection.zone)?.add(connection, windowStart, bytes);
			if (connection.targetGroupArn !== undefined)
				byGroup.get(connection.targetGroupArn)?.add(connection, windowStart, bytes);
		},
		datums: () => {
			const datums = total.datums([loadBalancer], windowStart, true);
			for (const [zone, tally] of byZone) {
				datums.push(
					...tally.datums(
						[{name: 'AvailabilityZone', value: zone}, loadBalancer],
						windowStart,
						false,
					),
				);
			}
			for (const [arn, tally] of byGroup) {
				const targetGroup = {name: 'TargetGroup', value: dimensionOf(arn)};
				datums.push(...tally.datums([loadBalancer, targetGroup], windowStart, false));
				if (counted === 0) continue;
				datums.push(
					...hostMetrics(context, arn, [loadBalancer, targetGroup], undefined, windowStart),
				);
				for (const zone of zones) {
					datums.push(
						...hostMetrics(
							context,
							arn,
							[{name: 'AvailabilityZone', value: zone}, loadBalancer, targetGroup],
							zone,
							windowStart,
						),
					);
				}
			}
			return datums;
		},
	};
}
