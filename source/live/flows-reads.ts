// The two kinds of flows run (flows-source.ts says when each is due): a full read of the whole
// unsettled stretch, followed by Insights for a newly settled stretch when one is due, and a fresh
// read of the newest stretch alone. Each writes the view when it has something new to show.
import {
	buildFlowsView,
	defaultBucketSeconds,
	deliveryTiming,
	type ExactSlice,
	type FeedPlan,
	planWindow,
	type TimeRange,
	type WindowPlan,
	withCoverage,
} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';
import {recordCounts} from './flows-exact.js';
import {
	applyFreshRead,
	applyFullRead,
	applyRowsBackfill,
	edgeFrom,
	type Held,
	heldCoverage,
} from './flows-held.js';
import {defaultReadBudget, type FeedStreams} from './flows-raw.js';
import type {FlowsReader} from './flows-reader.js';
import {withCost, withFlowsView} from './flows-updates.js';
import {keepFlowsView} from './keep-rows.js';
import type {Timers} from './poller.js';
import {sameJson} from './same-content.js';
import {settlesWithin} from './sleep.js';
import type {SourceEnvironment} from './source.js';

const bucketSeconds = defaultBucketSeconds;
/**
 * The fresh edge's cadence: well under the 5 s `aws logs tail` polls at, for half a FilterLogEvents
 * call a second per feed (the account's quota is a few calls a second: aws-facts.md §7).
 */
export const freshEdgeMs = 2000;
/**
 * How far before the newest held record a fresh read starts: a one-minute capture window's records
 * may reach CloudWatch Logs in more than one batch, the later ones older than what is held.
 */
const freshOverlapMs = 60_000;

export type Run = {
	readonly topology: Topology;
	readonly feeds: FeedPlan;
	readonly feedStreams: readonly FeedStreams[];
	readonly state: Held;
	readonly signal: AbortSignal;
};

export type ReadsOptions = {
	readonly environment: SourceEnvironment;
	/** Reads each feed by its delivery path (CloudWatch Logs or S3). */
	readonly reader: FlowsReader;
	readonly timers: Timers;
	/** A stretch whose full read counted fewer records than this is asked for in one query. */
	readonly combinedBelow: number;
	/** Events the rows' backfill reads per feed. */
	readonly backfillBudget: number;
};

type Answer = {ok: true; slice: ExactSlice} | {ok: false; error: unknown};

export class FlowsReads {
	constructor(private readonly options: ReadsOptions) {}

	/**
	 * The whole unsettled stretch; then, after a longer window was asked for, the rows of the
	 * settled time it newly covers; then Insights for the settled stretch that is due, if any.
	 */
	async full(run: Run, now: number): Promise<void> {
		const {state, signal} = run;
		const plan = this.planAt(run, now);
		state.fullAt = now;
		state.fullDue = false;
		state.windowMs = this.options.environment.config.windowMs;
		const {reader} = this.options;
		const result = await reader
			.readRaw(
				run.feedStreams,
				plan.read,
				{bucketSeconds, budget: defaultReadBudget, busy: state.busy, known: state.known},
				signal,
			)
			.catch((error: unknown) => this.forgetStreams(error));
		applyFullRead(state, plan, result);
		this.write(run, plan, now);
		const reads = [result];
		if (plan.rowsBackfill !== undefined) {
			const backfill = await reader
				.readRowsBackfill(
					run.feedStreams,
					plan.rowsBackfill,
					{bucketSeconds, budget: this.options.backfillBudget},
					signal,
				)
				.catch((error: unknown) => this.forgetStreams(error));
			applyRowsBackfill(state, plan, backfill);
			reads.push(backfill);
			this.write(run, plan, now);
		}

		if (plan.query === undefined) {
			return;
		}

		const counts = recordCounts(reads, plan.query).map((count) =>
			count !== undefined && count < this.options.combinedBelow ? count : undefined,
		);
		const exact = this.startExactQuery(run, plan.query, counts);
		// Insights takes seconds to answer; the fresh edge keeps its cadence meanwhile. Whatever ends
		// the wait (an abort, a failed read), the query is seen through to its end or its StopQuery.
		let failure: {readonly error: unknown} | undefined;
		try {
			while (!(await settlesWithin(exact, this.options.timers, freshEdgeMs, signal))) {
				await this.fresh(run);
			}
		} catch (error) {
			failure = {error};
		}

		const answered = await exact;
		if (answered.ok) {
			// A longer window's answer goes before the held ones: they stay in time order.
			state.slices = [...state.slices, answered.slice].sort(
				(left, right) => left.range.start - right.range.start,
			);
			const later = this.options.environment.now();
			const laterPlan = this.planAt(run, later);
			this.write(run, laterPlan, later);
		}

		if (failure !== undefined) {
			throw failure.error;
		}

		if (!answered.ok) {
			throw answered.error;
		}
	}

