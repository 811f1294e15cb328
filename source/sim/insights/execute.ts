// Runs a parsed query over the events of its time range and reports the statistics AWS reports.
// The scan statistics cover every event passed in, whatever the filters keep: that is what
// Insights bills, and what lbtop's cost model measures.
import type {ParsedQuery} from './ast.js';
import {maxLimit} from './command-parsers.js';
import {FieldSlots} from './field-slots.js';
import {outputFields, type QueryResultRow, renderRow} from './output.js';
import {EventRow, type InsightsEvent, type Row} from './rows.js';
import {compileSteps, type Step} from './steps.js';
import {utf8Length} from './utf8.js';

export type QueryOutcome = {
	readonly rows: readonly QueryResultRow[];
	readonly recordsMatched: number;
	readonly recordsScanned: number;
	readonly bytesScanned: number;
};

export type ExecuteOptions = {
	/** StartQuery's `limit`: at most this many rows (default and maximum 10,000). */
	readonly limit?: number;
};

export type RowApply = (row: Row) => boolean;
type WholeStep = Exclude<Step, {kind: 'row'}>;
export type Stage = {readonly kind: 'rows'; readonly applies: RowApply[]} | WholeStep;
export type Pipeline = {rows: Row[]; ordered: boolean};

export function executeInsightsQuery(
	query: ParsedQuery,
	events: Iterable<InsightsEvent>,
	options: ExecuteOptions = {},
): QueryOutcome {
	const fields = FieldSlots.of(query.commands);
	const steps = compileSteps(query.commands, fields);
	const pending = stages(steps);
	const ownPass = matchesNeedOwnPass(steps);
	const scan = scanEvents(events, fields, pending, ownPass);
	const pipeline: Pipeline = {rows: scan.rows, ordered: false};
	let matched = scan.matched;
	let beforeStats = scan.consumed.every((stage) => stage.kind !== 'stats');
	for (const stage of pending.slice(scan.consumed.length)) {
		runStage(pipeline, stage);
		if (beforeStats && stage.kind === 'rows') {
			matched = pipeline.rows.length;
		}
		beforeStats &&= stage.kind !== 'stats';
	}
	if (ownPass) {
		matched = countMatches(steps, fields, scan.events);
	}
	return outcomeOf(query, pipeline, options, {
		recordsMatched: matched,
		recordsScanned: scan.scanned,
		bytesScanned: scan.bytes,
	});
}

/** The result rows in their order, capped by the query's limit, with the scan's statistics. */
export function outcomeOf(
	query: ParsedQuery,
	pipeline: Pipeline,
	options: ExecuteOptions,
	statistics: Omit<QueryOutcome, 'rows'>,
): QueryOutcome {
	putNewestFirst(pipeline);
	const cap = Math.min(options.limit ?? maxLimit, maxLimit);
	const shown = outputFields(query.commands);
	return {rows: pipeline.rows.slice(0, cap).map((row) => renderRow(row, shown)), ...statistics};
}

/**
 * A `sort` then `limit` right after the per-row stage: the rows kept while scanning can be cut to
 * the best `count` now and then. The sort is stable and rows arrive in scan order, so a row cut
 * early has `count` rows ahead of it that stay ahead of it: the result is the same, and a query
 * for the newest records of a busy range holds `count` rows, not the range.
 */
function boundedSort(pending: readonly Stage[], from: number): SortStage | undefined {
	const sort = pending[from];
	const limit = pending[from + 1];
	return sort?.kind === 'sort' && limit?.kind === 'limit' ? {sort, count: limit.count} : undefined;
}

type SortStage = {readonly sort: Extract<Stage, {kind: 'sort'}>; readonly count: number};

/**
 * Reads every event once, through the leading per-row stage and, when a stats follows, straight
 * into it: rows that are only counted are never kept, which keeps large scans cheap.
 */
