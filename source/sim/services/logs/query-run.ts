// One Logs Insights query's life on the sim clock: Scheduled for the first part of its duration,
// Running (with partial results over the events scanned so far) until it is Complete. What it
// scans is fixed when it starts: events ingested by then, in the time range, in timestamp order.
import {executeInsightsQuery, type InsightsEvent, type ParsedQuery} from '../../insights/index.js';
import type {LogGroup} from '../../world/types.js';
import {isVisible, lowerBound, upperBound} from './visible.js';

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled';

export type QueryResult = {
	readonly rows: readonly (readonly {readonly field: string; readonly value: string}[])[];
	readonly recordsMatched: number;
	readonly recordsScanned: number;
	readonly bytesScanned: number;
};

const emptyResult: QueryResult = {rows: [], recordsMatched: 0, recordsScanned: 0, bytesScanned: 0};

/** The share of a query's duration spent waiting in the queue before it scans anything. */
const scheduledShare = 0.2;

export type QueryRun = {
	readonly queryId: string;
	readonly queryString: string;
	readonly logGroupNames: readonly string[];
	readonly createTime: number;
	readonly durationMs: number;
	/** Status at `now`, settling Complete / Cancelled / Failed for good once reached. */
	status(now: number): QueryStatus;
	/** The result at `now`: partial while Running, final once ended. */
	result(now: number): QueryResult;
	/** Ends a Scheduled or Running query; false when it had already ended. */
	cancel(now: number): boolean;
};

export type QueryPlan = {
	readonly queryId: string;
	readonly queryString: string;
	readonly parsed: ParsedQuery;
	readonly groups: readonly LogGroup[];
	/** `@log` reads `accountId:logGroupName`, as in AWS. */
	readonly accountId: string;
	/** Inclusive, in ms. */
	readonly startMs: number;
	readonly endMs: number;
	readonly limit: number;
	readonly createTime: number;
	readonly durationMs: number;
};

/**
 * `@ptr`: where an event lives, so GetLogRecord can find it again. Plain text because a query
 * makes one per scanned event; group names cannot hold ':', so the first ':' ends the group.
 */
export function recordPointer(group: string, stream: string, timestamp: number, ordinal: number) {
	return `${group}:${stream}:${timestamp}:${ordinal}`;
}

function collectEvents(plan: QueryPlan): InsightsEvent[] {
	const scanned: InsightsEvent[] = [];
	for (const group of plan.groups) {
		for (const stream of group.streams) {
			const events = stream.events;
			let runStart = 0;
			const high = upperBound(events, plan.endMs);
			for (let index = lowerBound(events, plan.startMs); index < high; index += 1) {
				const event = events[index];
				if (!event) continue;
				if (index === 0 || events[index - 1]?.timestamp !== event.timestamp) runStart = index;
				if (!isVisible(event, plan.createTime)) continue;
				scanned.push({
					timestamp: event.timestamp,
					ingestionTime: event.ingestionTime,
					message: event.message,
					logStream: stream.logStreamName,
					logGroup: `${plan.accountId}:${group.logGroupName}`,
					ptr: recordPointer(
						group.logGroupName,
						stream.logStreamName,
						event.timestamp,
						index - runStart,
					),
				});
			}
		}
	}
	return scanned.sort((left, right) => left.timestamp - right.timestamp);
}

export function createQueryRun(plan: QueryPlan): QueryRun {
	let ended: {status: QueryStatus; result: QueryResult} | undefined;
	let events: InsightsEvent[] | undefined;
	let memo: {count: number; result: QueryResult} | undefined;
	const scheduledUntil = plan.createTime + plan.durationMs * scheduledShare;
	const completeAt = plan.createTime + plan.durationMs;

	const run = (count: number): QueryResult => {
		if (memo?.count === count) return memo.result;
		events ??= collectEvents(plan);
		const result = executeInsightsQuery(plan.parsed, events.slice(0, count), {limit: plan.limit});
		memo = {count, result};
		return result;
	};
	const settle = (status: QueryStatus, count: number): QueryStatus => {
		let settled: {status: QueryStatus; result: QueryResult};
		try {
			settled = {status, result: count === 0 ? emptyResult : run(count)};
		} catch {
			settled = {status: 'Failed', result: emptyResult};
		}
		ended = settled;
		events = undefined;
		memo = undefined;
		return settled.status;
	};
	const scannedBy = (now: number): number => {
		if (now < scheduledUntil) return 0;
		events ??= collectEvents(plan);
		const share = (now - scheduledUntil) / Math.max(1, completeAt - scheduledUntil);
		return Math.min(events.length, Math.floor(events.length * share));
	};
	const status = (now: number): QueryStatus => {
		if (ended) return ended.status;
		if (now >= completeAt) {
			events ??= collectEvents(plan);
			return settle('Complete', events.length);
		}
		return now < scheduledUntil ? 'Scheduled' : 'Running';
	};

	return {
		queryId: plan.queryId,
		queryString: plan.queryString,
		logGroupNames: plan.groups.map((group) => group.logGroupName),
		createTime: plan.createTime,
		durationMs: plan.durationMs,
		status,
		result(now) {
			const current = status(now);
			if (ended) return ended.result;
			if (current === 'Scheduled') return emptyResult;
			try {
				return run(scannedBy(now));
			} catch {
				settle('Failed', 0);
				return emptyResult;
			}
		},
		cancel(now) {
			const current = status(now);
			if (current !== 'Scheduled' && current !== 'Running') return false;
			settle('Cancelled', scannedBy(now));
			return true;
		},
	};
}
