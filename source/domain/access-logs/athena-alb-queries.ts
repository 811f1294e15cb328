// The questions lbtop asks Athena about an ALB's requests over a settled range, each answered in
// one scan (Athena bills bytes scanned, with a 10 MB minimum per query): the per-target figures
// with their error reasons, classifications, LB status codes and a per-minute timeline (one
// GROUPING SETS query), and the slowest and failing request lines (one query with two rankings).
// Columns are those of the Athena user guide's table (athena-ddl.ts); the figures mean what the
// Requests pane's do (request-tally.ts).
import {albColumns} from './athena-ddl.js';
import {
	type AccessLogTable,
	type AthenaQuery,
	type QueryRange,
	rangeFilter,
	tableRef,
} from './athena-sql.js';

/**
 * Which grouping set a row of the stats query belongs to: grouping(target, error_reason,
 * classification, lb_code, minute, tls_protocol), a bit set to 1 for each column not in the set.
 * Rows come protocols and minutes first, then targets, so the LIMIT can only cut the longest
 * tails (reasons).
 */
export const albGroupingSets = {
	target: 0b011111,
	errorReason: 0b001111,
	classification: 0b010111,
	lbCode: 0b011011,
	minute: 0b111101,
	tlsProtocol: 0b111110,
} as const;

const isLb5xx = "elb_status_code BETWEEN 500 AND 599 AND target_status_code NOT LIKE '5%'";
const actions = (names: string) => `regexp_like(actions_executed, '(^|,)(${names})(,|$)')`;

function entries(table: AccessLogTable, where: string): string {
	return `WITH entries AS (
  SELECT
    CASE
      WHEN target_ip <> '' THEN
        (CASE WHEN strpos(target_ip, ':') > 0 THEN '[' || target_ip || ']' ELSE target_ip END)
        || ':' || CAST(target_port AS varchar)
      WHEN target_status_code <> '-' THEN 'lambda'
      ELSE '-'
    END AS target,
    target_group_arn,
    time,
    date_trunc('minute', from_iso8601_timestamp(time)) AS minute,
    elb_status_code,
    target_status_code,
    target_processing_time,
    nullif(lambda_error_reason, '-') AS error_reason,
    nullif(classification, '-') AS classification,
    nullif(ssl_protocol, '-') AS tls_protocol,
    CASE WHEN ${isLb5xx} THEN elb_status_code END AS lb_code,
    target_status_code LIKE '5%' AS target_5xx,
    ${isLb5xx} AS lb_5xx,
    actions_executed
  FROM ${tableRef(table)}
  WHERE ${where}
)`;
}

export function albTargetStatsQuery(table: AccessLogTable, range: QueryRange): AthenaQuery {
	const filter = rangeFilter(range);
	const sql = `${entries(table, filter.where)}
SELECT
  grouping(target, error_reason, classification, lb_code, minute, tls_protocol) AS grouping_set,
  target, target_group_arn, error_reason, classification, lb_code, tls_protocol,
  to_unixtime(minute) AS minute_start,
  count(*) AS requests,
  count_if(target_5xx) AS target_5xx,
  count_if(lb_5xx) AS elb_5xx,
  count_if(elb_status_code BETWEEN 400 AND 499) AS status_4xx,
  count_if(target <> '-' AND target <> 'lambda' AND target_status_code = '-') AS no_answer,
  count_if(target = '-') AS not_dispatched,
  count_if(target = '-' AND NOT lb_5xx AND ${actions('redirect|fixed-response|waf|authenticate')} AND NOT ${actions('forward')}) AS by_design,
  count_if(target_processing_time >= 0) AS timed,
  approx_percentile(target_processing_time, 0.5) FILTER (WHERE target_processing_time >= 0) AS p50,
  approx_percentile(target_processing_time, 0.99) FILTER (WHERE target_processing_time >= 0) AS p99,
  max(target_processing_time) AS max_time,
  min(time) AS first_seen,
  max(time) AS last_seen,
  min(CASE WHEN target_5xx OR lb_5xx THEN time END) AS first_failure,
  max(CASE WHEN target_5xx OR lb_5xx THEN time END) AS last_failure
FROM entries
GROUP BY GROUPING SETS (
  (target, target_group_arn),
  (target, target_group_arn, error_reason),
  (target, target_group_arn, classification),
  (target, target_group_arn, lb_code),
  (minute),
  (tls_protocol)
)
ORDER BY grouping_set DESC, requests DESC
LIMIT 10000`;
	return {sql, parameters: filter.parameters};
}

/** The request lines query returns every column of the table, named as the user guide names them. */
export const albLineColumns: readonly string[] = albColumns.map(([name]) => name);

/** The `limit` slowest requests and the `limit` newest answered 5XX, every field of each. */
export function albRequestLinesQuery(
	table: AccessLogTable,
	range: QueryRange,
	limit = 20,
): AthenaQuery {
	const filter = rangeFilter(range);
	const count = Math.max(1, Math.min(1000, Math.floor(limit)));
	const columns = albLineColumns.join(', ');
	const sql = `WITH ranked AS (
  SELECT ${columns},
    row_number() OVER (ORDER BY target_processing_time DESC, time DESC) AS slow_rank,
    row_number() OVER (PARTITION BY elb_status_code BETWEEN 500 AND 599 ORDER BY time DESC) AS failing_rank
  FROM ${tableRef(table)}
  WHERE ${filter.where}
)
SELECT ${columns}, slow_rank <= ${count} AND target_processing_time >= 0 AS slowest, elb_status_code BETWEEN 500 AND 599 AND failing_rank <= ${count} AS failing
FROM ranked
WHERE (slow_rank <= ${count} AND target_processing_time >= 0) OR (elb_status_code BETWEEN 500 AND 599 AND failing_rank <= ${count})
ORDER BY time DESC`;
	return {sql, parameters: filter.parameters};
}