	/** Only what is newer than the held records; writes only when something new came. */
	async fresh(run: Run): Promise<void> {
		const {state, signal} = run;
		const readFrom = state.readFrom;
		if (readFrom === undefined) {
			return;
		}

		const now = this.options.environment.now();
		const fromMs = readFrom * 1000;
		const fresh = await this.options.reader
			.readFresh(
				run.feedStreams,
				{
					bucketSeconds,
					// A busy feed is sampled newest minute first by the full read; a page of its oldest
					// events would add nothing.
					since: run.feedStreams.map(({feed}, index) =>
						state.busy.has(feed.logGroupName)
							? undefined
							: Math.max(fromMs, (state.newest[index] ?? fromMs) - freshOverlapMs),
					),
					untilMs: (Math.floor(now / 1000) + 1) * 1000 - 1,
					known: state.known,
				},
				signal,
			)
			.catch((error: unknown) => this.forgetStreams(error));
		const plan = this.planAt(run, now);
		if (applyFreshRead(state, plan, fresh)) {
			this.write(run, plan, now);
		}
	}

	/** A stream named in FilterLogEvents that no longer exists fails the call: look again. */
	private forgetStreams(error: unknown): never {
		this.options.reader.forget();
		throw error;
	}

	private planAt({state, feeds}: Run, now: number): WindowPlan {
		const plan = planWindow(
			Math.floor(now / 1000),
			{
				windowSeconds: this.options.environment.config.windowMs / 1000,
				aggregationSeconds: feeds.aggregationSeconds,
				bucketSeconds,
				...deliveryTiming(feeds),
			},
			{
				exact: state.slices.map((slice) => slice.range),
				...(state.rawHorizon === undefined ? {} : {rawHorizon: state.rawHorizon}),
				...(state.rowsFrom === undefined ? {} : {rowsFrom: state.rowsFrom}),
			},
		);
		// The same array while nothing slid out, so the merged exact figures are reused.
		if (state.slices.some((slice) => slice.range.end <= plan.windowStart)) {
			state.slices = state.slices.filter((slice) => slice.range.end > plan.windowStart);
		}

		// Records older than the window are dropped: a longer window has to read them again.
		if (state.rowsFrom !== undefined && state.rowsFrom < plan.windowStart) {
			state.rowsFrom = plan.windowStart;
		}

		return plan;
	}

	private startExactQuery(
		run: Run,
		range: TimeRange,
		recordCounts: readonly (number | undefined)[],
	): Promise<Answer> {
		const {store} = this.options.environment;
		return this.options.reader
			.queryExact(
				run.feeds.feeds,
				run.topology,
				range,
				{
					bucketSeconds,
					recordCounts,
					onStart: () => store.update((snapshot) => withCost(snapshot, 1, 0)),
				},
				run.signal,
			)
			.then(
				(slice): Answer => ({ok: true, slice}),
				(error: unknown): Answer => ({ok: false, error}),
			);
	}

	/** The held exact answers, the provisional edge from where they end, the rows, what each covers. */
	private write(run: Run, plan: WindowPlan, now: number): void {
		const {state} = run;
		const view = withCoverage(
			buildFlowsView({
				topology: run.topology,
				slices: state.slices,
				windowStart: plan.windowStart,
				edge: edgeFrom(state.edge, plan.exactThrough).map((held) => held.record),
				raw: state.raw,
				aggregationSeconds: run.feeds.aggregationSeconds,
				bucketSeconds,
				now,
			}),
			heldCoverage(state, plan.windowStart),
			{raw: state.raw, slices: state.slices, bucketSeconds},
		);
		const {reader} = this.options;
		const feeds = {...run.feeds, problems: [...run.feeds.problems, ...reader.notes()]};
		const next = {...view, via: reader.via()};
		// A read that brought nothing new keeps the view held, and one that did keeps every row that
		// did not change, so what follows from them (the findings, the panes' rows) is
		// not worked out again.
		this.options.environment.store.update((snapshot) => {
			const held = snapshot.flows;
			const kept = held === undefined ? next : keepFlowsView(held, next);
			return withFlowsView(
				snapshot,
				held !== undefined && sameJson(held, kept) ? held : kept,
				feeds,
				now,
			);
		});
	}
}
