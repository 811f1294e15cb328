import {evaluateFindings} from '../domain/findings/index.js';
import type {Snapshot} from '../domain/snapshot.js';

/** What the store recomputes on every write: the findings follow from the data beside them. */
export function deriveSnapshot(snapshot: Snapshot): Snapshot {
	return {...snapshot, findings: evaluateFindings(snapshot, {now: snapshot.generatedAt})};
}
