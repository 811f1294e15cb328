// Which log group (or S3 destination) and format each path interface's records are read from. An
// interface may be covered by several flow logs (its own, its subnet's, the VPC's); one is chosen
// per interface so nothing is counted twice: one delivering to CloudWatch Logs before one delivering
// to S3, then the most specific, then the finest aggregation, then all traffic.
import {
	defaultFlowFormat,
	type FlowFormat,
	parseLogFormat,
	renderLogFormat,
} from '../flows/flow-format.js';
import type {FlowLogInfo, Topology} from '../types/topology.js';
import {type S3FeedSource, s3FeedLabel, s3SourceOf} from './s3-keys.js';
import {unknownAggregationSeconds} from './settling.js';

/** Interfaces whose records one log group (or one flow log's S3 objects) holds in one format. */
export type FlowFeed = {
	/**
	 * The log group, by name (or by ARN, for a monitoring account); for a flow log delivering to
	 * S3, a label naming its destination and id, so keys and messages need no second case.
	 */
	readonly logGroupName: string;
	/** Present when the records are read from the flow log's objects in S3. */
	readonly s3?: S3FeedSource;
	readonly format: FlowFormat;
	readonly aggregationSeconds: number;
	readonly interfaceIds: readonly string[];
};

export type FeedPlan = {
	readonly feeds: readonly FlowFeed[];
	/** The coarsest aggregation of the feeds: it decides when time has settled. */
	readonly aggregationSeconds: number;
	/** What lbtop cannot read, in plain words. */
	readonly problems: readonly string[];
};

type PathInterface = {readonly interfaceId: string; readonly subnetId?: string};

export function pathInterfaces(topology: Topology): PathInterface[] {
	const found = new Map<string, PathInterface>();
	for (const zone of topology.availabilityZones) {
		if (zone.interfaceId !== undefined) {
			found.set(zone.interfaceId, {interfaceId: zone.interfaceId, subnetId: zone.subnetId});
		}
	}

	for (const group of topology.targetGroups) {
		for (const target of group.targets) {
			if (target.interfaceId !== undefined && !found.has(target.interfaceId)) {
				found.set(target.interfaceId, {
					interfaceId: target.interfaceId,
					...(target.subnetId === undefined ? {} : {subnetId: target.subnetId}),
				});
			}
		}
	}

	return [...found.values()];
}

type Candidate = {
	readonly flowLog: FlowLogInfo;
	readonly format: FlowFormat;
	readonly s3?: S3FeedSource;
};

export function planFeeds(topology: Topology): FeedPlan {
	const groups = new Set(topology.logGroups);
	const problems = new Set<string>();
	const candidates: Candidate[] = [];
	for (const flowLog of topology.flowLogs) {
		const s3 = s3SourceOf(flowLog, topology);
		if (
			s3 === undefined &&
			(flowLog.destinationType !== 'cloud-watch-logs' ||
				flowLog.logGroupName === undefined ||
				!groups.has(flowLog.logGroupName))
		) {
			continue;
		}

		const parsed = parseLogFormat(flowLog.logFormat);
		if (parsed.ok) {
			candidates.push({flowLog, format: parsed.format, ...(s3 === undefined ? {} : {s3})});
		} else {
			problems.add(
				`flow log ${flowLog.flowLogId} has a log format lbtop cannot read (${parsed.reason})`,
			);
		}
	}

	const feeds = new Map<string, {feed: FlowFeed; interfaceIds: string[]}>();
	const add = (
		logGroupName: string,
		format: FlowFormat,
		aggregation: number,
		id: string,
		s3?: S3FeedSource,
	) => {
		const key = `${logGroupName}\n${renderLogFormat(format)}`;
		const known = feeds.get(key);
		if (known === undefined) {
			feeds.set(key, {
				feed: {
					logGroupName,
					format,
					aggregationSeconds: aggregation,
					interfaceIds: [],
					...(s3 === undefined ? {} : {s3}),
				},
				interfaceIds: [id],
			});
			return;
		}

		known.interfaceIds.push(id);
		known.feed = {
			...known.feed,
			aggregationSeconds: Math.max(known.feed.aggregationSeconds, aggregation),
		};
	};

	const unmatched: string[] = [];
	for (const path of pathInterfaces(topology)) {
		const chosen = chooseFlowLog(path, topology.vpcId, candidates);
		if (chosen === undefined) {
			unmatched.push(path.interfaceId);
		} else {
			add(
				chosen.s3 === undefined ? (chosen.flowLog.logGroupName ?? '') : s3FeedLabel(chosen.s3),
				chosen.format,
				chosen.flowLog.maxAggregationIntervalSeconds,
				path.interfaceId,
				chosen.s3,
			);
		}
	}

	// Log groups named with --log-group that no known flow log writes to: their format and interval
	// are unknown, so the default format is assumed and time settles as slowly as AWS's default.
	const orphanGroups = topology.logGroups.filter(
		(group) => !topology.flowLogs.some((flowLog) => flowLog.logGroupName === group),
	);
	for (const group of unmatched.length > 0 ? orphanGroups : []) {
		for (const id of unmatched) {
			add(group, defaultFlowFormat, unknownAggregationSeconds, id);
		}
	}

	const list = [...feeds.values()]
		.map(({feed, interfaceIds}) => ({...feed, interfaceIds: [...interfaceIds].sort()}))
		.sort((left, right) => left.logGroupName.localeCompare(right.logGroupName));
	return {
		feeds: list,
		aggregationSeconds:
			list.length === 0
				? unknownAggregationSeconds
				: Math.max(...list.map((feed) => feed.aggregationSeconds)),
		problems: [...problems],
	};
}

const scopeRank = (flowLog: FlowLogInfo, path: PathInterface): number =>
	flowLog.resourceId === path.interfaceId ? 0 : flowLog.resourceId === path.subnetId ? 1 : 2;

function chooseFlowLog(
	path: PathInterface,
	vpcId: string,
	candidates: readonly Candidate[],
): Candidate | undefined {
	const covering = candidates.filter(
		({flowLog}) =>
			flowLog.resourceId === path.interfaceId ||
			(path.subnetId !== undefined && flowLog.resourceId === path.subnetId) ||
			flowLog.resourceId === vpcId,
	);
	// CloudWatch Logs before S3: its records arrive minutes sooner.
	return covering.sort(
		(left, right) =>
			Number(left.s3 !== undefined) - Number(right.s3 !== undefined) ||
			scopeRank(left.flowLog, path) - scopeRank(right.flowLog, path) ||
			left.flowLog.maxAggregationIntervalSeconds - right.flowLog.maxAggregationIntervalSeconds ||
			Number(left.flowLog.trafficType !== 'ALL') - Number(right.flowLog.trafficType !== 'ALL') ||
			left.flowLog.flowLogId.localeCompare(right.flowLog.flowLogId),
	)[0];
}

/** Changes when what is read changes (a new target, another flow log): held figures then restart. */
export function feedKey(plan: FeedPlan): string {
	return JSON.stringify(
		plan.feeds.map((feed) => [
			feed.logGroupName,
			renderLogFormat(feed.format),
			feed.aggregationSeconds,
			feed.interfaceIds,
		]),
	);
}