function scanEvents(
	events: Iterable<InsightsEvent>,
	fields: FieldSlots,
	pending: readonly Stage[],
	keepEvents: boolean,
) {
	const [first, second] = pending;
	const leading = first?.kind === 'rows' ? first.applies : [];
	const consumed: Stage[] = first?.kind === 'rows' ? [first] : [];
	const statsStage = consumed.length > 0 ? second : first;
	const aggregation = statsStage?.kind === 'stats' ? statsStage.start() : undefined;
	if (statsStage !== undefined && aggregation !== undefined) {
		consumed.push(statsStage);
	}
	const bounded = aggregation === undefined ? boundedSort(pending, consumed.length) : undefined;
	const kept: InsightsEvent[] = [];
	let rows: Row[] = [];
	let scanned = 0;
	let bytes = 0;
	let matched = 0;
	for (const event of events) {
		scanned++;
		bytes += event.messageBytes?.() ?? utf8Length(event.message);
		if (keepEvents) {
			event.hold?.();
			kept.push(event);
		}
		const row = new EventRow(event, fields);
		if (passes(leading, row)) {
			matched++;
			if (aggregation === undefined) {
				event.hold?.();
				rows.push(row);
				if (bounded !== undefined && rows.length >= 2 * bounded.count + 1024) {
					rows = bounded.sort.run(rows).slice(0, bounded.count);
				}
			} else {
				aggregation.add(row);
			}
		}
	}
	if (aggregation !== undefined) {
		rows = aggregation.finish();
	}
	return {rows, consumed, scanned, bytes, matched, events: kept};
}

export function passes(applies: readonly RowApply[], row: Row): boolean {
	for (const apply of applies) {
		if (!apply(row)) {
			return false;
		}
	}
	return true;
}

/** Consecutive per-row steps fused into one pass; other steps stay on their own. */
export function stages(steps: readonly Step[]): Stage[] {
	const result: Stage[] = [];
	for (const step of steps) {
		const last = result.at(-1);
		if (step.kind !== 'row') {
			result.push(step);
		} else if (last?.kind === 'rows') {
			last.applies.push(step.apply);
		} else {
			result.push({kind: 'rows', applies: [step.apply]});
		}
	}
	return result;
}

export function runStage(pipeline: Pipeline, stage: Stage): void {
	switch (stage.kind) {
		case 'rows':
			pipeline.rows = pipeline.rows.filter((row) => passes(stage.applies, row));
			return;
		case 'stats': {
			const aggregation = stage.start();
			for (const row of pipeline.rows) {
				aggregation.add(row);
			}
			pipeline.rows = aggregation.finish();
			pipeline.ordered = true;
			return;
		}
		case 'sort':
			pipeline.rows = stage.run(pipeline.rows);
			pipeline.ordered = true;
			return;
		case 'limit':
			putNewestFirst(pipeline);
			pipeline.rows = pipeline.rows.slice(0, stage.count);
			return;
		case 'dedup':
			putNewestFirst(pipeline);
			pipeline.rows = stage.run(pipeline.rows);
			return;
	}
}

/** Events keep their input order until an order matters; then, with no `sort`, newest first. */
export function putNewestFirst(pipeline: Pipeline): void {
	if (!pipeline.ordered) {
		pipeline.rows.sort((a, b) => (b.timestampMs ?? 0) - (a.timestampMs ?? 0));
		pipeline.ordered = true;
	}
}

/**
 * recordsMatched counts the events that pass the filters before any stats, not the rows a
 * `limit` or `dedup` lets through. When such a command comes before a filter, the count needs
 * its own pass over the events with only the per-row steps.
 */
export function matchesNeedOwnPass(steps: readonly Step[]): boolean {
	const firstStats = steps.findIndex((step) => step.kind === 'stats');
	const beforeStats = firstStats < 0 ? steps : steps.slice(0, firstStats);
	const firstCap = beforeStats.findIndex((step) => step.kind === 'limit' || step.kind === 'dedup');
	return firstCap >= 0 && beforeStats.slice(firstCap).some((step) => step.kind === 'row');
}

function countMatches(
	steps: readonly Step[],
	fields: FieldSlots,
	events: readonly InsightsEvent[],
): number {
	const firstStats = steps.findIndex((step) => step.kind === 'stats');
	const rowSteps = (firstStats < 0 ? steps : steps.slice(0, firstStats)).flatMap((step) =>
		step.kind === 'row' ? [step.apply] : [],
	);
	return events.filter((event) => passes(rowSteps, new EventRow(event, fields))).length;
}
