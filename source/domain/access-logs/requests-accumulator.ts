// ALB requests into the Requests pane's figures, in bounded memory: per target (ip:port and target
// group) counts, a timing sketch and example requests; per target group the requests never
// dispatched; per minute a timeline; the slowest and the newest failing requests. Accumulators of
// adjacent intervals merge, so a sliding window keeps one per 5-minute interval and sums them.
import type {RequestRecord} from '../types/access-log-records.js';
import type {RequestBucket, RequestsView} from '../types/access-logs.js';
import type {Precision} from '../types/flows.js';
import {BoundedCounter, RankedList} from './bounded.js';
import {outcomeOf, RequestTally, targetKey} from './request-tally.js';
import {byNewest, bySlowest, isFailure, recordId, TargetState} from './target-state.js';

/** Target rows: an ALB has at most a few hundred targets; garbage must not grow the map. */
export const maxTargets = 500;
/** Target groups with undispatched requests (a listener's rules name at most 100). */
const maxGroups = 100;
/** Minutes in the timeline: the longest window (3 h) twice over. */
const maxMinutes = 360;
/** Request lines kept for the slowest and failing lists. */
const listLength = 20;

type Bucket = {requests: number; target5xx: number; elb5xx: number; notDispatched: number};

export type RequestsViewOptions = {
	readonly precision: Precision;
	/** Unix ms: the time the entries cover (the objects' intervals); from the entries otherwise. */
	readonly coverage?: {readonly start: number; readonly end: number};
	readonly queriesShown?: boolean;
	readonly malformedEntries?: number;
};

export class RequestsAccumulator {
	private readonly totals = new RequestTally();
	private readonly targets = new Map<string, TargetState>();
	private readonly undispatched = new Map<string, TargetState>();
	private readonly minutes = new Map<number, Bucket>();
	private readonly tlsProtocols = new BoundedCounter(32);
	private readonly slowest = new RankedList(listLength, bySlowest, recordId);
	private readonly failing = new RankedList(listLength, byNewest, recordId);
	private untracked = 0;
	private entries = 0;

	add(entry: RequestRecord): void {
		const outcome = outcomeOf(entry);
		this.entries++;
		this.totals.add(entry, outcome);
		this.tlsProtocols.add(entry.sslProtocol);
		this.addMinute(entry.time, {
			requests: 1,
			target5xx: outcome.target5xx ? 1 : 0,
			elb5xx: outcome.elb5xx ? 1 : 0,
			notDispatched: outcome.dispatched ? 0 : 1,
		});
		if (isFailure(outcome)) {
			this.failing.add(entry);
		}

		if (entry.targetProcessingTime !== undefined) {
			this.slowest.add(entry);
		}

		const group = entry.targetGroupArn;
		const state = outcome.dispatched
			? this.stateFor(this.targets, maxTargets, targetKey(entry), group, entry)
			: this.stateFor(this.undispatched, maxGroups, '-', group, undefined);
		if (state === undefined) {
			this.untracked++;
			return;
		}

		state.add(entry, outcome);
	}

	merge(other: RequestsAccumulator): void {
		this.entries += other.entries;
		this.untracked += other.untracked;
		this.totals.merge(other.totals);
		this.tlsProtocols.merge(other.tlsProtocols);
		this.slowest.merge(other.slowest);
		this.failing.merge(other.failing);
		for (const [start, bucket] of other.minutes) {
			this.addMinute(start, bucket);
		}

		for (const [mine, theirs, cap] of [
			[this.targets, other.targets, maxTargets],
			[this.undispatched, other.undispatched, maxGroups],
		] as const) {
			for (const [key, state] of theirs) {
				const known = mine.get(key);
				if (known !== undefined) {
					known.merge(state);
				} else if (mine.size < cap) {
					mine.set(key, state.copy());
				} else {
					this.untracked += state.tally.requests;
				}
			}
		}
	}

	view(options: RequestsViewOptions): RequestsView {
		const coverage = options.coverage ?? this.coverageFromEntries();
		const minutes =
			coverage === undefined ? 1 : Math.max(1, (coverage.end - coverage.start) / 60_000);
		const states = [...this.targets.values()];
		// The LB-wide lists plus each target's own examples, so every target's finding has rows.
		const examples = (
			list: RankedList<RequestRecord>,
			pick: (state: TargetState) => readonly RequestRecord[],
			compare: (a: RequestRecord, b: RequestRecord) => number,
		) => {
			const byId = new Map(
				[...list.values, ...states.flatMap(pick)].map((record) => [record.id, record]),
			);
			return [...byId.values()].sort(compare);
		};

		return {
			precision: options.precision,
			percentiles: 'sketch',
			...(coverage === undefined ? {} : {coverage, dataThrough: coverage.end}),
			entriesRead: this.entries,
			malformedEntries: options.malformedEntries ?? 0,
			totals: this.totals.counts(),
			targets: states.map((state) => state.targetStats(minutes)).sort(worstFirst),
			untrackedRequests: this.untracked,
			notDispatched: [...this.undispatched.values()].map((state) => state.notDispatchedStats()),
			timeline: [...this.minutes]
				.sort((a, b) => a[0] - b[0])
				.map(([start, bucket]): RequestBucket => ({start, ...bucket})),
			tlsProtocols: this.tlsProtocols.top(),
			slowest: examples(this.slowest, (state) => state.slowest.values, bySlowest),
			failing: examples(this.failing, (state) => state.failing.values, byNewest),
			queriesShown: options.queriesShown === true,
		};
	}

	private stateFor(
		states: Map<string, TargetState>,
		cap: number,
		target: string,
		group: string | undefined,
		entry: RequestRecord | undefined,
	): TargetState | undefined {
		const key = `${target}|${group ?? ''}`;
		const known = states.get(key);
		if (known !== undefined || states.size >= cap) {
			return known;
		}

		const state = new TargetState(target, group, entry?.targetAddr, entry?.targetPort);
		states.set(key, state);
		return state;
	}

	private addMinute(time: number, counts: Bucket): void {
		const start = Math.floor(time / 60_000) * 60_000;
		const bucket = this.minutes.get(start) ?? {
			requests: 0,
			target5xx: 0,
			elb5xx: 0,
			notDispatched: 0,
		};
		bucket.requests += counts.requests;
		bucket.target5xx += counts.target5xx;
		bucket.elb5xx += counts.elb5xx;
		bucket.notDispatched += counts.notDispatched;
		this.minutes.set(start, bucket);
		if (this.minutes.size > maxMinutes) {
			this.minutes.delete(Math.min(...this.minutes.keys()));
		}
	}

	private coverageFromEntries(): {start: number; end: number} | undefined {
		const {firstSeen, lastSeen} = this.totals;
		if (firstSeen === undefined || lastSeen === undefined) {
			return undefined;
		}

		return {
			start: Math.floor(firstSeen / 60_000) * 60_000,
			end: Math.ceil((lastSeen + 1) / 60_000) * 60_000,
		};
	}
}

const failures = (row: {target5xx: number; elb5xx: number; noAnswer: number}) =>
	row.target5xx + row.elb5xx + row.noAnswer;

function worstFirst(
	a: {target: string; requests: number; target5xx: number; elb5xx: number; noAnswer: number},
	b: typeof a,
): number {
	return failures(b) - failures(a) || b.requests - a.requests || a.target.localeCompare(b.target);
}

export function aggregateRequests(
	entries: Iterable<RequestRecord>,
	options: RequestsViewOptions,
): RequestsView {
	const accumulator = new RequestsAccumulator();
	for (const entry of entries) {
		accumulator.add(entry);
	}

	return accumulator.view(options);
}
