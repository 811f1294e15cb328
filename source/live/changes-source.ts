// Who changed what on the watched LB and its path: CloudTrail LookupEvents, read incrementally.
// The first run reads the lookback; later runs re-read only the last read's delivery overlap,
// and fill in what a page-bounded first read, or a longer window, could not reach yet (the view
// says how far back every lookup has read). Held events survive a failed run:
// the snapshot keeps them and the engine marks the source stale.
import {lookupEvents} from '../aws/cloudtrail.js';
import {summarizeCloudTrailEvents} from '../domain/changes/index.js';
import {
	coverageAfter,
	newestEventTime,
	oldestEventTime,
} from '../domain/changes/lookup-coverage.js';
import {mergeChanges} from '../domain/changes/lookup-events.js';
import {
	attributeKey,
	backfillRequest,
	type Coverage,
	freshRequest,
	type LookupAttribute,
	type LookupRequest,
	lookbackMs,
	lookupAttributes,
} from '../domain/changes/lookup-plan.js';
import type {ChangeEvent, ChangesView} from '../domain/snapshot.js';
import type {Topology} from '../domain/types/topology.js';
import {type CallSpacer, createCallSpacer} from './call-spacer.js';
import {realTimers, type Timers} from './poller.js';
import {succeededState, withSource, writtenAt} from './snapshot-updates.js';
import type {SourceEnvironment, SourceFactory} from './source.js';

export type ChangesSourceOptions = {
	/** Tests shorten it; see lookupCallSpacingMs. */
	readonly minCallSpacingMs?: number;
	readonly timers?: Timers;
};

/** CloudTrail is minutes late anyway; polling faster would only spend the shared rate limit. */
const pollIntervalMs = 60_000;
/**
 * LookupEvents allows 2 requests/s per account and region: 500 ms apart, plus room for the few
 * milliseconds between the spacer's slot and the SDK putting the request on the wire.
 */
const lookupCallSpacingMs = 550;

type Held = {
	events: readonly ChangeEvent[];
	readonly coverage: Map<string, Coverage>;
	/** Newest event time CloudTrail has returned so far. */
	newestSeen?: number;
};

export function createChangesSource(options: ChangesSourceOptions = {}): SourceFactory {
	return (environment) => {
		const spacer = createCallSpacer(
			options.minCallSpacingMs ?? lookupCallSpacingMs,
			options.timers ?? realTimers,
		);
		const held: Held = {events: [], coverage: new Map()};
		return {
			name: 'changes',
			intervalMs: pollIntervalMs,
			iamAction: 'cloudtrail:LookupEvents',
			async run(signal) {
				const {topology} = environment.store.getSnapshot();
				if (topology === undefined) {
					// Nothing to match events against yet; discovery asks for a run once it has one.
					return;
				}
				const now = environment.now();
				const lookback = lookbackMs(environment.config.windowMs);
				const reader = {environment, spacer, signal, topology, held};
				for (const attribute of lookupAttributes) {
					await readAttribute(reader, attribute, now, lookback);
				}
				publish(environment, held, now);
			},
		};
	};
}

export const changesSource: SourceFactory = createChangesSource();

type Reader = {
	readonly environment: SourceEnvironment;
	readonly spacer: CallSpacer;
	readonly signal: AbortSignal;
	readonly topology: Topology;
	readonly held: Held;
};

async function readAttribute(
	reader: Reader,
	attribute: LookupAttribute,
	now: number,
	lookback: number,
): Promise<void> {
	const key = attributeKey(attribute);
	const fresh = freshRequest(attribute, reader.held.coverage.get(key), now, lookback);
	const pagesUsed = await read(reader, key, fresh);
	const coverage = reader.held.coverage.get(key);
	const backfill =
		coverage === undefined
			? undefined
			: backfillRequest(attribute, coverage, now, lookback, fresh.maxPages - pagesUsed);
	if (backfill !== undefined) {
		await read(reader, key, backfill);
	}
}

/** Reads one request and folds it in at once, so a later failure in the run loses nothing read. */
async function read(reader: Reader, key: string, request: LookupRequest): Promise<number> {
	const {environment, held, signal} = reader;
	const result = await lookupEvents(environment.clients, request, {
		signal,
		beforeEachCall: () => reader.spacer.wait(signal),
	});
	const oldest = oldestEventTime(result.events);
	held.coverage.set(
		key,
		coverageAfter(held.coverage.get(key), request, {
			complete: result.complete,
			...(oldest === undefined ? {} : {oldestEventTime: oldest}),
		}),
	);
	const {events} = summarizeCloudTrailEvents(result.events);
	held.events = mergeChanges(held.events, events, reader.topology);
	// Every event returned counts, reads included: lbtop's own discovery calls show up in the ELB
	// source within minutes, so the newest one tracks how far behind CloudTrail's delivery is.
	const newest = newestEventTime(result.events);
	if (newest !== undefined && (held.newestSeen === undefined || newest > held.newestSeen)) {
		held.newestSeen = newest;
	}
	return result.pages;
}

function publish(environment: SourceEnvironment, held: Held, now: number): void {
	// dataThrough is the newest event CloudTrail has delivered, not the time of the read: events
	// reach LookupEvents typically 5 and up to about 15 minutes after they happen, and the screen
	// should show that lag rather than claim the last minutes are known to be quiet.
	const coveredFrom = lookupAttributes.reduce<number | undefined>((latest, attribute) => {
		const from = held.coverage.get(attributeKey(attribute))?.from ?? now;
		return latest === undefined ? from : Math.max(latest, from);
	}, undefined);
	const changes: ChangesView = {
		events: held.events,
		...(held.newestSeen === undefined ? {} : {dataThrough: held.newestSeen}),
		...(coveredFrom === undefined ? {} : {coveredFrom}),
	};
	environment.store.update((snapshot) =>
		withSource(
			{...snapshot, changes, generatedAt: writtenAt(snapshot, now)},
			'changes',
			succeededState(snapshot.sources.changes, now, held.newestSeen),
		),
	);
}
