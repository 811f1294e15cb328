// The question lbtop asks Athena about an NLB's TLS connections over a settled range, in one scan
// (GROUPING SETS): per listener the counts and handshake percentiles, and the protocol, cipher,
// SNI and alert mix; and its answer as the same TlsView the objects give, marked `exact`. Columns
// are the Athena user guide's (athena-ddl.ts); the figures mean what tls-accumulator.ts's do.
import type {TlsListenerStats, TlsView} from '../types/access-logs.js';
import {
	type AccessLogTable,
	type AthenaQuery,
	type AthenaRow,
	countOf,
	numberOf,
	type QueryRange,
	rangeFilter,
	tableRef,
} from './athena-sql.js';
import {BoundedCounter} from './bounded.js';
import {alertName} from './tls-names.js';
import {readText, readTime, urlDecoded, withoutUndefined} from './values.js';

/** grouping(sni, protocol, cipher, alert): listener rows first, SNI rows (the longest tail) last. */
export const nlbGroupingSets = {listener: 15, alert: 14, cipher: 13, protocol: 11, sni: 7} as const;

export function nlbListenerStatsQuery(table: AccessLogTable, range: QueryRange): AthenaQuery {
	const filter = rangeFilter(range);
	const sql = `WITH entries AS (
  SELECT
    listener_id,
    time,
    tls_handshake_time_ms,
    nullif(domain_name, '-') AS sni,
    nullif(tls_protocol_version, '-') AS protocol,
    nullif(tls_cipher_suite, '-') AS cipher,
    CASE WHEN incoming_tls_alert <> 0 THEN incoming_tls_alert END AS alert,
    tls_protocol_version <> '-' AND tls_cipher_suite <> '-' AS completed,
    cert_arn <> '-' OR coalesce(incoming_tls_alert NOT IN (0, 90), false) AS sent_hello
  FROM ${tableRef(table)}
  WHERE ${filter.where}
)
SELECT
  grouping(sni, protocol, cipher, alert) AS grouping_set,
  listener_id, sni, protocol, cipher, alert,
  count(*) AS connections,
  count_if(NOT completed AND sent_hello) AS failed,
  count_if(NOT completed AND NOT sent_hello) AS without_hello,
  count_if(lower(protocol) IN ('tlsv10', 'tlsv11')) AS old_protocol,
  count_if(tls_handshake_time_ms >= 0) AS timed,
  approx_percentile(tls_handshake_time_ms, 0.5) FILTER (WHERE tls_handshake_time_ms >= 0) AS p50,
  approx_percentile(tls_handshake_time_ms, 0.99) FILTER (WHERE tls_handshake_time_ms >= 0) AS p99,
  max(tls_handshake_time_ms) AS max_time,
  min(time) AS first_seen,
  max(time) AS last_seen,
  min(CASE WHEN NOT completed AND sent_hello THEN time END) AS first_failure,
  max(CASE WHEN NOT completed AND sent_hello THEN time END) AS last_failure
FROM entries
GROUP BY GROUPING SETS ((listener_id), (listener_id, sni), (listener_id, protocol), (listener_id, cipher), (listener_id, alert))
ORDER BY grouping_set DESC, connections DESC
LIMIT 5000`;
	return {sql, parameters: filter.parameters};
}

type Listener = {
	row?: AthenaRow;
	readonly mix: Record<'sni' | 'protocol' | 'cipher' | 'alert', BoundedCounter>;
};

const mixName = (
	set: number | undefined,
	row: AthenaRow,
): ['sni' | 'protocol' | 'cipher' | 'alert', string | undefined] | undefined => {
	if (set === nlbGroupingSets.sni) {
		return ['sni', readText(urlDecoded(row.sni ?? '-'), 255)];
	}

	if (set === nlbGroupingSets.alert) {
		const alert = numberOf(row, 'alert');
		return ['alert', alert === undefined ? undefined : alertName(alert)];
	}

	if (set === nlbGroupingSets.protocol) {
		return ['protocol', readText(row.protocol ?? '-', 16)?.toLowerCase()];
	}

	return set === nlbGroupingSets.cipher ? ['cipher', readText(row.cipher ?? '-', 128)] : undefined;
};

export function tlsFromAthena(
	rows: readonly AthenaRow[],
	coverage: {readonly start: number; readonly end: number},
): TlsView {
	const listeners = new Map<string, Listener>();
	for (const row of rows) {
		const id = readText(row.listener_id ?? '-', 128) ?? '-';
		const listener = listeners.get(id) ?? {
			mix: {
				sni: new BoundedCounter(256),
				protocol: new BoundedCounter(16),
				cipher: new BoundedCounter(64),
				alert: new BoundedCounter(64),
			},
		};
		listeners.set(id, listener);
		const set = numberOf(row, 'grouping_set');
		const mix = mixName(set, row);
		if (set === nlbGroupingSets.listener) {
			listener.row = row;
		} else if (mix !== undefined) {
			listener.mix[mix[0]].add(mix[1], countOf(row, 'connections'));
		}
	}

	const minutes = Math.max(1, (coverage.end - coverage.start) / 60_000);
	const stats = [...listeners].flatMap(([id, listener]) =>
		listener.row === undefined ? [] : [listenerStats(id, listener.row, listener, minutes)],
	);
	return {
		precision: 'exact',
		percentiles: 'athena',
		coverage,
		dataThrough: coverage.end,
		entriesRead: stats.reduce((sum, row) => sum + row.connections, 0),
		malformedEntries: 0,
		listeners: stats.sort(
			(a, b) => b.connections - a.connections || a.listener.localeCompare(b.listener),
		),
	};
}

function listenerStats(
	id: string,
	row: AthenaRow,
	listener: Listener,
	minutes: number,
): TlsListenerStats {
	const time = (column: string) => readTime(row[column] || '-') ?? undefined;
	const timed = countOf(row, 'timed');
	return withoutUndefined({
		listener: id,
		connections: countOf(row, 'connections'),
		perMinute: countOf(row, 'connections') / minutes,
		handshake: withoutUndefined({
			count: timed,
			p50: numberOf(row, 'p50'),
			p99: numberOf(row, 'p99'),
			max: timed > 0 ? numberOf(row, 'max_time') : undefined,
		}),
		failedHandshakes: countOf(row, 'failed'),
		withoutClientHello: countOf(row, 'without_hello'),
		oldProtocol: countOf(row, 'old_protocol'),
		alerts: listener.mix.alert.top(),
		protocols: listener.mix.protocol.top(),
		ciphers: listener.mix.cipher.top(),
		sniNames: listener.mix.sni.top(),
		firstSeen: time('first_seen'),
		lastSeen: time('last_seen'),
		firstFailure: time('first_failure'),
		lastFailure: time('last_failure'),
	});
}
