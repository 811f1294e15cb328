// One connection, leg by leg: where each leg was logged (interface, AZ), which way it went,
// what was accepted or rejected in each direction, and how the legs were paired and why. The
// legs' fields are the parsed flow records' content; the pairing line says how sure the join is.

import type {Connection, Topology} from '../../../domain/snapshot.js';
import {formatBytes, formatNumber} from '../../../domain/units.js';
import {clientCell, kindCell, legActions, listenerCell, targetCell} from '../connection-cells.js';
import {connectionTarget} from '../connections-view.js';
import {formatAddressPort, formatProtocol} from '../format-cells.js';
import {type Line, line, type Part, seg} from '../line.js';
import type {PaneContext} from '../pane-context.js';
import {wrapCells} from '../text-width.js';
import {factsLine, part} from './detail-lines.js';
import {compactLeg, fullLeg, timeParts} from './leg-lines.js';
import {healthParts} from './target-health.js';

/** "203.0.113.7:51234 -> :443 => 10.0.1.10:8443 ACC ACC REJ exact". */
export function connectionSummary(connection: Connection): Line {
	return [
		...clientCell(connection),
		seg(' '),
		...listenerCell(connection),
		seg(' '),
		...targetCell(connection, true),
		seg('  '),
		...legActions(connection, 'long'),
		seg('  '),
		...kindCell(connection),
	];
}

export function pairingText(connection: Connection, topology?: Topology): string {
	const {frontend} = connection;
	const other = frontend === undefined ? 'frontend' : 'backend';
	const self = frontend === undefined ? 'backend' : 'frontend';
	switch (connection.kind) {
		case 'exact': {
			const client = formatAddressPort(connection.clientAddr, connection.clientPort);
			return `exact pair: frontend and backend legs carry the same client address and port ${client}`;
		}

		case 'likely': {
			return connection.backend?.srcAddr === connection.clientAddr ||
				connection.targetView?.srcAddr === connection.clientAddr
				? 'likely pair: the backend leg carries the client address but another port; each leg is the only one that fits the other by interface/AZ, time overlap and packet/byte shape'
				: "likely pair: the backend leg starts at the LB's own address, so there is no client address to join on; each leg is the only one that fits the other by interface/AZ, time overlap and packet/byte shape";
		}

		case 'ambiguous': {
			const count = connection.candidates ?? 0;
			const fit =
				count === 1
					? `1 ${other} leg fits this ${self} leg by interface/AZ, time overlap and packet/byte shape, but other ${self} legs fit that one too`
					: `${count} ${other} legs fit this ${self} leg by interface/AZ, time overlap and packet/byte shape`;
			return `ambiguous: ${fit}; the flow logs cannot tell which is whose, so no pair is claimed`;
		}

		case 'arriving': {
			return `arriving: no ${other} leg yet, and flow records reach CloudWatch Logs minutes late, so it may still be on its way`;
		}

		case 'health-check': {
			return `health check: from the load balancer's own address ${connection.clientAddr} to a target whose group preserves client IPs, with no frontend leg; no client is behind it`;
		}

		default: {
			return unpairedText(connection, topology);
		}
	}
}

function unpairedText(connection: Connection, topology: Topology | undefined): string {
	const {frontend} = connection;
	if (frontend === undefined) {
		return 'unpaired: a backend leg with no frontend leg that matches it';
	}

	const listeners = topology?.listeners ?? [];
	if (listeners.length > 0 && !listeners.some((listener) => listener.port === frontend.dstPort)) {
		return `unpaired: no listener on port ${frontend.dstPort}, so the load balancer forwards it nowhere`;
	}

	return frontend.forward?.action === 'REJECT' && frontend.reverse === undefined
		? "unpaired: the load balancer's interface rejected it, so it was never forwarded to a target"
		: 'unpaired: a frontend leg with no backend leg that matches it';
}

function headLines(
	connection: Connection,
	topology: Topology | undefined,
	context: PaneContext,
): Line[] {
	const volume: Part[] = [
		part(`${formatNumber(connection.packets)} pkts`, 1),
		part(formatBytes(connection.bytes), 1),
		...timeParts(connection.start, connection.end, context, true).map((entry) => ({
			...entry,
			priority: entry.priority + 2,
		})),
	];
	const certain = connection.kind === 'exact' || connection.kind === 'health-check';
	const lines: Line[] = [
		[seg(`${formatProtocol(connection.protocol)} `, 'dim'), ...connectionSummary(connection)],
		...wrapCells(
			seg(pairingText(connection, topology)).text,
			context.width,
			3,
			context.glyphs.ellipsis,
		).map((text) => line(text, certain ? undefined : 'yellow')),
		factsLine(volume, context),
	];
	const target = connectionTarget(connection, topology);
	if (target !== undefined) {
		lines.push(
			factsLine(
				[
					{line: [seg('target ', 'dim'), seg(target.target.id)], priority: 0},
					part(target.group.name, 5, 'dim'),
					...healthParts(target),
				],
				context,
			),
		);
	}

	return lines;
}

export function connectionDetailLines(
	connection: Connection,
	topology: Topology | undefined,
	context: PaneContext,
): Line[] {
	const head = headLines(connection, topology, context);
	const legs = [
		['frontend', connection.frontend],
		['backend', connection.backend],
		['target', connection.targetView],
	] as const;
	const full = legs.flatMap(([role, leg]) => fullLeg(leg, role, context));
	if (head.length + full.length <= context.height) {
		return [...head, ...full];
	}

	return [...head, ...legs.flatMap(([role, leg]) => compactLeg(leg, role, context))];
}
