// Which recorded snapshot `--at` means: the one nearest the asked time.
import type {ReplayTime} from '../domain/replay-config.js';
import type {Snapshot} from '../domain/snapshot.js';

const day = 86_400_000;

/**
 * A time of day means that time on a day the recording covers; when it spans midnight, the day
 * whose time lies inside (or nearest to) the recording wins.
 */
export function resolveReplayTime(at: ReplayTime, snapshots: readonly Snapshot[]): number {
	if (at.kind === 'instant') {
		return at.ms;
	}
	const first = snapshots[0]?.generatedAt ?? 0;
	const last = snapshots.at(-1)?.generatedAt ?? first;
	let best = Math.floor(first / day) * day + at.ms;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (let midnight = Math.floor(first / day) * day; midnight <= last; midnight += day) {
		const candidate = midnight + at.ms;
		const distance = Math.max(0, first - candidate, candidate - last);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** Index of the snapshot nearest `ms`; on a tie, the earlier one. `snapshots` is in time order. */
export function nearestSnapshotIndex(snapshots: readonly Snapshot[], ms: number): number {
	let best = 0;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const [index, snapshot] of snapshots.entries()) {
		const distance = Math.abs(snapshot.generatedAt - ms);
		if (distance < bestDistance) {
			best = index;
			bestDistance = distance;
		}
	}
	return best;
}

/** Where a replay starts or what `--once` prints: the snapshot at `--at`, else the last one. */
export function replayIndex(snapshots: readonly Snapshot[], at: ReplayTime | undefined): number {
	if (at === undefined) {
		return Math.max(0, snapshots.length - 1);
	}
	return nearestSnapshotIndex(snapshots, resolveReplayTime(at, snapshots));
}
