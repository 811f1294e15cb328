import {evaluateFindings, type FindingRule, RuleMemo} from '../domain/findings/index.js';
import type {Snapshot} from '../domain/snapshot.js';
import {findingsHistory, trackFindings} from './findings-tracker.js';
import {sameJson} from './same-content.js';

export type DeriveOptions = {
	/** The rules to run; all of lbtop's by default. */
	readonly rules?: readonly FindingRule[];
	/** Shared when the caller wants to see how often the rules ran. */
	readonly memo?: RuleMemo;
};

export type Derive = (snapshot: Snapshot) => Snapshot;

/**
 * What the store recomputes on every write: the window ends at the newest data change (keeping
 * its length), and the findings follow from the data beside them, with the memory of the findings
 * held before the write (when each began, which ones ended). A rule runs again only when what it
 * read changed (rule-memo.ts); the clock-bound steps (when evidence began, resolving, expiring)
 * run on every write. Each store needs its own: the memo follows one sequence of snapshots.
 */
export function createDerive(options: DeriveOptions = {}): Derive {
	const memo = options.memo ?? new RuleMemo();
	return (snapshot) => {
		const length = snapshot.window.end - snapshot.window.start;
		const window = {start: snapshot.generatedAt - length, end: snapshot.generatedAt};
		const moved = {...snapshot, window};
		const now = snapshot.generatedAt;
		const evaluated = evaluateFindings(moved, {
			now,
			history: findingsHistory(snapshot.findings),
			memo,
			...(options.rules === undefined ? {} : {rules: options.rules}),
		});
		const tracked = trackFindings(snapshot.findings, evaluated, now);
		// The same findings stay the same array: the findings pane redraws only what changed.
		return {
			...moved,
			findings: sameJson(tracked, snapshot.findings) ? snapshot.findings : tracked,
		};
	};
}

/** One derive for the process: fine for one store; a second store's writes only miss the memo. */
export const deriveSnapshot: Derive = createDerive();
