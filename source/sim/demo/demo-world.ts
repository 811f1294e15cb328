// The demo world: a deterministic NLB setup whose traffic, metrics, alarms and CloudTrail history
// advance with the world clock. Content becomes visible the way AWS delivers it (flow logs 1.5-4
// minutes after their window, metrics a minute after theirs, CloudTrail a few minutes after the
// call), and anything older than the retention is dropped so memory stays bounded.
import type {CloudTrailEvent, LogEvent, LogStream, MetricDatum, World} from '../world/types.js';
import {updateAlarm} from './alarm-evaluation.js';
import {trailEventsBetween} from './demo-cloudtrail.js';
import {minuteMs} from './demo-connection.js';
import {minuteMetrics} from './demo-metrics.js';
import {type DeliveredRecord, windowRecords} from './demo-records.js';
import {deliverDemoToS3} from './demo-s3.js';
import {
	createTimeline,
	cycleMs,
	type DemoIncident,
	defaultOriginOffsetMs,
	incidentsBetween,
} from './demo-timeline.js';
import {buildDemoTopology} from './demo-topology.js';
import {
	connectionsForMinute,
	createTrafficContext,
	type DemoConnection,
	type PreservedBackendSource,
} from './demo-traffic.js';
import {firstIndexAtOrAfter, insertSorted, PendingQueue} from './time-ordered.js';

export type {DemoIncident, DemoIncidentKind} from './demo-timeline.js';
export type {PreservedBackendSource} from './demo-traffic.js';

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
	/** Events older than this (world time) are dropped on advance. Default 3.5 hours. */
	readonly retentionMs?: number;
	/** World time at which an incident cycle starts. Default: 7 minutes into the security-group incident at `now`. */
	readonly cycleOrigin?: number;
	readonly preservedBackendSource?: PreservedBackendSource;
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
};

const hour = 3_600_000;
const metricPublishDelayMs = 60_000;

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
	const {world} = topology;
	const timeline = createTimeline(options.cycleOrigin ?? now - defaultOriginOffsetMs);
	const traffic = createTrafficContext({
		seed,
		topology,
		timeline,
		connectionsPerMinute,
		preservedBackendSource: options.preservedBackendSource ?? 'client',
	});
	const recordContext = {
		seed,
		accountId: world.accountId,
		serviceInterfaceIds: new Set(topology.nodes.map((node) => node.networkInterfaceId)),
	};
	const webSecurityGroup = world.securityGroups.find(
		(group) => group.groupId === topology.webSecurityGroupId,
	);
	const baseWebIngress = [...(webSecurityGroup?.ingress ?? [])];
	const webTargetIds = new Set(topology.web.targets.map((target) => target.targetId));
	const s3 = options.flowLogs === 's3' ? deliverDemoToS3(world, seed) : undefined;

	const connectionCache = new Map<number, DemoConnection[]>();
	const pendingRecords = new PendingQueue<DeliveredRecord>();
	const pendingMetrics = new PendingQueue<MetricDatum>();
	const pendingTrail = new PendingQueue<CloudTrailEvent>();
	const historyStart = Math.floor((now - historyMs) / minuteMs) * minuteMs;
	let builtThrough = historyStart;
	let current = builtThrough;

	const connections = (minuteStart: number): DemoConnection[] => {
		let found = connectionCache.get(minuteStart);
		if (found === undefined) {
			found = connectionsForMinute(traffic, minuteStart);
			connectionCache.set(minuteStart, found);
		}
		return found;
	};

	const buildWindow = (windowStart: number): void => {
		const recent = [windowStart - 2 * minuteMs, windowStart - minuteMs, windowStart].flatMap(
			connections,
		);
		for (const record of windowRecords(recordContext, recent, windowStart)) {
			if (s3 === undefined) {
				pendingRecords.add(record.event.ingestionTime, record);
			} else {
				s3.add(record);
			}
		}
		for (const datum of minuteMetrics(topology, timeline, recent, windowStart)) {
			pendingMetrics.add(windowStart + minuteMs + metricPublishDelayMs, datum);
		}
		for (const item of trailEventsBetween(
			seed,
			topology,
			timeline,
			windowStart,
			windowStart + minuteMs,
		)) {
			pendingTrail.add(item.visibleAt, item.event);
		}
		for (const minute of connectionCache.keys()) {
			if (minute < windowStart - 2 * minuteMs) {
				connectionCache.delete(minute);
			}
		}
	};

	const flush = (time: number): void => {
		s3?.flush(time);
		const byInterface = new Map<string, LogEvent[]>();
		for (const record of pendingRecords.takeUntil(time)) {
			const batch = byInterface.get(record.interfaceId) ?? [];
			batch.push(record.event);
			byInterface.set(record.interfaceId, batch);
		}
		for (const [interfaceId, batch] of byInterface) {
			const stream: LogStream | undefined = topology.streams.get(interfaceId);
			if (stream !== undefined) {
				insertSorted(stream.events, batch);
			}
		}
		const metrics = pendingMetrics.takeUntil(time);
		if (metrics.length > 0) {
			world.metrics.push(...metrics);
			const publishedThrough = Math.max(...metrics.map((datum) => datum.timestamp)) + minuteMs;
			for (const alarm of world.alarms) {
				updateAlarm(alarm, world.metrics, publishedThrough);
			}
		}
		const trail = pendingTrail.takeUntil(time);
		if (trail.length > 0) {
			world.cloudTrailEvents.push(...trail);
			world.cloudTrailEvents.sort((a, b) => a.eventTime - b.eventTime);
		}
	};

	const applyState = (time: number): void => {
		if (webSecurityGroup !== undefined) {
			webSecurityGroup.ingress = timeline.securityGroupRevoked(time)
				? baseWebIngress.filter((rule) => rule !== topology.webClientRule)
				: [...baseWebIngress];
		}
		const unhealthy = timeline.webTargetsUnhealthy(time);
		for (const target of world.targets) {
			if (target.targetGroupArn === topology.web.arn && webTargetIds.has(target.id)) {
				target.health = unhealthy
					? {
							state: 'unhealthy',
							reason: 'Target.FailedHealthChecks',
							description: 'Health checks failed',
						}
					: {state: 'healthy'};
			}
		}
	};

	const trim = (time: number): void => {
		const cutoff = time - retentionMs;
		s3?.trim(cutoff);
		for (const stream of topology.streams.values()) {
			stream.events.splice(
				0,
				firstIndexAtOrAfter(stream.events, cutoff, (event) => event.timestamp),
			);
		}
		world.metrics.splice(
			0,
			firstIndexAtOrAfter(world.metrics, cutoff, (datum) => datum.timestamp),
		);
		world.cloudTrailEvents.splice(
			0,
			firstIndexAtOrAfter(world.cloudTrailEvents, cutoff, (event) => event.eventTime),
		);
	};

	const advanceTo = (target: number): void => {
		if (!Number.isFinite(target) || target <= current) {
			return;
		}
		for (let step = Math.floor(current / minuteMs) * minuteMs + minuteMs; ; step += minuteMs) {
			const time = Math.min(step, target);
			while (builtThrough + minuteMs <= time) {
				buildWindow(builtThrough);
				builtThrough += minuteMs;
			}
			flush(time);
			if (time === target) {
				break;
			}
		}
		current = target;
		applyState(target);
		trim(target);
	};

	advanceTo(now);
	return {
		world,
		speed,
		advanceTo,
		now: () => current,
		timeline: () =>
			incidentsBetween(
				timeline.origin,
				Math.max(current - retentionMs, historyStart),
				current + cycleMs,
			),
	};
}
