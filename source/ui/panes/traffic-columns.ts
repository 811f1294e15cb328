// Columns of the accepted and rejected panes' source and port tables.
import type {PortAggregate, RejectLocation, SourceAggregate} from '../../domain/snapshot.js';
import {formatBytes, formatNumber} from '../../domain/units.js';
import {line} from './line.js';
import type {Column} from './table.js';

export function whereText(where: RejectLocation | undefined): string {
	if (where === undefined) {
		return '';
	}

	return where === 'lb' ? 'at LB' : 'at target';
}

function whereColumn<Row extends {readonly where?: RejectLocation}>(): Column<Row> {
	return {
		id: 'where',
		header: 'where',
		priority: 1,
		optional: true,
		cell: (row) => line(whereText(row.where), 'red'),
	};
}

function countColumns<
	Row extends {readonly flows: number; readonly packets: number; readonly bytes: number},
>(): Array<Column<Row>> {
	return [
		{
			id: 'flows',
			header: 'records',
			priority: 2,
			align: 'right',
			cell: (row) => line(formatNumber(row.flows)),
		},
		{
			id: 'packets',
			header: 'pkts',
			priority: 5,
			align: 'right',
			cell: (row) => line(formatNumber(row.packets)),
		},
		{
			id: 'bytes',
			header: 'bytes',
			priority: 3,
			align: 'right',
			cell: (row) => line(formatBytes(row.bytes)),
		},
	];
}

export function sourceColumns(count: number): Array<Column<SourceAggregate>> {
	return [
		{
			id: 'addr',
			header: `${count} source${count === 1 ? '' : 's'}`,
			priority: 0,
			cell: (row) => line(row.addr),
		},
		whereColumn(),
		...countColumns<SourceAggregate>(),
		{
			id: 'ports',
			header: 'ports',
			priority: 4,
			minWidth: 5,
			maxWidth: 24,
			cell: (row) => line(row.ports.join(','), 'dim'),
		},
	];
}

export function portColumns(count: number): Array<Column<PortAggregate>> {
	return [
		{
			id: 'port',
			header: `${count} port${count === 1 ? '' : 's'}`,
			priority: 0,
			cell: (row) => line(String(row.port)),
		},
		whereColumn(),
		...countColumns<PortAggregate>(),
	];
}
