// The flows source: VPC Flow Logs of the load balancer's and its targets' interfaces, as paired
// connection rows and accept/reject aggregates, at a cost the user can see and live with.
//
// Why it reads the way it does (DESIGN.md, cost model):
// - Logs Insights bills every byte of the queried log groups in the time range, whatever the query
//   filters; flow log groups are often VPC-wide. Re-running one query over the window every refresh
//   would scan each byte dozens of times. So Insights answers only settled time (a bucket has
//   settled once its end plus the aggregation interval plus a delivery allowance has passed: about
//   6 minutes at 60-s aggregation, 15 at 600-s), and each settled range is asked for once: the
//   window's settled part in one backfill at start, then each newly settled stretch once a batch
//   has piled up. A range is asked for by the two `stats` queries of buildAggregateQueries
//   (timeline and sources: folding them into one would return a row per client port), each once.
//   Held answers are cut as the window slides; nothing settled is ever re-queried (unless what is
//   read changes: a new target or flow log restarts the held figures).
// - FilterLogEvents has no scan charge and can be scoped to the interfaces' own streams (found with
//   DescribeLogStreams by the `eni-<id>` prefix, since the `-all` suffix is unverified). It gives
//   the still-settling fresh edge provisional aggregates, re-reading only unsettled time each
//   refresh and merging events by eventId, and it gives the raw records the paired rows need:
//   the newest few thousand, REJECTs kept first, with `sampled` set when more matched.
// - Records are parsed by the format of the flow log that covers each interface; lines that do not
//   parse are counted as malformed, never thrown.
// - Every query's bytes scanned goes into the snapshot's cost. Queries still running are stopped
//   when the run is aborted (pause, exit) and on dispose.
import {InsightsRunner} from '../aws/insights-runner.js';
import {
	buildFlowsView,
	defaultBucketSeconds,
	type ExactSlice,
	emptyRawHold,
	type FeedPlan,
	feedKey,
	type HeldRecord,
	mergeRawRead,
	planFeeds,
	planWindow,
	type RawHold,
	type WindowPlan,
} from '../domain/flows-window/index.js';
import type {Topology} from '../domain/types/topology.js';
import {queryExactSlice} from './flows-exact.js';
import {defaultReadBudget, readRawRecords} from './flows-raw.js';
import {StreamDirectory} from './flows-streams.js';
import {withCost, withFlowsUnavailable, withFlowsView} from './flows-updates.js';
import type {SourceFactory} from './source.js';

type Held = {
	readonly key: string;
	slices: ExactSlice[];
	raw: RawHold;
	rawHorizon?: number;
	busy: ReadonlySet<string>;
};

const bucketSeconds = defaultBucketSeconds;

export const flowsSource: SourceFactory = (environment) => {
	const {store} = environment;
	const runner = new InsightsRunner(environment.clients, {
		onScanned: (bytes) => store.update((snapshot) => withCost(snapshot, 0, bytes)),
	});
	const streams = new StreamDirectory(environment.clients);
	const disposed = new AbortController();
	let held: Held | undefined;
	let inFlight: Promise<void> | undefined;

	const refresh = async (signal: AbortSignal): Promise<void> => {
		const topology = store.getSnapshot().topology;
		if (topology === undefined) {
			// Discovery asks for a refresh once it has the topology.
			return;
		}

		const feeds = planFeeds(topology);
		if (feeds.feeds.length === 0) {
			held = undefined;
			store.update((snapshot) => withFlowsUnavailable(snapshot, topology, feeds));
			return;
		}

		const key = feedKey(feeds);
		const state: Held =
			held?.key === key ? held : {key, slices: [], raw: emptyRawHold, busy: new Set()};
		held = state;
		const now = environment.now();
		const plan = planWindow(
			Math.floor(now / 1000),
			{
				windowSeconds: environment.config.windowMs / 1000,
				aggregationSeconds: feeds.aggregationSeconds,
				bucketSeconds,
			},
			{
				exact: state.slices.map((slice) => slice.range),
				...(state.rawHorizon === undefined ? {} : {rawHorizon: state.rawHorizon}),
			},
		);
		state.slices = state.slices.filter((slice) => slice.range.end > plan.windowStart);

		const exact = startExactQuery(plan, feeds, topology, signal);
		let edge: readonly HeldRecord[] = [];
		let readError: {readonly error: unknown} | undefined;
		try {
			const feedStreams = await streams.streamsOf(feeds.feeds, now, signal);
			const result = await readRawRecords(
				environment.clients,
				feedStreams,
				plan.read,
				{bucketSeconds, budget: defaultReadBudget, busy: state.busy},
				signal,
			).catch((error: unknown) => {
				streams.forget();
				throw error;
			});
			state.raw = mergeRawRead(state.raw, result.read, {keepFrom: plan.rawFrom});
			state.rawHorizon = plan.horizon;
			state.busy = result.busy;
			edge = result.read.records;
			write(topology, feeds, plan, state, edgeFrom(edge, plan.exactThrough), now);
		} catch (error) {
			readError = {error};
		}

		const answered = await exact;
		if (answered?.ok === true) {
			state.slices = [...state.slices, answered.slice];
			if (readError === undefined) {
				write(topology, feeds, plan, state, edgeFrom(edge, plan.provisionalFrom), now);
			}
		}

		if (readError !== undefined) {
			throw readError.error;
		}

		if (answered?.ok === false) {
			throw answered.error;
		}
	};

	type Answer = {ok: true; slice: ExactSlice} | {ok: false; error: unknown};

	const startExactQuery = (
		plan: WindowPlan,
		feeds: FeedPlan,
		topology: Topology,
		signal: AbortSignal,
	): Promise<Answer> | undefined => {
		const range = plan.query;
		if (range === undefined) {
			return undefined;
		}

		return queryExactSlice(
			runner,
			feeds.feeds,
			topology,
			range,
			{bucketSeconds, onStart: () => store.update((snapshot) => withCost(snapshot, 1, 0))},
			signal,
		).then(
			(slice): Answer => ({ok: true, slice}),
			(error: unknown): Answer => ({ok: false, error}),
		);
	};

	const write = (
		topology: Topology,
		feeds: FeedPlan,
		plan: WindowPlan,
		state: Held,
		edge: readonly HeldRecord[],
		now: number,
	) => {
		const view = buildFlowsView({
			topology,
			slices: state.slices,
			windowStart: plan.windowStart,
			edge: edge.map((held) => held.record),
			raw: state.raw,
			aggregationSeconds: feeds.aggregationSeconds,
			bucketSeconds,
		});
		store.update((snapshot) => withFlowsView(snapshot, view, feeds, now));
	};

	return {
		name: 'flows',
		intervalMs: environment.config.refreshMs,
		iamAction: 'logs:FilterLogEvents',
		async run(signal) {
			if (disposed.signal.aborted) {
				return;
			}

			const running = refresh(AbortSignal.any([signal, disposed.signal]));
			inFlight = running;
			try {
				await running;
			} finally {
				if (inFlight === running) {
					inFlight = undefined;
				}
			}
		},
		async dispose() {
			disposed.abort();
			await inFlight?.catch(() => undefined);
		},
	};
};

function edgeFrom(records: readonly HeldRecord[], fromSeconds: number): HeldRecord[] {
	const fromMs = fromSeconds * 1000;
	return records.filter((held) => held.timestamp >= fromMs);
}
