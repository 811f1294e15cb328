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

// The cells are made once, not with each table: V8 keeps optimized code only for functions that stay
// alive, and a cell made per frame loses its code at each full collection and is compiled again.
type Counted = {readonly flows: number; readonly packets: number; readonly bytes: number};

const whereCell = (row: {readonly where?: RejectLocation}) => line(whereText(row.where), 'red');
const flowsCell = (row: Counted) => line(formatNumber(row.flows));
const packetsCell = (row: Counted) => line(formatNumber(row.packets));
const bytesCell = (row: Counted) => line(formatBytes(row.bytes));
const addrCell = (row: SourceAggregate) => line(row.addr);
const portsCell = (row: SourceAggregate) => line(row.ports.join(','), 'dim');
const portCell = (row: PortAggregate) => line(String(row.port));

function whereColumn<Row extends {readonly where?: RejectLocation}>(): Column<Row> {
	return {
		id: 'where',
		header: 'where',
		priority: 1,
		optional: true,
		cell: whereCell,
	};
}

function countColumns<Row extends Counted>(): Array<Column<Row>> {
	return [
		{
			id: 'flows',
			header: 'records',
			priority: 2,
			align: 'right',
			cell: flowsCell,
		},
		{
			id: 'packets',
			header: 'pkts',
			priority: 5,
			align: 'right',
			cell: packetsCell,
		},
		{
			id: 'bytes',
			header: 'bytes',
			priority: 3,
			align: 'right',
			cell: bytesCell,
		},
	];
}

export function sourceColumns(count: number): Array<Column<SourceAggregate>> {
	return [
		{
			id: 'addr',
			header: `${count} source${count === 1 ? '' : 's'}`,
			priority: 0,
			cell: addrCell,
		},
		whereColumn(),
		...countColumns<SourceAggregate>(),
		{
			id: 'ports',
			header: 'ports',
			priority: 4,
			minWidth: 5,
			maxWidth: 24,
			cell: portsCell,
		},
	];
}

export function portColumns(count: number): Array<Column<PortAggregate>> {
	return [
		{
			id: 'port',
			header: `${count} port${count === 1 ? '' : 's'}`,
			priority: 0,
			cell: portCell,
		},
		whereColumn(),
		...countColumns<PortAggregate>(),
	];
}
