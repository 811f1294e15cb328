// The sources and ports tables of the accepted and rejected panes: side by side when both fit
// (or the pane is wide), else one above the other sharing the height.
import type {PortAggregate, SourceAggregate} from '../../domain/snapshot.js';
import type {Glyphs} from './glyphs.js';
import {fitLineExactly, type Line, seg} from './line.js';
import type {PaneContext} from './pane-context.js';
import {drawVisible} from './scroll.js';
import {
	type Column,
	type ColumnMeasures,
	layoutTable,
	naturalWidth,
	tableHeader,
	tableRow,
} from './table.js';
import {cellWidth} from './text-width.js';
import {portColumns, sourceColumns} from './traffic-columns.js';

type Table<Row> = {
	readonly columns: ReadonlyArray<Column<Row>>;
	readonly rows: readonly Row[];
	/** Filled by the natural width, reused by the layout. */
	readonly measures: ColumnMeasures<Row>;
};

function tableLines<Row>(
	{columns, rows, measures}: Table<Row>,
	width: number,
	room: number,
	selection: {readonly selected: number; readonly focused: boolean},
	context: PaneContext,
): Line[] {
	if (room <= 0) {
		return [];
	}

	const ellipsis = context.glyphs.ellipsis;
	const layout = layoutTable(columns, rows, width, measures);
	return [
		tableHeader(layout, ellipsis),
		...drawVisible(rows, (row) => tableRow(layout, row, ellipsis), {
			visible: room - 1,
			...selection,
			width,
			ellipsis,
		}),
	];
}

/** Side by side, padded so the right table starts in the same column on every line. */
function besideEachOther(
	left: readonly Line[],
	right: readonly Line[],
	leftWidth: number,
	glyphs: Glyphs,
): Line[] {
	const rule = seg(glyphs.columnRule, 'dim');
	const lines: Line[] = [];
	for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
		const leftLine = fitLineExactly(left[index] ?? [], leftWidth, glyphs.ellipsis);
		lines.push([...leftLine, rule, ...(right[index] ?? [])]);
	}

	return lines;
}

/** Wide enough for both tables side by side even when they have to be cut. */
const sideBySideWidth = 100;

/** Sources and ports side by side when both fit (or the pane is wide), else one above the other. */
export function trafficTables(
	sources: readonly SourceAggregate[],
	ports: readonly PortAggregate[],
	room: number,
	context: PaneContext,
): Line[] {
	const selection = {selected: context.selected, focused: context.focused};
	const unselected = {selected: 0, focused: false};
	const sourceTable: Table<SourceAggregate> = {
		columns: sourceColumns(sources.length),
		rows: sources,
		measures: new Map(),
	};
	const portTable: Table<PortAggregate> = {
		columns: portColumns(ports.length),
		rows: ports,
		measures: new Map(),
	};
	const ruleWidth = cellWidth(context.glyphs.columnRule);
	const sourcesNatural = naturalWidth(sourceTable.columns, sources, sourceTable.measures);
	const portsNatural = naturalWidth(portTable.columns, ports, portTable.measures);
	const {width} = context;
	if (width >= sideBySideWidth || sourcesNatural + ruleWidth + portsNatural <= width) {
		const portsWidth = Math.min(portsNatural, Math.floor((width - ruleWidth) / 3));
		const sourcesWidth = Math.min(sourcesNatural, width - portsWidth - ruleWidth);
		const left = tableLines(sourceTable, sourcesWidth, room, selection, context);
		const right = tableLines(portTable, portsWidth, room, unselected, context);
		return besideEachOther(left, right, sourcesWidth, context.glyphs);
	}

	// The sources table gets half the room, more when the ports need less.
	const sourceRoom = Math.min(
		sources.length + 1,
		Math.max(Math.ceil(room / 2), room - (ports.length + 1)),
	);
	return [
		...tableLines(sourceTable, width, sourceRoom, selection, context),
		...tableLines(portTable, width, room - sourceRoom, unselected, context),
	];
}
