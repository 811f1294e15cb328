// One Logs Insights query's life on the sim clock: Scheduled for the first part of its duration,
// Running (with partial results over the events scanned so far) until it is Complete. What it
// scans is fixed when it starts: events ingested by then, in the time range, in timestamp order.
import {
	executeInsightsQuery,
	type InsightsEvent,
	type ParsedQuery,
	type ResumableScan,
	resumableScan,
} from '../../insights/index.js';
import type {LogGroup} from '../../world/types.js';
import {type StreamSlice, streamSlices} from './stream-view.js';

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
	/** Whether the query is Scheduled or Running at `now`, told without settling it. */
	activeAt(now: number): boolean;
	/** The result at `now`: partial while Running, final once ended. */
	result(now: number): QueryResult;
	/**
	 * Reads on, `budget` events at most, toward what an answer at `now` reads (a stats query's scan
	 * only); true when more is left. The answers are the same whether or not this ran first.
	 */
	scanAhead(now: number, budget: number): boolean;
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

/** The windows a scan walks: the whole range for written streams, one chunk at a time for generated ones. */
function scanWindows(plan: QueryPlan, until: number): {from: number; to: number}[] {
	const to = Math.min(plan.endMs, until);
	let chunkMs = Number.POSITIVE_INFINITY;
	for (const group of plan.groups) {
		for (const stream of group.streams) {
			chunkMs = Math.min(chunkMs, stream.generated?.chunkMs ?? Number.POSITIVE_INFINITY);
		}
	}
	if (!(plan.startMs <= to)) return [];
	if (!Number.isFinite(chunkMs)) return [{from: plan.startMs, to}];
	const windows: {from: number; to: number}[] = [];
	for (let start = Math.floor(plan.startMs / chunkMs) * chunkMs; start <= to; start += chunkMs) {
		windows.push({from: Math.max(plan.startMs, start), to: Math.min(to, start + chunkMs - 1)});
	}
	return windows;
}

/**
 * An event as a query sees it. Its message is written only if a command reads it (a stats query
 * over generated records reads their fields as numbers), and its `@ptr` only if a row shows it.
 */
class ScannedEvent implements InsightsEvent {
	private text: string | undefined;
	private kept: number | undefined;

	constructor(
		readonly timestamp: number,
		readonly ingestionTime: number,
		private source: StreamSlice | undefined,
		private readonly index: number,
		readonly logStream: string,
		readonly logGroup: string,
		private readonly groupName: string,
	) {}

	get message(): string {
		this.text ??= this.source?.message(this.index) ?? '';
		return this.text;
	}

	get ptr(): string {
		return recordPointer(this.groupName, this.logStream, this.timestamp, this.ordinal());
	}

	messageBytes(): number | undefined {
		return this.text === undefined ? this.source?.messageBytes?.(this.index) : undefined;
	}

	token(position: number): string | number | undefined {
		return this.text === undefined ? this.source?.token?.(this.index, position) : undefined;
	}

	words(): number {
		return this.text === undefined ? (this.source?.words?.(this.index) ?? 0) : 0;
	}

	word(position: number): string | number | undefined {
		return this.text === undefined ? this.source?.word?.(this.index, position) : undefined;
	}

	/** A kept event lets go of its slice (and the chunk behind it). */
	hold(): void {
		this.kept = this.ordinal();
		void this.message;
		this.source = undefined;
	}

	private ordinal(): number {
		return this.kept ?? this.source?.ordinal(this.index) ?? 0;
	}
}

type Cursor = {
	readonly slice: StreamSlice;
	readonly stream: string;
	readonly group: string;
	/** `@log`. */
	readonly log: string;
	index: number;
	readonly high: number;
};

/**
 * The events a query scans with a timestamp up to `until`, in timestamp order: those ingested by
 * the time it started. The streams' slices of each window are merged one event at a time and
 * nothing is kept, so a query over a busy world holds only what its own commands keep.
 */
function* scannedEvents(plan: QueryPlan, until: number): Generator<InsightsEvent> {
	for (const window of scanWindows(plan, until)) {
		const cursors: Cursor[] = [];
		for (const group of plan.groups) {
			for (const stream of group.streams) {
				for (const slice of streamSlices(stream, window.from, window.to, plan.createTime)) {
					const high = slice.upperBound(window.to);
					const index = slice.lowerBound(window.from);
					if (index < high) {
						const log = `${plan.accountId}:${group.logGroupName}`;
						cursors.push({
							slice,
							stream: stream.logStreamName,
							group: group.logGroupName,
							log,
							index,
							high,
						});
					}
				}
			}
		}
		for (;;) {
			// Earliest timestamp first; on a tie, the stream listed first (a stable merge).
			let next: Cursor | undefined;
			let position = -1;
			for (const [at, cursor] of cursors.entries()) {
				if (cursor.index >= cursor.high) continue;
				if (
					next === undefined ||
					cursor.slice.timestamp(cursor.index) < next.slice.timestamp(next.index)
				) {
					next = cursor;
					position = at;
				}
			}
			if (next === undefined) break;
			// The chosen stream goes on while its events come before every other stream's next
			// one (and not after a later-listed stream's on a tie): one second of a busy stream
			// is thousands of events, each found without comparing every stream again.
			let before = Number.POSITIVE_INFINITY;
			let after = Number.POSITIVE_INFINITY;
			for (const [at, cursor] of cursors.entries()) {
				if (at === position || cursor.index >= cursor.high) continue;
				const timestamp = cursor.slice.timestamp(cursor.index);
				if (at < position) before = Math.min(before, timestamp);
				else after = Math.min(after, timestamp);
			}
			const {slice} = next;
			for (; next.index < next.high; next.index++) {
				const index = next.index;
				const timestamp = slice.timestamp(index);
				if (timestamp >= before || timestamp > after) break;
				const ingestionTime = slice.ingestionTime(index);
				if (ingestionTime > plan.createTime) continue;
				yield new ScannedEvent(
					timestamp,
					ingestionTime,
					slice,
					index,
					next.stream,
					next.log,
					next.group,
				);
			}
		}
	}
}

