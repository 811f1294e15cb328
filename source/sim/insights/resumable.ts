// A query read in parts: while it is Running, a query answers with what it has scanned so far,
// and scanning on from there reads only the events after it, not the range again. For queries
// whose events go through the per-row commands straight into a stats (nothing else is kept): a
// stats query over a busy range, the one whose rescans cost most.
import type {ParsedQuery} from './ast.js';
import {
	type ExecuteOptions,
	matchesNeedOwnPass,
	outcomeOf,
	passes,
	type QueryOutcome,
	runStage,
	stages,
} from './execute.js';
import {FieldSlots} from './field-slots.js';
import {EventRow, type InsightsEvent} from './rows.js';
import {compileSteps} from './steps.js';
import {utf8Length} from './utf8.js';

export type ResumableScan = {
	/** Reads the next event, in scan order. */
	readonly add: (event: InsightsEvent) => void;
	/** The result over the events read so far; reading may go on after it. */
	readonly outcome: () => QueryOutcome;
};

/** The query as a scan read in parts, or undefined when it must see its events at once. */
export function resumableScan(
	query: ParsedQuery,
	options: ExecuteOptions = {},
): ResumableScan | undefined {
	const fields = FieldSlots.of(query.commands);
	const steps = compileSteps(query.commands, fields);
	if (matchesNeedOwnPass(steps)) return undefined;
	const pending = stages(steps);
	const [first, second] = pending;
	const leading = first?.kind === 'rows' ? first.applies : [];
	const statsAt = first?.kind === 'rows' ? 1 : 0;
	const statsStage = first?.kind === 'rows' ? second : first;
	if (statsStage?.kind !== 'stats') return undefined;
	const aggregation = statsStage.start();
	const rest = pending.slice(statsAt + 1);
	let scanned = 0;
	let bytes = 0;
	let matched = 0;
	return {
		add: (event) => {
			scanned++;
			bytes += event.messageBytes?.() ?? utf8Length(event.message);
			const row = new EventRow(event, fields);
			if (passes(leading, row)) {
				matched++;
				aggregation.add(row);
			}
		},
		outcome: () => {
			const pipeline = {rows: aggregation.finish(), ordered: false};
			for (const stage of rest) runStage(pipeline, stage);
			return outcomeOf(query, pipeline, options, {
				recordsMatched: matched,
				recordsScanned: scanned,
				bytesScanned: bytes,
			});
		},
	};
}
