// AWS/NetworkELB datapoints for one minute, computed from the same connections the flow records
// come from: NewFlowCount counts the accepted client flows that started in the minute,
// ProcessedBytes is the frontend bytes the NLB interfaces logged for the minute, resets count the
// connections that ended with one. ELB publishes only while traffic flows, so a dimension with no
// flows in the minute gets no datapoint (a gap, not a zero).
import type {MetricDatum} from '../world/types.js';
import type {DemoConnection} from './demo-connection.js';
import {minuteMs} from './demo-connection.js';
import {pieceInWindow} from './demo-records.js';
import type {DemoTimeline} from './demo-timeline.js';
import type {DemoTargetGroup, DemoTopology} from './demo-topology.js';

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

function flowMetrics(
	connections: readonly DemoConnection[],
	dimensions: readonly Dimension[],
	windowStart: number,
	includePortAllocation: boolean,
): MetricDatum[] {
	const windowEnd = windowStart + minuteMs;
	let newFlows = 0;
	let bytes = 0;
	const resets = {client: 0, elb: 0, target: 0};
	const active = sampleOffsets.map(() => 0);
	for (const connection of connections) {
		if (connection.start >= windowStart && connection.start < windowEnd) {
			newFlows++;
		}
		if (
			connection.reset !== undefined &&
			connection.end >= windowStart &&
			connection.end < windowEnd
		) {
			resets[connection.reset]++;
		}
		sampleOffsets.forEach((offset, index) => {
			const instant = windowStart + offset;
			if (connection.start <= instant && instant <= connection.end) {
				active[index] = (active[index] ?? 0) + 1;
			}
		});
		const frontend = connection.legs.find((leg) => leg.role === 'frontend');
		if (frontend !== undefined) {
			for (const counts of [frontend.forward, frontend.reverse]) {
				if (counts !== undefined) {
					bytes += pieceInWindow(connection, counts, windowStart)?.bytes ?? 0;
				}
			}
		}
	}
	if (newFlows === 0 && bytes === 0 && active.every((count) => count === 0)) {
		return [];
	}
	return [
		datum('NewFlowCount', dimensions, windowStart, [newFlows]),
		datum('ActiveFlowCount', dimensions, windowStart, active),
		datum('ProcessedBytes', dimensions, windowStart, [bytes], 'Bytes'),
		datum('TCP_Client_Reset_Count', dimensions, windowStart, [resets.client]),
		datum('TCP_ELB_Reset_Count', dimensions, windowStart, [resets.elb]),
		datum('TCP_Target_Reset_Count', dimensions, windowStart, [resets.target]),
		...(includePortAllocation
			? [datum('PortAllocationErrorCount', dimensions, windowStart, [0])]
			: []),
	];
}

function hostMetrics(
	group: DemoTargetGroup,
	dimensions: readonly Dimension[],
	zone: string | undefined,
	timeline: DemoTimeline,
	windowStart: number,
): MetricDatum[] {
	const targets = group.targets.filter(
		(target) => zone === undefined || target.availabilityZone === zone,
	);
	const unhealthy = sampleOffsets.map((offset) =>
		group.key === 'web' && timeline.webTargetsUnhealthy(windowStart + offset) ? targets.length : 0,
	);
	return [
		datum(
			'HealthyHostCount',
			dimensions,
			windowStart,
			unhealthy.map((count) => targets.length - count),
		),
		datum('UnHealthyHostCount', dimensions, windowStart, unhealthy),
	];
}

/** `connections` must hold every connection that could overlap the minute (the last three minutes' worth). */
export function minuteMetrics(
	topology: DemoTopology,
	timeline: DemoTimeline,
	connections: readonly DemoConnection[],
	windowStart: number,
): MetricDatum[] {
	const windowEnd = windowStart + minuteMs;
	const counted = connections.filter(
		(connection) =>
			connection.counted && connection.start < windowEnd && connection.end >= windowStart,
	);
	const loadBalancer = {name: 'LoadBalancer', value: topology.loadBalancerDimension};
	const zones = topology.nodes.map((node) => node.availabilityZone);
	const groups = [topology.web, topology.api];
	const datums = flowMetrics(counted, [loadBalancer], windowStart, true);
	for (const zone of zones) {
		const inZone = counted.filter((connection) => connection.availabilityZone === zone);
		datums.push(
			...flowMetrics(
				inZone,
				[{name: 'AvailabilityZone', value: zone}, loadBalancer],
				windowStart,
				false,
			),
		);
	}
	for (const group of groups) {
		const targetGroup = {name: 'TargetGroup', value: group.dimension};
		const inGroup = counted.filter((connection) => connection.targetGroup === group);
		datums.push(...flowMetrics(inGroup, [loadBalancer, targetGroup], windowStart, false));
		if (counted.length === 0) {
			continue;
		}
		datums.push(
			...hostMetrics(group, [loadBalancer, targetGroup], undefined, timeline, windowStart),
		);
		for (const zone of zones) {
			const zoneDimension = {name: 'AvailabilityZone', value: zone};
			datums.push(
				...hostMetrics(
					group,
					[zoneDimension, loadBalancer, targetGroup],
					zone,
					timeline,
					windowStart,
				),
			);
		}
	}
	return datums;
}
