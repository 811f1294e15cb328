// The demo world: a deterministic NLB setup described as a traffic model (source/sim/model). Its
// incidents are changes to its configuration repeated every 30 minutes; what its flow logs,
// metrics, alarms and target health show follows from them by the model's rules, generated for
// whatever range a read asks for. Content becomes visible the way AWS delivers it (flow logs
// 1.5-3 minutes after their window, metrics a minute after theirs, CloudTrail a few minutes after
// the call), and anything older than the retention is gone, so memory stays bounded.

import {deliverAccessLogs} from '../delivery/access-log-delivery.js';
import {deliverModelToS3} from '../delivery/model-s3.js';
import {minuteMs} from '../model/connection.js';
import {everyPort, type TrafficSpec} from '../model/spec.js';
import {attachTrafficModel, type WorldModel} from '../model/world-model.js';
import type {World} from '../world/types.js';
import {demoAccessLogs} from './demo-access-logs.js';
import {demoChanges} from './demo-changes.js';
import {pointDemoFlowLogsAtS3} from './demo-s3.js';
import {
	cycleMs,
	type DemoIncident,
	defaultOriginOffsetMs,
	incidentsBetween,
	incidentTemplates,
} from './demo-timeline.js';
import {buildDemoTopology} from './demo-topology.js';

export type {DemoIncident, DemoIncidentKind} from './demo-timeline.js';

/** See TrafficSpec.preservedBackendSource. */
export type PreservedBackendSource = TrafficSpec['preservedBackendSource'];

export type DemoWorldOptions = {
	readonly seed: number;
	/** World time at creation (Unix ms). The world holds `historyMs` of history before it. */
	readonly now: number;
	/** How much faster than the wall clock the caller runs world time; informational here. */
	readonly speed?: number;
	/** Client connections per minute over both AZs (default 120: a few hundred records a minute per NLB interface). */
	readonly connectionsPerMinute?: number;
	/** Default 3 hours. */
	readonly historyMs?: number;
	/** Events older than this (world time) are gone. Default 3.5 hours. */
	readonly retentionMs?: number;
	/** World time at which an incident cycle starts. Default: 7 minutes into the security-group incident at `now`. */
	readonly cycleOrigin?: number;
	readonly preservedBackendSource?: PreservedBackendSource;
	/** Bytes of generated flow records kept for reads. */
	readonly cacheBytes?: number;
	/** Where the flow logs go: CloudWatch Logs (the default) or an S3 bucket, read with Athena. */
	readonly flowLogs?: 'cloud-watch-logs' | 's3';
};

export type DemoWorld = {
	readonly world: World;
	readonly speed: number;
	/** Moves the world to `nowMs` (world time); earlier times are ignored. */
	readonly advanceTo: (nowMs: number) => void;
	/** The world time the world has been advanced to. */
	readonly now: () => number;
	/** Incidents from the oldest history held through the next cycle, oldest first. */
	readonly timeline: () => readonly DemoIncident[];
	readonly model: WorldModel;
};

const hour = 3_600_000;

/** The scan incident's single source. */
export const scannerAddress = '216.160.83.56';

/** Ports a scanner tries first; the rest of its probes go to random low ports. */
const scannedPorts = [
	21, 22, 23, 25, 53, 110, 135, 139, 143, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 6379, 8000,
	8080, 8443, 9200, 11_211, 27_017,
];

function incidentWindow(kind: string) {
	const template = incidentTemplates.find((item) => item.kind === kind);
	return {from: template?.from ?? 0, until: template?.to ?? 0};
}

export function createDemoWorld(options: DemoWorldOptions): DemoWorld {
	const {seed, now} = options;
	const speed = options.speed ?? 1;
	const historyMs = options.historyMs ?? 3 * hour;
	const retentionMs = Math.max(options.retentionMs ?? 3.5 * hour, historyMs);
	const connectionsPerMinute = options.connectionsPerMinute ?? 120;
	const topology = buildDemoTopology({
		seed,
		now,
		// The burst resets ~16% of all connections, the baseline 0.3%: 5% sits between them.
		targetResetThreshold: Math.max(3, Math.round(connectionsPerMinute * 0.05)),
	});
	const origin = options.cycleOrigin ?? now - defaultOriginOffsetMs;
	const historyStart = Math.floor((now - historyMs) / minuteMs) * minuteMs;
	const spec: TrafficSpec = {
		seed,
		loadBalancerArn: topology.loadBalancerArn,
		historyStart,
		retentionMs,
		clients: [
			{
				name: 'clients',
				cidrs: [
					'198.51.100.0/24',
					'203.0.113.0/24',
					'192.0.2.32/27',
					'192.0.2.64/26',
					'192.0.2.128/25',
					'81.2.69.0/24',
					'89.160.20.0/24',
				],
				addresses: 410,
				skew: 0.8,
				connectionsPerMinute,
				listeners: [
					{port: 80, weight: 0.7},
					{port: 443, weight: 0.3},
				],
				durationMs: {min: 150, max: 6000},
				longLived: {share: 0.08, durationMs: {min: 20_000, max: 110_000}},
				requestBytes: {min: 250, max: 2400},
				responseBytes: {min: 1500, max: 181_500},
			},
		],
		probes: [
			{
				name: 'internet-noise',
				cidrs: ['175.16.199.0/24', '2.125.160.0/24'],
				addresses: 300,
				ports: [22, 23, 445, 2323, 3389, 5900, 6379, 8080],
				perMinute: 0.3,
				packets: {min: 1, max: 2},
			},
			{
				name: 'port-scan',
				cidrs: [`${scannerAddress}/32`],
				addresses: 1,
				ports: scannedPorts,
				randomPorts: {share: 0.7, range: {min: 1, max: 10_000}},
				perMinute: 90,
				packets: {min: 1, max: 1},
				active: incidentWindow('port-scan'),
			},
		],
		resets: {target: 0.003, client: 0.01, elb: 0.002},
		lateRejects: 0,
		flowLogDelay: {min: 90_000, max: 180_000},
		trailDelay: {min: 120_000, max: 210_000},
		hosts: new Map(),
		defaultHost: everyPort,
		changes: demoChanges(topology),
		cycle: {origin, every: cycleMs},
		preservedBackendSource: options.preservedBackendSource ?? 'client',
		unknownServiceAccount: true,
	};
	if (options.flowLogs === 's3') pointDemoFlowLogsAtS3(topology.world, seed);
	const model = attachTrafficModel(topology.world, spec, now, {
		alarmLookbackMs: historyMs,
		...(options.cacheBytes === undefined ? {} : {cacheBytes: options.cacheBytes}),
	});
	const s3 =
		options.flowLogs === 's3'
			? deliverModelToS3(model.world, model, {seed, from: historyStart, retentionMs})
			: undefined;
	s3?.advanceTo(now);
	// The TLS listener takes 3 in 10 client connections (the clients' listener weights).
	const accessLogs = deliverAccessLogs(
		demoAccessLogs(model.world, {seed, tlsPerMinute: connectionsPerMinute * 0.3}),
		{from: historyStart, retentionMs},
	);
	accessLogs.advanceTo(now);
	let current = now;
	return {
		world: model.world,
		speed,
		model,
		advanceTo: (target) => {
			if (!Number.isFinite(target) || target <= current) return;
			current = target;
			model.advanceTo(target);
			s3?.advanceTo(target);
			accessLogs.advanceTo(target);
		},
		now: () => current,
		timeline: () =>
			incidentsBetween(origin, Math.max(current - retentionMs, historyStart), current + cycleMs),
	};
}
