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
//   has piled up. A stretch is asked for by one combined `stats` query when the raw reads counted
//   fewer records in it than Insights returns rows (each byte scanned once), else by the timeline
//   and sources queries (twice; flows-exact.ts). Held answers are cut as the window slides; nothing
//   settled is ever re-queried (unless what is read changes: a new target or flow log restarts the
//   held figures). A longer window (`t`, or a window after a shorter one) asks once for the settled
//   time before the held answers; until that answer is in, the view's `aggregatesFrom` says where
//   the aggregates start and the panes say the rest is loading.
// - FilterLogEvents has no scan charge and can be scoped to the interfaces' own streams (found with
//   DescribeLogStreams by the `eni-<id>` prefix, since the `-all` suffix is unverified). It gives
//   the still-settling fresh edge provisional aggregates and the raw records the paired rows need:
//   the newest few thousand over the whole window, REJECTs kept first, with `sampled` set when the
//   window has more (settled time a longer window newly covers is read for them once, REJECTs
//   first, within a budget: flows-backfill.ts). It is read at two cadences: every refresh (10 s by
//   default) the whole unsettled stretch, since a late delivery may land anywhere in it, merged by
//   eventId (events met before are not parsed again); and every 2 s in between, the newest stretch
//   alone (a call per feed, busy feeds left to the full read; flows-fresh.ts), so a record shows
//   sooner than `aws logs tail` (5-s polls) shows it; `r` asks for a full read at once. Runs never
//   overlap: the poller runs the source every 2 s and each run decides which read is due; while
//   an Insights query of a full run is answered, the run keeps reading the fresh edge at that
//   cadence. After a failure the source backs off from the refresh interval, as every source
//   does, and reads whole again.
// - Records are parsed by the format of the flow log that covers each interface; lines that do not
//   parse are counted as malformed, never thrown.
// - Every query's bytes scanned goes into the snapshot's cost. Queries still running are stopped
//   when the run is aborted (exit) and on dispose; pausing the screen stops nothing.
import {InsightsRunner} from '../aws/insights-runner.js';
import {insightsRowLimit} from '../domain/flows-window/index.js';
import {emptyHeld, type Held} from './flows-held.js';
import {logsReader} from './flows-logs-reader.js';
import {feedPlanner} from './flows-plan.js';
import {defaultReadBudget} from './flows-raw.js';
import {combinedReader, lazyReader} from './flows-reader.js';
import {FlowsReads, freshEdgeMs, type Run} from './flows-reads.js';
import {withCost, withFlowsUnavailable} from './flows-updates.js';
import {linkedSignal} from './linked-signal.js';
import {realTimers} from './poller.js';
import type {SourceFactory} from './source.js';

export {freshEdgeMs} from './flows-reads.js';

export type FlowsSourceOptions = {
	/**
	 * A settled stretch whose full read counted fewer records than this is asked for with one
	 * combined query; 0 always asks the timeline and sources queries. Insights' row limit by default.
	 */
	readonly combinedBelowRecords?: number;
	/** Events the rows' backfill of a longer window reads per feed; the raw read budget by default. */
	readonly backfillBudget?: number;
};

export const createFlowsSource =
	(options: FlowsSourceOptions = {}): SourceFactory =>
	(environment) => {
		const {store} = environment;
		const runner = new InsightsRunner(environment.clients, {
			onScanned: (bytes) => store.update((snapshot) => withCost(snapshot, 0, bytes)),
		});
		const reader = combinedReader({
			logs: once(() => logsReader(environment.clients, runner)),
			s3: once(() =>
				lazyReader(
					() => import('./flows-s3-reader.js').then(({s3Reader}) => s3Reader(environment)),
					'S3',
				),
			),
		});
		const reads = new FlowsReads({
			environment,
			reader,
			timers: environment.timers ?? realTimers,
			combinedBelow: options.combinedBelowRecords ?? insightsRowLimit,
			backfillBudget: options.backfillBudget ?? defaultReadBudget,
		});
		const disposed = new AbortController();
		const plan = feedPlanner();
		let held: Held | undefined;
		let inFlight: Promise<void> | undefined;
		let failed = false;

		const isFullDue = (state: Held, now: number): boolean =>
			state.fullAt === undefined ||
			state.fullDue ||
			state.windowMs !== environment.config.windowMs ||
			now - state.fullAt >= environment.config.refreshMs;

		const refresh = async (signal: AbortSignal): Promise<void> => {
			const topology = store.getSnapshot().topology;
			if (topology === undefined) {
				// Discovery asks for a refresh once it has the topology.
				return;
			}

			const {feeds, key} = plan(topology, environment.config);
			if (feeds.feeds.length === 0) {
				held = undefined;
				store.update((snapshot) => withFlowsUnavailable(snapshot, topology, feeds));
				return;
			}

			const state = held?.key === key ? held : emptyHeld(key);
			held = state;
			const now = environment.now();
			const feedStreams = await reader.scope(feeds.feeds, now, signal);
			const run: Run = {topology, feeds, feedStreams, state, signal};
			await (isFullDue(state, now) ? reads.full(run, now) : reads.fresh(run));
		};

		return {
			name: 'flows',
			// The fresh edge's cadence while all is well, landing on the next full read when it is
			// near; the refresh interval otherwise, so failures back off from it as every source's do.
			intervalMs: () => {
				const {refreshMs} = environment.config;
				if (failed || held?.fullAt === undefined) {
					return refreshMs;
				}

				const untilFull = held.fullAt + refreshMs - environment.now();
				return Math.max(freshEdgeMs / 4, Math.min(freshEdgeMs, refreshMs, untilFull));
			},
			iamAction: 'logs:FilterLogEvents',
			// `r` means "read it all again", not only the newest events.
			refreshRequested() {
				if (held !== undefined) {
					held.fullDue = true;
				}
			},
			async run(signal) {
				if (disposed.signal.aborted) {
					return;
				}

				const linked = linkedSignal(signal, disposed.signal);
				const running = refresh(linked.signal);
				inFlight = running;
				try {
					await running;
					failed = false;
				} catch (error) {
					failed = true;
					// The next attempt reads the unsettled stretch whole again.
					if (held !== undefined) {
						held.fullDue = true;
					}

					throw error;
				} finally {
					linked.release();
					if (inFlight === running) {
						inFlight = undefined;
					}
				}
			},
			async dispose() {
				disposed.abort();
				await inFlight?.catch(() => undefined);
				await reader.dispose?.();
			},
		};
	};

export const flowsSource: SourceFactory = createFlowsSource();

function once<T>(make: () => T): () => T {
	let made: {readonly value: T} | undefined;
	return () => {
		made ??= {value: make()};
		return made.value;
	};
}
