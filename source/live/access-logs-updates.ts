// How the access logs source writes the snapshot: its slices with their freshness in
// `accessLogs.reads`, a bucket it may not read as a gap, and what discovery's re-read keeps.
import {bucketUnreadableGap} from '../domain/access-logs/index.js';
import type {
	AccessLogReads,
	AccessLogsSetup,
	RequestsView,
	Snapshot,
	SourceError,
	SourceState,
	TlsView,
} from '../domain/snapshot.js';

export type Figures = {
	readonly requests?: RequestsView;
	readonly tls?: TlsView;
	readonly reads: AccessLogReads;
};

export function withAccessLogFigures(snapshot: Snapshot, figures: Figures): Snapshot {
	const setup = snapshot.accessLogs;
	if (setup === undefined) {
		return snapshot;
	}

	const {requests: _requests, tls: _tls, ...rest} = snapshot;
	return {
		...rest,
		...(figures.requests === undefined ? {} : {requests: figures.requests}),
		...(figures.tls === undefined ? {} : {tls: figures.tls}),
		accessLogs: {
			...setup,
			gaps: setup.gaps.filter((gap) => gap.kind !== 'bucket-unreadable'),
			reads: figures.reads,
		},
	};
}

/** A failed read keeps the figures held, marks them stale, and names a bucket lbtop may not read. */
export function withAccessLogFailure(
	snapshot: Snapshot,
	error: SourceError,
	retryAt: number,
): Snapshot {
	const setup = snapshot.accessLogs;
	if (setup === undefined) {
		return snapshot;
	}

	const previous: SourceState = setup.reads?.state ?? {status: 'pending'};
	const state: SourceState = {
		...previous,
		status: previous.fetchedAt === undefined ? 'error' : 'stale',
		error,
		retryAt,
	};
	const denied =
		error.kind === 'access-denied' &&
		(error.iamAction === 's3:ListBucket' || error.iamAction === 's3:GetObject');
	const gaps =
		denied && setup.access !== undefined
			? [
					...setup.gaps.filter((gap) => gap.kind !== 'bucket-unreadable'),
					bucketUnreadableGap(setup.access, error.iamAction as 's3:ListBucket' | 's3:GetObject'),
				]
			: setup.gaps;
	return {
		...snapshot,
		accessLogs: {
			...setup,
			gaps,
			reads: {
				basis: setup.reads?.basis ?? 'objects',
				...(setup.reads?.table === undefined ? {} : {table: setup.reads.table}),
				objectsRead: setup.reads?.objectsRead ?? 0,
				objectsUnread: setup.reads?.objectsUnread ?? 0,
				state,
			},
		},
	};
}

/**
 * Discovery re-reads the attributes every few minutes: the reads and a bucket-unreadable gap
 * found by the source stay while the logs go to the same place.
 */
export function keepReads(
	fresh: AccessLogsSetup,
	held: AccessLogsSetup | undefined,
): AccessLogsSetup {
	if (held?.access === undefined || fresh.access?.location !== held.access.location) {
		return fresh;
	}

	return {
		...fresh,
		gaps: [...fresh.gaps, ...held.gaps.filter((gap) => gap.kind === 'bucket-unreadable')],
		...(held.reads === undefined ? {} : {reads: held.reads}),
	};
}
