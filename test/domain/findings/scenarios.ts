// One incident per rule, each a small edit of the healthy snapshot, plus near misses that stay
// just below a rule's threshold. Shared by the evaluateFindings tests and the per-rule tests.
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {
	buildSnapshot,
	change,
	connection,
	flows,
	healthyMetrics,
	ids,
	minute,
	now,
	series,
	source,
	spiking,
	steady,
	steadyConnections,
	target1,
	target2,
	targetGroup,
	topology,
	unrelatedChange,
	withSeries,
} from './snapshot-builder.js';

export const rejectingClients = ['203.0.113.7', '203.0.113.8', '203.0.113.9', '203.0.113.10'];

/** Seed 000's signature: ACCEPT on the LB's interface for both legs, REJECT at target 1. */
export function targetRejectsConnections(
	count = 4,
	startAt = now - 7 * minute,
): ReturnType<typeof connection>[] {
	return Array.from({length: count}, (_, index) =>
		connection({
			client: rejectingClients[index % rejectingClients.length] ?? '203.0.113.7',
			clientPort: 50_000 + index,
			at: startAt + index * 30_000,
			atTarget: 'REJECT',
		}),
	);
}

export const revokeWebSg = () => change({time: now - 8 * minute});

export function targetSgRejectsSnapshot(
	options: {count?: number; changes?: boolean} = {},
): Snapshot {
	return buildSnapshot({
		flows: flows([...steadyConnections(), ...targetRejectsConnections(options.count)], {
			rejected: {flows: options.count ?? 4, packets: 8, bytes: 480},
			rejectedSources: rejectingClients.map((addr) => source(addr, [80], 1, 'target')),
		}),
		changes: {events: options.changes === false ? [] : [unrelatedChange(), revokeWebSg()]},
	});
}

export const blockedClients = ['192.0.2.50', '192.0.2.51', '192.0.2.52'];

export function blockedAtLbSnapshot(rejectedFlows = 60): Snapshot {
	return buildSnapshot({
		flows: flows(steadyConnections(), {
			rejected: {flows: rejectedFlows, packets: rejectedFlows * 2, bytes: rejectedFlows * 120},
			rejectedSources: blockedClients.map((addr) => source(addr, [80], rejectedFlows / 3, 'lb')),
			rejectedPorts: [
				{
					port: 80,
					flows: rejectedFlows,
					packets: rejectedFlows * 2,
					bytes: rejectedFlows * 120,
					where: 'lb',
				},
			],
		}),
	});
}

export const scanner = '198.51.100.23';
export const scannedPorts = [21, 22, 23, 25, 53, 110, 135, 139, 143, 443, 445, 3306, 3389, 8080];

export function scanSnapshot(options: {answeredPort?: number} = {}): Snapshot {
	const answered = options.answeredPort;
	return buildSnapshot({
		flows: flows(steadyConnections(), {
			rejected: {
				flows: scannedPorts.length,
				packets: scannedPorts.length,
				bytes: scannedPorts.length * 60,
			},
			rejectedSources: [
				source(
					scanner,
					scannedPorts.filter((port) => port !== answered),
					scannedPorts.length,
					'lb',
				),
			],
			acceptedSources: [
				...aggregatesSteadySources(),
				...(answered === undefined ? [] : [source(scanner, [answered], 1)]),
			],
		}),
	});
}

function aggregatesSteadySources() {
	return ['198.51.100.10', '198.51.100.11', '198.51.100.12', '198.51.100.13', '198.51.100.14'].map(
		(addr) => source(addr, [80], 9),
	);
}

export const newcomer = '203.0.113.99';

/** A client never seen before the last five minutes that now sends most connections. */
export function newSourceSnapshot(count = 30): Snapshot {
	const burst = Array.from({length: count}, (_, index) =>
		connection({client: newcomer, clientPort: 60_000 + index, at: now - 4 * minute + index * 5000}),
	);
	return buildSnapshot({flows: flows([...steadyConnections(), ...burst])});
}

export function unhealthyTargetSnapshot(): Snapshot {
	const group = targetGroup({
		targets: [
			target1({
				health: {state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out'},
			}),
			target2(),
		],
	});
	const dimensions = {LoadBalancer: ids.lbDimension, TargetGroup: ids.tgDimension};
	return buildSnapshot({
		topology: topology({targetGroups: [group]}),
		metrics: {
			series: withSeries(
				healthyMetrics(),
				series('UnHealthyHostCount', [...steady(0, 11), 1, 1, 1, 1], {dimensions, stat: 'Maximum'}),
				series('HealthyHostCount', [...steady(2, 11), 1, 1, 1, 1], {dimensions, stat: 'Minimum'}),
				series('HealthyHostCount', [...steady(1, 11), 0, 0, 0, 0], {
					dimensions: {...dimensions, AvailabilityZone: 'us-east-1a'},
					stat: 'Minimum',
				}),
			),
			alarms: [],
		},
	});
}

export function resetSpikeSnapshot(metricName: string, base = 2, spike = 400): Snapshot {
	return buildSnapshot({
		metrics: {
			series: withSeries(healthyMetrics(), series(metricName, spiking(base, spike))),
			alarms: [],
		},
	});
}

export const albDimension = 'app/web-alb/1a2b3c4d5e6f7a8b';

/** An ALB whose targets slow down and fail while every flow is accepted. */
export function applicationErrorsSnapshot(
	options: {latency?: number; target5xx?: number; elb5xx?: number} = {},
): Snapshot {
	const dimensions = {LoadBalancer: albDimension};
	const alb = {dimensions, namespace: 'AWS/ApplicationELB'};
	return buildSnapshot({
		topology: topology({type: 'application', metricDimension: albDimension}),
		metrics: {
			series: [
				series('TargetResponseTime', spiking(0.12, options.latency ?? 2.4, 3), {
					...alb,
					stat: 'Average',
				}),
				series('HTTPCode_Target_5XX_Count', spiking(1, options.target5xx ?? 180), alb),
				series('HTTPCode_ELB_5XX_Count', spiking(0, options.elb5xx ?? 0), alb),
			],
			alarms: [],
		},
	});
}

export function portAllocationSnapshot(errors = 37): Snapshot {
	return buildSnapshot({
		topology: topology({targetGroups: [targetGroup({targetType: 'ip', preserveClientIp: false})]}),
		metrics: {
			series: withSeries(
				healthyMetrics(),
				series('PortAllocationErrorCount', [...steady(0, 13), errors, errors]),
			),
			alarms: [],
		},
	});
}

export function monitoringGapSnapshot(): Snapshot {
	return buildSnapshot({
		topology: topology({
			gaps: [
				{
					kind: 'targets-without-flow-logs',
					message: 'The targets i-0aaa1111bbbb22223, i-0ccc3333dddd44445 have no flow logs.',
					resources: [ids.target2Eni, ids.target1Eni],
				},
			],
		}),
	});
}
