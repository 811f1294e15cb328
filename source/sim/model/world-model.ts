// A world driven by a traffic model: its flow log streams and its load balancer's metrics are
// generated from the model when a read asks for a range (deterministic per seed and minute, so any
// minute can be rebuilt), only a bounded cache of them is held, and advancing the clock brings the
// configuration, target health, alarms and CloudTrail history to the moment.
import {flowLogStreamName} from '../demo/aws-names.js';
import type {
	GeneratedEvents,
	GeneratedMetrics,
	LogGroup,
	MetricDatum,
	World,
} from '../world/types.js';
import {buildAddressPool} from './address-pool.js';
import {initialState} from './config-state.js';
import {type Connection, minuteMs} from './connection.js';
import type {ModelContext} from './context.js';
import {flowSinks, type Sink} from './flow-records.js';
import {createGeneratedLogs, type LogsCacheStats} from './generated-logs.js';
import {buildHealthTimeline} from './health.js';
import {dimensionOf, minuteTally} from './metrics.js';
import {createAlarmKeeper} from './model-alarms.js';
import type {TrafficSpec} from './spec.js';
import {createTimeline} from './timeline.js';
import {buildModelTopology} from './topology.js';
import {createTrafficSource} from './traffic-source.js';
import {type PendingTrailEvent, renderTrailCall} from './trail.js';
import {createWorldView} from './world-view.js';

export type DeliveredRecord = {
	readonly interfaceId: string;
	/** The record's `start`, in Unix ms (its event timestamp). */
	readonly timestamp: number;
	/** When it reaches the flow log's destination. */
	readonly deliveredAt: number;
	readonly message: string;
};

export type WorldModel = {
	readonly world: World;
	/** Brings configuration, target health, alarms and CloudTrail to `now` (earlier times are ignored). */
	readonly advanceTo: (now: number) => void;
	/**
	 * The records one flow log writes with a timestamp in [from, to), whatever its destination,
	 * with when each is delivered: what a reader of that destination sees once the time comes.
	 */
	readonly flowLogRecords: (
		flowLogId: string,
		from: number,
		to: number,
	) => Iterable<DeliveredRecord>;
	readonly cacheStats: () => LogsCacheStats;
};

export type WorldModelOptions = {
	/** Bytes of built chunks kept for reads; the default holds a few windows of a busy world. */
	readonly cacheBytes?: number;
	/** How far back alarm states are worked out at creation (their last transition within it). */
	readonly alarmLookbackMs?: number;
};

const metricPublishDelayMs = 60_000;
/**
 * Built chunks kept for reads: a reader of a live world reads about five recent windows (the
 * fresh edge and the settled minute Insights reads); at 1000x the demo's traffic a window is
 * about 40 MB, and one dropped is built again. A quiet world never comes near it.
 */
const defaultCacheBytes = 192 * 1024 * 1024;
/** Minutes of computed datapoints kept; older ones are computed again if asked for. */
const keptMetricMinutes = 480;

/**
 * One stream per interface and log group, named as VPC Flow Logs name them; flow logs of one
 * interface into one group share it, and a stream the file already wrote keeps its events.
 */
function attachStreams(
	world: World,
	sinks: readonly Sink[],
	streamOf: (sinks: readonly Sink[]) => GeneratedEvents,
) {
	const byStream = new Map<string, Sink[]>();
	for (const sink of sinks) {
		const group = sink.flowLog.logGroupName;
		if (sink.flowLog.logDestinationType !== 'cloud-watch-logs' || group === undefined) continue;
		const key = `${group}\n${flowLogStreamName(sink.interfaceId, sink.flowLog.trafficType)}`;
		byStream.set(key, [...(byStream.get(key) ?? []), sink]);
	}
	for (const [key, streamSinks] of byStream) {
		const [groupName = '', streamName = ''] = key.split('\n');
		const creationTime = Math.min(...streamSinks.map((sink) => sink.flowLog.creationTime));
		let group: LogGroup | undefined = world.logGroups.find(
			(item) => item.logGroupName === groupName,
		);
		if (group === undefined) {
			group = {logGroupName: groupName, creationTime, streams: []};
			world.logGroups.push(group);
		}
		const index = group.streams.findIndex((stream) => stream.logStreamName === streamName);
		const existing = group.streams[index];
		const stream = {
			logStreamName: streamName,
			creationTime: existing?.creationTime ?? creationTime,
			events: existing?.events ?? [],
			generated: streamOf(streamSinks),
		};
		if (index < 0) group.streams.push(stream);
		else group.streams[index] = stream;
	}
}