/** A scan read in parts across polls: where it stopped, and the first event past that. */
type Resumed = {
	readonly scan: ResumableScan;
	readonly events: Iterator<InsightsEvent>;
	next: InsightsEvent | undefined;
	/** No event read so far has a later timestamp. */
	through: number;
};

/**
 * Scans on from where the last step stopped to `until`, `budget` events at most; true once every
 * event up to `until` is read. The events of the whole range come in timestamp order, so those up
 * to `until` are the ones a scan to `until` reads, in its order.
 */
function scanThrough(resumed: Resumed, until: number, budget = Number.POSITIVE_INFINITY): boolean {
	let event = resumed.next;
	resumed.next = undefined;
	for (let read = 0; ; read++) {
		if (event === undefined) {
			const step = resumed.events.next();
			if (step.done === true) break;
			event = step.value;
		}
		if (event.timestamp > until) {
			resumed.next = event;
			break;
		}
		if (read >= budget) {
			resumed.next = event;
			return false;
		}
		resumed.scan.add(event);
		resumed.through = Math.max(resumed.through, event.timestamp);
		event = undefined;
	}
	resumed.through = until;
	return true;
}

export function createQueryRun(plan: QueryPlan): QueryRun {
	let ended: {status: QueryStatus; result: QueryResult} | undefined;
	let memo: {until: number; result: QueryResult} | undefined;
	let resumed: Resumed | undefined | null = null;
	const scheduledUntil = plan.createTime + plan.durationMs * scheduledShare;
	const completeAt = plan.createTime + plan.durationMs;

	const resumable = (): Resumed | undefined => {
		if (resumed === null) {
			const scan = resumableScan(plan.parsed, {limit: plan.limit});
			resumed = scan && {
				scan,
				events: scannedEvents(plan, plan.endMs),
				next: undefined,
				through: plan.startMs - 1,
			};
		}
		return resumed;
	};
	const run = (until: number): QueryResult => {
		if (memo?.until === until) return memo.result;
		const current = resumable();
		let result: QueryResult;
		if (current !== undefined && until >= current.through) {
			scanThrough(current, until);
			result = current.scan.outcome();
		} else {
			result = executeInsightsQuery(plan.parsed, scannedEvents(plan, until), {limit: plan.limit});
		}
		memo = {until, result};
		return result;
	};
	const settle = (status: QueryStatus, until: number): QueryStatus => {
		let settled: {status: QueryStatus; result: QueryResult};
		try {
			settled = {status, result: until < plan.startMs ? emptyResult : run(until)};
		} catch {
			settled = {status: 'Failed', result: emptyResult};
		}
		ended = settled;
		memo = undefined;
		resumed = undefined;
		return settled.status;
	};
	/**
	 * How far the scan has got: the range is read oldest first, so the partial result covers the
	 * earliest part of it, in whole seconds (polls within one second share one partial scan).
	 */
	const scannedThrough = (now: number): number => {
		if (now < scheduledUntil) return plan.startMs - 1;
		const share = Math.min(1, (now - scheduledUntil) / Math.max(1, completeAt - scheduledUntil));
		const span = plan.endMs - plan.startMs + 1;
		return plan.startMs + Math.floor((span * share) / 1000) * 1000 - 1;
	};
	const status = (now: number): QueryStatus => {
		if (ended) return ended.status;
		if (now >= completeAt) return settle('Complete', plan.endMs);
		return now < scheduledUntil ? 'Scheduled' : 'Running';
	};

	return {
		queryId: plan.queryId,
		queryString: plan.queryString,
		logGroupNames: plan.groups.map((group) => group.logGroupName),
		createTime: plan.createTime,
		durationMs: plan.durationMs,
		status,
		activeAt: (now) => ended === undefined && now < completeAt,
		result(now) {
			const current = status(now);
			if (ended) return ended.result;
			if (current === 'Scheduled') return emptyResult;
			const until = scannedThrough(now);
			if (until < plan.startMs) return emptyResult;
			try {
				return run(until);
			} catch {
				settle('Failed', plan.startMs - 1);
				return emptyResult;
			}
		},
		scanAhead(now, budget) {
			if (ended) return false;
			const target = now >= completeAt ? plan.endMs : scannedThrough(now);
			if (target < plan.startMs) return false;
			try {
				const current = resumable();
				if (current === undefined || target < current.through) return false;
				return !scanThrough(current, target, budget);
			} catch {
				// The answer then comes from a scan of its own, which meets the same failure.
				resumed = undefined;
				return false;
			}
		},
		cancel(now) {
			const current = status(now);
			if (current !== 'Scheduled' && current !== 'Running') return false;
			settle('Cancelled', scannedThrough(now));
			return true;
		},
	};
}
