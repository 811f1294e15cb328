// Small immutable updates the sources share.
import type {Snapshot, SourceName, SourceState} from '../domain/snapshot.js';

export function withSource(snapshot: Snapshot, name: SourceName, state: SourceState): Snapshot {
	return {...snapshot, sources: {...snapshot.sources, [name]: state}};
}

/** A failure keeps the last good data and marks it stale; with nothing held it is an error. */
export function failedState(
	previous: SourceState,
	error: SourceState['error'],
	retryAt: number,
): SourceState {
	const hadData = previous.fetchedAt !== undefined;
	return {
		...previous,
		status: hadData ? 'stale' : 'error',
		...(error === undefined ? {} : {error}),
		retryAt,
	};
}

export function succeededState(
	previous: SourceState,
	fetchedAt: number,
	dataThrough?: number,
): SourceState {
	return {
		status: 'ok',
		fetchedAt,
		...(dataThrough === undefined
			? previous.dataThrough === undefined
				? {}
				: {dataThrough: previous.dataThrough}
			: {dataThrough}),
	};
}

/**
 * When a write made the snapshot: `now`, or the snapshot's own time if a later write came first.
 * A source reads for seconds and stamps its write with the time it began, while others write in
 * between: the snapshot (and the window that ends at it) must not go back in time, or a paused
 * screen would be told nothing newer arrived when a read just brought new rows.
 */
export function writtenAt(snapshot: Snapshot, now: number): number {
	return Math.max(snapshot.generatedAt, now);
}