export function attachTrafficModel(
	world: World,
	spec: TrafficSpec,
	now: number,
	options: WorldModelOptions = {},
): WorldModel {
	const loadBalancer = world.loadBalancers.find(
		(item) => item.loadBalancerArn === spec.loadBalancerArn,
	);
	if (loadBalancer === undefined) throw new RangeError(`no load balancer ${spec.loadBalancerArn}`);
	const topology = buildModelTopology(world, loadBalancer);
	const timeline = createTimeline(
		initialState(world, loadBalancer, spec.hosts),
		spec.changes,
		spec.cycle,
	);
	const health = buildHealthTimeline(topology, timeline, spec.defaultHost);
	const context: ModelContext = {
		spec,
		topology,
		timeline,
		health,
		clientPools: new Map(
			spec.clients.map((item) => [
				item.name,
				buildAddressPool(spec.seed, item.name, item.cidrs, item.addresses, item.skew),
			]),
		),
		probePools: new Map(
			spec.probes.map((item) => [
				item.name,
				buildAddressPool(spec.seed, item.name, item.cidrs, item.addresses, 0),
			]),
		),
	};
	const source = createTrafficSource(context);
	const oldest = (at: number) =>
		Math.floor(
			Math.max(
				spec.historyStart,
				spec.retentionMs === undefined ? spec.historyStart : at - spec.retentionMs,
			) / minuteMs,
		) * minuteMs;

	const metricMemo = new Map<number, readonly MetricDatum[]>();
	const remember = (minute: number, datums: readonly MetricDatum[]) => {
		metricMemo.set(minute, datums);
		for (const key of metricMemo.keys()) {
			if (metricMemo.size <= keptMetricMinutes) break;
			metricMemo.delete(key);
		}
	};
	const metricsOf = (minute: number): readonly MetricDatum[] => {
		const known = metricMemo.get(minute);
		if (known !== undefined) return known;
		const tally = minuteTally(context, minute);
		source.visit(minute, minuteMs, tally.add);
		const datums = tally.datums();
		remember(minute, datums);
		return datums;
	};
	// A one-minute window's connections are the minute's metrics too: both come from one pass.
	const connections = (start: number, ms: number, visit: (connection: Connection) => void) => {
		const tally =
			ms === minuteMs && !metricMemo.has(start) ? minuteTally(context, start) : undefined;
		source.visit(start, ms, (connection) => {
			tally?.add(connection);
			visit(connection);
		});
		if (tally !== undefined) remember(start, tally.datums());
	};

	const pathInterfaces = new Set(topology.nodes.map((node) => node.interfaceId));
	for (const epoch of timeline.epochs) {
		for (const registration of epoch.state.registrations) {
			const interfaceId = topology.hostOf(registration.id)?.interfaceId;
			if (interfaceId !== undefined) pathInterfaces.add(interfaceId);
		}
	}
	const sinks = flowSinks(world, topology, pathInterfaces, spec.unknownServiceAccount);
	const logs = createGeneratedLogs({
		seed: spec.seed,
		delay: spec.flowLogDelay,
		internetFacing: loadBalancer.scheme === 'internet-facing',
		oldest,
		connections,
		sinks,
		cacheBytes: options.cacheBytes ?? defaultCacheBytes,
	});
	attachStreams(world, sinks, logs.stream);

	const generatedMetrics: GeneratedMetrics = {
		between: (start, end, at) => {
			const datums: MetricDatum[] = [];
			const first = Math.max(Math.floor(start / minuteMs) * minuteMs, oldest(at));
			for (
				let minute = first;
				minute < end && minute + minuteMs + metricPublishDelayMs <= at;
				minute += minuteMs
			) {
				for (const datum of metricsOf(minute)) {
					if (datum.timestamp >= start) datums.push(datum);
				}
			}
			return datums;
		},
	};
	world.generatedMetrics = generatedMetrics;

	const view = createWorldView(world, health);
	const alarms = createAlarmKeeper(
		world,
		generatedMetrics,
		dimensionOf(spec.loadBalancerArn),
		Math.max(spec.historyStart + 2 * minuteMs, now - (options.alarmLookbackMs ?? 60 * minuteMs)),
	);
	const trailWorld = {
		seed: spec.seed,
		region: world.region,
		accountId: world.accountId,
		delay: spec.trailDelay,
	};
	let pendingTrail: PendingTrailEvent[] = [];
	let trailFrom =
		spec.cycle === undefined
			? Number.NEGATIVE_INFINITY
			: Math.max(spec.historyStart, now - (spec.retentionMs ?? 0));
	let current = Number.NEGATIVE_INFINITY;

	const advanceTo = (target: number): void => {
		if (!Number.isFinite(target) || target <= current) return;
		current = target;
		view.show(timeline.at(target).epoch.state, target);
		for (const {time, change} of timeline.changesBetween(trailFrom, target)) {
			if (change.trail !== undefined)
				pendingTrail.push(renderTrailCall(trailWorld, change.trail, time));
		}
		trailFrom = target;
		const due = pendingTrail.filter((item) => item.visibleAt <= target);
		if (due.length > 0) {
			pendingTrail = pendingTrail.filter((item) => item.visibleAt > target);
			world.cloudTrailEvents.push(...due.map((item) => item.event));
			world.cloudTrailEvents.sort((left, right) => left.eventTime - right.eventTime);
		}
		if (spec.retentionMs !== undefined) {
			const cutoff = target - spec.retentionMs;
			world.cloudTrailEvents = world.cloudTrailEvents.filter((event) => event.eventTime >= cutoff);
		}
		alarms.evaluateThrough(Math.floor((target - metricPublishDelayMs) / minuteMs) * minuteMs);
	};
	advanceTo(now);

	return {
		world,
		advanceTo,
		flowLogRecords: function* (flowLogId, from, to) {
			for (const sink of sinks) {
				if (sink.flowLog.flowLogId !== flowLogId) continue;
				for (let minute = Math.floor(from / minuteMs) * minuteMs; minute < to; minute += minuteMs) {
					const chunk = logs.chunk(sink, minute);
					for (let index = 0; index < chunk.length; index++) {
						const timestamp = chunk.timestamp(index);
						if (timestamp < from || timestamp >= to) continue;
						yield {
							interfaceId: sink.interfaceId,
							timestamp,
							deliveredAt: chunk.ingestionTime(index),
							message: chunk.message(index),
						};
					}
				}
			}
		},
		cacheStats: logs.stats,
	};
}
