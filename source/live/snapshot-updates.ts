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
