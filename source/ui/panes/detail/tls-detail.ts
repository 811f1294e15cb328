// The drill-down of a TLS listener: handshake times, how many clients failed to negotiate or are
// on an old protocol, and the mixes (alerts, protocols, ciphers, SNI names) in full.
import type {TlsListenerStats, TopCounts} from '../../../domain/snapshot.js';
import {formatNumber} from '../../../domain/units.js';
import {millisecondsCell} from '../access-log-cells.js';
import {type Line, line, seg} from '../line.js';
import {clockText} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {indent} from './detail-lines.js';

function mixLines(title: string, counts: TopCounts): Line[] {
	if (counts.top.length === 0 && counts.other === 0) {
		return [line(`${title}: none`, 'dim')];
	}

	return [
		line(title, 'bold'),
		...counts.top.map((entry) =>
			line(`${indent}${formatNumber(entry.count).padStart(8)}  ${entry.name}`),
		),
		...(counts.other > 0
			? [line(`${indent}${formatNumber(counts.other).padStart(8)}  other names`, 'dim')]
			: []),
	];
}

export function tlsDetailLines(row: TlsListenerStats, context: PaneContext): Line[] {
	const clock = (time: number | undefined) => (time === undefined ? '-' : clockText(time, context));
	const {handshake} = row;
	return [
		[seg(`listener ${row.listener}`, 'bold')],
		line(
			`${formatNumber(row.connections)} connections, ${formatNumber(row.perMinute)}/min; seen ${clock(row.firstSeen)} to ${clock(row.lastSeen)}`,
		),
		line(
			`tls_handshake_time p50 ${millisecondsCell(handshake.p50)}, p99 ${millisecondsCell(handshake.p99)}, max ${millisecondsCell(handshake.max)} over ${formatNumber(handshake.count)} completed`,
		),
		[
			seg(
				`failed handshakes ${formatNumber(row.failedHandshakes)}`,
				row.failedHandshakes > 0 ? 'red' : undefined,
			),
			seg(
				row.firstFailure === undefined
					? ''
					: ` (${clock(row.firstFailure)} to ${clock(row.lastFailure)})`,
				'dim',
			),
		],
		line(
			`closed before a ClientHello (scans, TCP probes; not failures) ${formatNumber(row.withoutClientHello)}`,
			'dim',
		),
		line(
			`TLS 1.0/1.1 connections ${formatNumber(row.oldProtocol)}`,
			row.oldProtocol > 0 ? 'yellow' : undefined,
		),
		...mixLines('incoming_tls_alert', row.alerts),
		...mixLines('tls_protocol_version', row.protocols),
		...mixLines('tls_cipher', row.ciphers),
		...mixLines('domain_name (SNI)', row.sniNames),
	];
}
