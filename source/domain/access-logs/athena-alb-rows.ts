// Athena's answers to the ALB queries (athena-alb-queries.ts) into the same RequestsView the
// objects give, marked `exact` with Athena's percentiles. Request lines are written back into
// the log's own form and read by the same parser, so they are sanitized and their query strings
// hidden exactly as when read from the objects.
import type {
	NotDispatchedStats,
	RequestBucket,
	RequestsView,
	TargetRequestStats,
} from '../types/access-logs.js';
import type {AlbParseOptions} from './alb-entry.js';
import {albLineRecord} from './athena-alb-lines.js';
import {albGroupingSets} from './athena-alb-queries.js';
import {type AthenaRow, countOf, numberOf} from './athena-sql.js';
import {BoundedCounter} from './bounded.js';
import {byNewest, bySlowest} from './target-state.js';
import {readEndpoint, readText, readTime, withoutUndefined} from './values.js';

type Group = {
	row: AthenaRow;
	errorReasons: BoundedCounter;
	classifications: BoundedCounter;
	elbCodes: BoundedCounter;
};

export type AthenaRequestsOptions = AlbParseOptions & {
	readonly coverage: {readonly start: number; readonly end: number};
};

export function requestsFromAthena(
	statsRows: readonly AthenaRow[],
	lineRows: readonly AthenaRow[],
	options: AthenaRequestsOptions,
): RequestsView {
	const groups = new Map<string, Group>();
	const timeline: RequestBucket[] = [];
	const protocols = new BoundedCounter(32);
	const keyOf = (row: AthenaRow) => `${row.target ?? '-'}|${row.target_group_arn ?? ''}`;
	for (const row of statsRows) {
		const set = numberOf(row, 'grouping_set');
		if (set === albGroupingSets.minute) {
			timeline.push({
				start: (numberOf(row, 'minute_start') ?? 0) * 1000,
				requests: countOf(row, 'requests'),
				target5xx: countOf(row, 'target_5xx'),
				elb5xx: countOf(row, 'elb_5xx'),
				notDispatched: countOf(row, 'not_dispatched'),
			});
			continue;
		}

		if (set === albGroupingSets.tlsProtocol) {
			protocols.add(readText(row.tls_protocol ?? '-', 32), countOf(row, 'requests'));
			continue;
		}

		const group = groups.get(keyOf(row)) ?? {
			row,
			errorReasons: new BoundedCounter(64),
			classifications: new BoundedCounter(64),
			elbCodes: new BoundedCounter(32),
		};
		groups.set(keyOf(row), group);
		const count = countOf(row, 'requests');
		if (set === albGroupingSets.target) {
			group.row = row;
		} else if (set === albGroupingSets.errorReason) {
			group.errorReasons.add(row.error_reason || undefined, count);
		} else if (set === albGroupingSets.classification) {
			group.classifications.add(row.classification || undefined, count);
		} else if (set === albGroupingSets.lbCode) {
			group.elbCodes.add(row.lb_code || undefined, count);
		}
	}

	const minutes = Math.max(1, (options.coverage.end - options.coverage.start) / 60_000);
	const rows = [...groups.values()].filter(
		(group) => numberOf(group.row, 'grouping_set') === albGroupingSets.target,
	);
	const lines = lineRows.flatMap((row) => albLineRecord(row, options));
	return {
		precision: 'exact',
		percentiles: 'athena',
		coverage: options.coverage,
		dataThrough: options.coverage.end,
		entriesRead: rows.reduce((sum, group) => sum + countOf(group.row, 'requests'), 0),
		malformedEntries: lineRows.length - lines.length,
		totals: sumCounts(rows),
		targets: rows
			.filter((group) => group.row.target !== '-')
			.map((group) => targetStats(group, minutes)),
		untrackedRequests: 0,
		notDispatched: rows.filter((group) => group.row.target === '-').map(notDispatchedStats),
		timeline: timeline.sort((a, b) => a.start - b.start),
		tlsProtocols: protocols.top(),
		slowest: lines
			.filter(([, row]) => row.slowest === 'true')
			.map(([record]) => record)
			.sort(bySlowest),
		failing: lines
			.filter(([, row]) => row.failing === 'true')
			.map(([record]) => record)
			.sort(byNewest),
		queriesShown: options.keepQueries === true,
	};
}

function counts(group: Group) {
	const {row} = group;
	return withoutUndefined({
		requests: countOf(row, 'requests'),
		target5xx: countOf(row, 'target_5xx'),
		elb5xx: countOf(row, 'elb_5xx'),
		status4xx: countOf(row, 'status_4xx'),
		noAnswer: countOf(row, 'no_answer'),
		elbCodes: group.elbCodes.top(32).top,
		firstSeen: readTime(row.first_seen ?? '-') ?? undefined,
		lastSeen: readTime(row.last_seen ?? '-') ?? undefined,
		firstFailure: readTime(row.first_failure || '-') ?? undefined,
		lastFailure: readTime(row.last_failure || '-') ?? undefined,
	});
}

function sumCounts(groups: readonly Group[]) {
	const all = groups.map(counts);
	const sum = (pick: (row: (typeof all)[number]) => number) =>
		all.reduce((total, row) => total + pick(row), 0);
	const times = (pick: (row: (typeof all)[number]) => number | undefined) =>
		all.flatMap((row) => pick(row) ?? []);
	const codes = new BoundedCounter(32);
	for (const group of groups) {
		codes.merge(group.elbCodes);
	}

	return withoutUndefined({
		requests: sum((row) => row.requests),
		target5xx: sum((row) => row.target5xx),
		elb5xx: sum((row) => row.elb5xx),
		status4xx: sum((row) => row.status4xx),
		noAnswer: sum((row) => row.noAnswer),
		elbCodes: codes.top(32).top,
		firstSeen: minimum(times((row) => row.firstSeen)),
		lastSeen: maximum(times((row) => row.lastSeen)),
		firstFailure: minimum(times((row) => row.firstFailure)),
		lastFailure: maximum(times((row) => row.lastFailure)),
	});
}

const minimum = (values: number[]) => (values.length === 0 ? undefined : Math.min(...values));
const maximum = (values: number[]) => (values.length === 0 ? undefined : Math.max(...values));

function targetStats(group: Group, minutes: number): TargetRequestStats {
	const {row} = group;
	const target = row.target ?? '-';
	const endpoint = target === 'lambda' ? undefined : readEndpoint(target);
	const base = counts(group);
	return withoutUndefined({
		...base,
		target,
		targetAddr: endpoint?.addr,
		targetPort: endpoint?.port,
		targetGroupArn: row.target_group_arn || undefined,
		perMinute: base.requests / minutes,
		targetTime: withoutUndefined({
			count: countOf(row, 'timed'),
			p50: numberOf(row, 'p50'),
			p99: numberOf(row, 'p99'),
			max: countOf(row, 'timed') > 0 ? numberOf(row, 'max_time') : undefined,
		}),
		errorReasons: group.errorReasons.top(),
		classifications: group.classifications.top(),
	});
}

function notDispatchedStats(group: Group): NotDispatchedStats {
	return withoutUndefined({
		...counts(group),
		targetGroupArn: group.row.target_group_arn || undefined,
		byDesign: countOf(group.row, 'by_design'),
		errorReasons: group.errorReasons.top(),
		classifications: group.classifications.top(),
	});
}
