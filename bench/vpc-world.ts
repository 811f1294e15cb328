// The demo world made the way most accounts log flows: one VPC-wide flow log into one log group,
// where the load balancer's path (its interfaces and its targets') is a small share of what the
// group ingests. The rest is other workloads' records on interfaces lbtop never reads, delivered
// the way AWS delivers flow logs (a window's records together, 1.5-3 minutes after it closes).
import {createDemoWorld, type DemoWorld} from '../source/sim/demo/demo-world.js';
import {insertSorted} from '../source/sim/demo/time-ordered.js';
import {streamSlices} from '../source/sim/services/logs/stream-view.js';
import type {LogEvent, LogGroup, LogStream, World} from '../source/sim/world/types.js';

export type VpcWorldOptions = {
	readonly seed: number;
	/** World time at creation (Unix ms). */
	readonly now: number;
	readonly connectionsPerMinute: number;
	/** The share of the group's bytes that is the load balancer's path (e.g. 0.1). */
	readonly pathShare: number;
	readonly historyMs: number;
};

export type VpcWorld = {
	readonly world: World;
	readonly group: LogGroup;
	readonly advanceTo: (nowMs: number) => void;
	/** Streams of the load balancer's and its targets' interfaces. */
	readonly pathStreams: ReadonlySet<string>;
};

const minuteMs = 60_000;
const noiseInterfaces = 24;

function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function createVpcWorld(options: VpcWorldOptions): VpcWorld {
	const demo: DemoWorld = createDemoWorld({
		seed: options.seed,
		now: options.now,
		connectionsPerMinute: options.connectionsPerMinute,
		historyMs: options.historyMs,
	});
	const {world} = demo;
	const group = world.logGroups[0];
	const template = world.flowLogs[0];
	const vpc = world.vpcs[0];
	if (group === undefined || template === undefined || vpc === undefined) {
		throw new Error('the demo world has no flow log group to widen');
	}

	const pathStreams = new Set(group.streams.map((stream) => stream.logStreamName));
	// One flow log on the VPC replaces the demo's per-interface ones: same group, format, interval.
	world.flowLogs = [{...template, flowLogId: 'fl-0b3c4d5e6f7a8b9c0', resourceId: vpc.vpcId}];

	const next = random(options.seed * 7919 + 17);
	const noise: LogStream[] = Array.from({length: noiseInterfaces}, (_, index) => ({
		logStreamName: `eni-0feed${index.toString(16).padStart(12, '0')}-all`,
		creationTime: template.creationTime,
		events: [],
	}));
	group.streams.push(...noise);

	// Calibrated on the path's own delivered history, so the share holds whatever the demo's volume.
	const pathBytesPerMinute = averagePathBytes(group, pathStreams, options.now, options.historyMs);
	const noiseBytesPerMinute = (pathBytesPerMinute * (1 - options.pathShare)) / options.pathShare;
	const accountId = world.accountId;

	const noiseWindow = (windowStart: number): void => {
		const startSeconds = windowStart / 1000;
		let bytes = 0;
		const byStream = new Map<LogStream, LogEvent[]>();
		while (bytes < noiseBytesPerMinute) {
			const stream = noise[Math.floor(next() * noise.length)];
			if (stream === undefined) {
				continue;
			}

			const interfaceId = stream.logStreamName.replace(/-all$/, '');
			const start = startSeconds + Math.floor(next() * 50);
			const packets = 1 + Math.floor(next() * 200);
			const message = [
				2,
				accountId,
				interfaceId,
				`10.0.${Math.floor(next() * 64)}.${1 + Math.floor(next() * 250)}`,
				`10.${1 + Math.floor(next() * 3)}.${Math.floor(next() * 256)}.${1 + Math.floor(next() * 250)}`,
				1024 + Math.floor(next() * 60_000),
				[443, 5432, 6379, 8080, 53][Math.floor(next() * 5)],
				6,
				packets,
				packets * (60 + Math.floor(next() * 1400)),
				start,
				Math.min(startSeconds + 59, start + 1 + Math.floor(next() * 30)),
				next() < 0.02 ? 'REJECT' : 'ACCEPT',
				'OK',
			].join(' ');
			bytes += message.length;
			// Events exist from now on but are served only from their ingestion time, as in AWS.
			const delivered = windowStart + minuteMs + 90_000 + Math.floor(next() * 90_000);
			const batch = byStream.get(stream) ?? [];
			batch.push({timestamp: start * 1000, ingestionTime: delivered, message});
			byStream.set(stream, batch);
		}

		for (const [stream, batch] of byStream) {
			insertSorted(stream.events, batch);
		}
	};

	let builtThrough = Math.floor((options.now - options.historyMs) / minuteMs) * minuteMs;
	const advanceTo = (nowMs: number): void => {
		demo.advanceTo(nowMs);
		while (builtThrough + minuteMs <= nowMs) {
			noiseWindow(builtThrough);
			builtThrough += minuteMs;
		}
	};

	advanceTo(options.now);
	return {world, group, advanceTo, pathStreams};
}

/**
 * The stream's events with a timestamp in [from, to) and ingested by `now`, whether held or (the
 * demo's path) generated when read.
 */
function* eventsOf(stream: LogStream, from: number, to: number, now: number): Generator<LogEvent> {
	for (const slice of streamSlices(stream, from, to - 1, now)) {
		for (let index = slice.lowerBound(from); index < slice.upperBound(to - 1); index++) {
			const ingestionTime = slice.ingestionTime(index);
			if (ingestionTime <= now) {
				yield {timestamp: slice.timestamp(index), ingestionTime, message: slice.message(index)};
			}
		}
	}
}

function averagePathBytes(
	group: LogGroup,
	pathStreams: ReadonlySet<string>,
	now: number,
	historyMs: number,
): number {
	// Only minutes whose records have all arrived: delivery takes up to 4 minutes.
	const from = now - historyMs + minuteMs;
	const to = now - 5 * minuteMs;
	let bytes = 0;
	for (const stream of group.streams) {
		if (!pathStreams.has(stream.logStreamName)) {
			continue;
		}

		for (const event of eventsOf(stream, from, to, now)) {
			bytes += event.message.length;
		}
	}

	return bytes / Math.max(1, (to - from) / minuteMs);
}

export type Ingested = {readonly total: number; readonly path: number; readonly pathEvents: number};

/** Bytes ingested into the group between two world times (what Insights would bill to scan). */
export function ingestedBetween(vpc: VpcWorld, fromMs: number, toMs: number): Ingested {
	let total = 0;
	let path = 0;
	let pathEvents = 0;
	for (const stream of vpc.group.streams) {
		const onPath = vpc.pathStreams.has(stream.logStreamName);
		// Records are ingested at most a few minutes after their timestamp.
		for (const event of eventsOf(stream, fromMs - 10 * minuteMs, toMs, toMs)) {
			if (event.ingestionTime >= fromMs && event.ingestionTime < toMs) {
				total += event.message.length;
				if (onPath) {
					path += event.message.length;
					pathEvents += 1;
				}
			}
		}
	}

	return {total, path, pathEvents};
}
