// One accepted or rejected source: its counts and ports, where it was rejected (the LB's own
// security group or ACL, or the target's, have different fixes), and the connections it made.
import {compareConnections} from '../../../domain/flows/pairing.js';
import type {Connection, SourceAggregate} from '../../../domain/snapshot.js';
import {formatBytes, formatNumber} from '../../../domain/units.js';
import {connectionVariants} from '../connections-layout.js';
import {connectionLegs} from '../connections-view.js';
import {sameAddress} from '../filter/ip-address.js';
import {type Line, line, seg} from '../line.js';
import type {PaneContext} from '../pane-context.js';
import {tableHeader, tableRow} from '../table.js';
import {bestLayout} from '../table-variants.js';
import {wrapCells} from '../text-width.js';
import {whereText} from '../traffic-columns.js';
import type {TrafficAction} from '../traffic-view.js';
import {factsLine, part, takeWithMore} from './detail-lines.js';

const whereMeaning = {
	lb: "rejected at the LB's interface: the LB's security group or its subnet's network ACL",
	target: "rejected at the target's interface: the target's security group or its subnet's ACL",
} as const;

/** Connection rows whose client, or any leg's initiator, is this address. */
export function connectionsFrom(connections: readonly Connection[], addr: string): Connection[] {
	return connections
		.filter(
			(connection) =>
				sameAddress(connection.clientAddr, addr) ||
				connectionLegs(connection).some((leg) => sameAddress(leg.srcAddr, addr)),
		)
		.sort(compareConnections);
}

export function sourceDetailLines(
	source: SourceAggregate,
	action: TrafficAction,
	connections: readonly Connection[],
	context: PaneContext,
): Line[] {
	const lines: Line[] = [
		[
			seg(`${action} source `, 'bold'),
			seg(source.addr),
			...(source.where === undefined
				? []
				: [seg(context.glyphs.separator, 'dim'), seg(whereText(source.where), 'red')]),
		],
		factsLine(
			[
				part(`${formatNumber(source.flows)} records`, 0),
				part(`${formatNumber(source.packets)} pkts`, 2),
				part(formatBytes(source.bytes), 1),
				part(`port${source.ports.length === 1 ? '' : 's'} ${source.ports.join(',')}`, 0),
			],
			context,
		),
	];
	if (source.where !== undefined) {
		const meaning = wrapCells(
			whereMeaning[source.where],
			context.width,
			2,
			context.glyphs.ellipsis,
		);
		lines.push(...meaning.map((text) => line(text, 'dim')));
	}

	const from = connectionsFrom(connections, source.addr);
	if (from.length === 0) {
		lines.push(line(`no connection rows from ${source.addr} in the records read`, 'dim'));
		return lines;
	}

	const ellipsis = context.glyphs.ellipsis;
	const layout = bestLayout(connectionVariants(context.now), from, context.width);
	lines.push(
		line(`${from.length} connection${from.length === 1 ? '' : 's'} from ${source.addr}`, 'bold'),
		tableHeader(layout, ellipsis),
	);
	const draw = (connection: Connection) => tableRow(layout, connection, ellipsis);
	const room = context.height - lines.length;
	return [...lines, ...takeWithMore(from, room, draw, 'connections', context.glyphs)];
}
