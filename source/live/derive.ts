import {evaluateFindings} from '../domain/findings/index.js';
import type {Snapshot} from '../domain/snapshot.js';

/**
 * What the store recomputes on every write: the window ends at the newest data change (keeping
 * its length), and the findings follow from the data beside them.
 */
export function deriveSnapshot(snapshot: Snapshot): Snapshot {
	const length = snapshot.window.end - snapshot.window.start;
	const window = {start: snapshot.generatedAt - length, end: snapshot.generatedAt};
	const moved = {...snapshot, window};
	return {...moved, findings: evaluateFindings(moved, {now: snapshot.generatedAt})};
}
