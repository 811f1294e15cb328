// The access logs source: an ALB's requests per target, an NLB's TLS handshakes per listener,
// from the load balancer's access log objects in S3 (where discovery found them).
//
// Why it reads the way it does:
// - ELB writes one file per node per 5 minutes, named by the interval's END time, a few minutes
//   late. Each poll lists only new keys (per delivery day, StartAfter) and reads each object once,
//   newest first, within a read budget of entries per poll: what the budget leaves is read on the
//   next polls, and until then the figures say `sampled`.
// - The objects are the fresh edge: a target failing for three minutes shows as soon as its
//   node's file lands. Athena (one runner, shared with nothing held between them but the cost)
//   gives exact figures when the objects cannot cover the window within the budget and a table
//   exists; it is asked once per new interval at most, since the user guide's table prunes by day
//   only and every query scans the whole day.
// - Failures back off from the refresh interval as every source's do, and a bucket lbtop may not
//   read becomes a gap naming the action and --logs-profile.
import {AthenaRunner} from '../aws/athena-runner.js';
import {parseLoadBalancerArn} from '../domain/load-balancer-arn.js';
import {AccessLogAthena} from './access-logs-athena.js';
import {consumeLines} from './access-logs-consume.js';
import {
	type AccessLogQueries,
	askAthena,
	type Figures,
	type HeldAnswer,
} from './access-logs-exact.js';
import {Intervals} from './access-logs-intervals.js';
import {AccessLogObjects, type ObjectStore} from './access-logs-objects.js';
import {s3ObjectStore} from './access-logs-s3.js';
import {withAccessLogFailure, withAccessLogFigures} from './access-logs-updates.js';
import {athenaCosting, s3RequestCounter} from './data-lake-costing.js';
import {linkedSignal} from './linked-signal.js';
import type {SourceEnvironment, SourceFactory} from './source.js';

export type AccessLogsSourceOptions = {
	/** Entries read per poll; the rest of the window waits for the next polls. */
	readonly readBudget?: number;
	/** The objects' store; S3 through the shared reader by default (tests pass a fake). */
	readonly objectStore?: (environment: SourceEnvironment, bucket: string) => ObjectStore;
	readonly athena?: (environment: SourceEnvironment) => AccessLogQueries;
};

export type {AccessLogQueries} from './access-logs-exact.js';

export const defaultReadBudget = 200_000;
type Held = {
	readonly key: string;
	readonly objects: AccessLogObjects;
	readonly intervals: Intervals;
	objectsRead: number;
	athena?: HeldAnswer | undefined;
};

export const createAccessLogsSource =
	(options: AccessLogsSourceOptions = {}): SourceFactory =>
	(environment) => {
		const {store} = environment;
		const {requests, flush: flushRequests} = s3RequestCounter(store);
		const runner = new AthenaRunner(environment.clients, athenaCosting(store));
		const athena =
			options.athena?.(environment) ??
			new AccessLogAthena(environment.clients, runner, environment.config);
		const storeFor =
			options.objectStore ??
			((env: SourceEnvironment, bucket: string) => s3ObjectStore(env.clients, bucket, requests));
		const budget = options.readBudget ?? defaultReadBudget;
		const disposed = new AbortController();
		let held: Held | undefined;
		let inFlight: Promise<void> | undefined;

		const run = async (signal: AbortSignal): Promise<void> => {
			const snapshot = store.getSnapshot();
			const {topology, accessLogs} = snapshot;
			const lb = topology === undefined ? undefined : parseLoadBalancerArn(topology.arn);
			const access = accessLogs?.access;
			if (
				topology === undefined ||
				lb === undefined ||
				access === undefined ||
				lb.type === 'gateway'
			) {
				held = undefined;
				if (snapshot.requests !== undefined || snapshot.tls !== undefined) {
					store.update(({requests: _r, tls: _t, ...rest}) => rest);
				}
				return;
			}

			const location = {
				bucket: access.bucket,
				prefix: access.prefix,
				account: lb.account,
				region: lb.region,
			};
			const kind = lb.type === 'application' ? 'requests' : 'tls';
			const key = `${access.location} ${lb.type} ${lb.id}`;
			if (held?.key !== key) {
				held = {
					key,
					objects: new AccessLogObjects(
						location,
						{type: lb.type, name: lb.name, id: lb.id},
						storeFor(environment, access.bucket),
					),
					intervals: new Intervals(kind),
					objectsRead: 0,
				};
			}

			const state = held;
			const now = environment.now();
			const from = now - environment.config.windowMs;
			try {
				await state.objects.listNew(from, now, signal);
				const outcome = await state.objects.read(
					from,
					budget,
					(object, lines) => consumeLines(lines, state.intervals.reader(object)),
					signal,
				);
				state.objectsRead += outcome.read;
			} finally {
				flushRequests();
			}

			state.objects.evictBefore(from);
			state.intervals.evictBefore(from);
			const unread = state.objects.unreadSince(from);
			const newestEnd = state.intervals.newestEnd;
			const precision = unread > 0 ? 'sampled' : 'provisional';
			const fromObjects = state.intervals.view(precision);
			let figures: Figures =
				fromObjects === undefined
					? {}
					: fromObjects.kind === 'requests'
						? {requests: fromObjects.view}
						: {tls: fromObjects.view};
			const choice = await athena.table(lb.type, access.location, now, signal);
			const table =
				choice.kind === 'table' ? `${choice.table.database}.${choice.table.name}` : undefined;
			const notes = choice.kind === 'none' ? [choice.note] : [];
			// Athena only where the objects cannot cover the window within the read budget.
			const exact =
				choice.kind === 'table' && unread > 0 && newestEnd !== undefined
					? await askAthena(athena, state, {
							kind,
							table: choice.table,
							range: {elb: lb.resourceTail, start: from, end: newestEnd},
							windowMs: environment.config.windowMs,
							now,
							signal,
						})
					: undefined;
			if (exact?.note !== undefined) {
				notes.push(exact.note);
			}

			const basis = exact?.figures === undefined ? 'objects' : 'athena';
			if (exact?.figures !== undefined) {
				figures = exact.figures;
			} else {
				notes.unshift(
					unread > 0
						? `from the objects read: ${unread} of the window's files not read yet (read budget)`
						: 'from the objects read',
				);
			}

			const dataThrough = newestEnd;
			store.update((current) =>
				withAccessLogFigures(current, {
					...figures,
					reads: {
						basis,
						...(table === undefined ? {} : {table}),
						objectsRead: state.objectsRead,
						objectsUnread: unread,
						state: {
							status: 'ok',
							fetchedAt: now,
							...(dataThrough === undefined ? {} : {dataThrough}),
							note: notes.join('; '),
						},
					},
				}),
			);
		};

		return {
			name: 'access-logs',
			intervalMs: () => environment.config.refreshMs,
			iamAction: 's3:GetObject',
			async run(signal) {
				if (disposed.signal.aborted) {
					return;
				}

				const linked = linkedSignal(signal, disposed.signal);
				const running = run(linked.signal);
				inFlight = running;
				try {
					await running;
				} finally {
					linked.release();
					if (inFlight === running) {
						inFlight = undefined;
					}
				}
			},
			recordFailure(error, retryAt) {
				store.update((snapshot) => withAccessLogFailure(snapshot, error, retryAt));
			},
			// An Athena query still running is stopped by the aborted run (the runner's own
			// StopQueryExecution); exit waits for it, so none is left scanning.
			async dispose() {
				disposed.abort();
				await inFlight?.catch(() => undefined);
			},
		};
	};

export const accessLogsSource: SourceFactory = createAccessLogsSource();
