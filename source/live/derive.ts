import {evaluateFindings} from '../domain/findings/index.js';
import type {Snapshot} from '../domain/snapshot.js';
import {findingsHistory, trackFindings} from './findings-tracker.js';

/**
 * What the store recomputes on every write: the window ends at the newest data change (keeping
 * its length), and the findings follow from the data beside them, with the memory of the findings
 * held before the write (when each began, which ones ended).
 */
export function deriveSnapshot(snapshot: Snapshot): Snapshot {
	const length = snapshot.window.end - snapshot.window.start;
	const window = {start: snapshot.generatedAt - length, end: snapshot.generatedAt};
	const moved = {...snapshot, window};
	const now = snapshot.generatedAt;
	const evaluated = evaluateFindings(moved, {now, history: findingsHistory(snapshot.findings)});
	return {...moved, findings: trackFindings(snapshot.findings, evaluated, now)};
}
