// One Insights query for a settled stretch instead of two. Logs Insights bills every byte of the
// range per query, so the timeline query and the sources query together scan each byte twice. A
// single `stats` grouped by bucket, action, interface, source and port carries both: summing its
// rows over source and port gives the timeline query's rows, and its rows are the sources query's
// rows (which keep the bucket too), exactly. Its rows number at most the records it counts (each row counts
// at least one), so it is only asked when the raw reads counted fewer records in the stretch than
// Insights returns rows; a full answer is the proof it was not cut short.
import {
	aggregateColumns,
	alias,
	aliasOf,
	fieldNames,
	interfaceFilter,
	parsePrefix,
	sumOf,
} from '../flows/aggregate-queries.js';
import {type InsightsRow, readNumber} from '../flows/aggregate-rows.js';
import type {FlowFormat} from '../flows/flow-format.js';

export type CombinedQueryOptions = {
	readonly format: FlowFormat;
	readonly bucketSeconds: number;
	readonly interfaceIds: readonly string[];
};

/** StartQuery's own maximum number of rows. */
export const insightsRowLimit = 10_000;

/**
 * The query, or undefined when the format lacks the action or source address (the timeline query
 * alone then says everything that can be said).
 */
export function buildCombinedQuery(options: CombinedQueryOptions): string | undefined {
	const fields = fieldNames(options.format);
	const action = fields.get('action');
	const srcAddr = fields.get('srcaddr');
	if (action === undefined || srcAddr === undefined) {
		return undefined;
	}

	const interfaceId = fields.get('interface-id');
	const sums = [
		'count(*) as flows',
		...sumOf(fields.get('packets'), aggregateColumns.packets),
		...sumOf(fields.get('bytes'), aggregateColumns.bytes),
	].join(', ');
	const groups = [
		`bin(${Math.max(1, Math.floor(options.bucketSeconds))}s) as ${aggregateColumns.bucket}`,
		alias(action, aggregateColumns.action),
		...aliasOf(interfaceId, aggregateColumns.interfaceId),
		alias(srcAddr, aggregateColumns.srcAddr),
		...aliasOf(fields.get('dstport'), aggregateColumns.dstPort),
	];
	return [
		...parsePrefix(options.format),
		`filter ${action} = "ACCEPT" or ${action} = "REJECT"`,
		...interfaceFilter(interfaceId, options.interfaceIds),
		`stats ${sums} by ${groups.join(', ')}`,
	].join(' | ');
}

export type SplitRows = {
	readonly timeline: InsightsRow[];
	readonly sources: InsightsRow[];
};

type Sums = {flows: number; packets: number; bytes: number};
type Group = {readonly cells: readonly (readonly [string, string])[]; readonly sums: Sums};

/**
 * The combined query's rows as the timeline and sources queries would have returned them. The
 * sources query leaves the path's own addresses out (`localAddrs`), so they are left out here too.
 * A row whose counts cannot be read is passed on as it came, once, to be counted as malformed.
 */
export function splitCombinedRows(
	rows: readonly InsightsRow[],
	localAddrs: readonly string[],
): SplitRows {
	const local = new Set(localAddrs);
	const timeline = new Map<string, Group>();
	const sources = new Map<string, Group>();
	const unreadable: InsightsRow[] = [];
	const summed = {packets: false, bytes: false};
	for (const row of rows) {
		const values = valuesOf(row);
		const sums = readSums(values);
		if (sums === undefined) {
			unreadable.push(row);
			continue;
		}

		summed.packets ||= values.has(aggregateColumns.packets);
		summed.bytes ||= values.has(aggregateColumns.bytes);
		add(
			timeline,
			cellsOf(values, [
				aggregateColumns.bucket,
				aggregateColumns.action,
				aggregateColumns.interfaceId,
			]),
			sums,
		);
		const srcAddr = values.get(aggregateColumns.srcAddr);
		if (srcAddr === undefined || !local.has(srcAddr)) {
			add(
				sources,
				cellsOf(values, [
					aggregateColumns.bucket,
					aggregateColumns.action,
					aggregateColumns.srcAddr,
					aggregateColumns.dstPort,
					aggregateColumns.interfaceId,
				]),
				sums,
			);
		}
	}

	const rowsOf = (groups: Map<string, Group>) =>
		[...groups.values()].map((group) => rowOf(group, summed));
	return {
		timeline: [...rowsOf(timeline), ...unreadable],
		sources: rowsOf(sources).sort((left, right) => flowsOf(right) - flowsOf(left)),
	};
}

function valuesOf(row: InsightsRow): Map<string, string> {
	const values = new Map<string, string>();
	for (const cell of Array.isArray(row) ? row : []) {
		if (typeof cell?.field === 'string' && typeof cell.value === 'string') {
			values.set(cell.field, cell.value.trim());
		}
	}

	return values;
}

function readSums(values: ReadonlyMap<string, string>): Sums | undefined {
	const flows = readNumber(values.get(aggregateColumns.flows));
	const packets = readNumber(values.get(aggregateColumns.packets) ?? '0');
	const bytes = readNumber(values.get(aggregateColumns.bytes) ?? '0');
	if (flows === undefined || packets === undefined || bytes === undefined) {
		return undefined;
	}

	return {flows, packets, bytes};
}

function cellsOf(
	values: ReadonlyMap<string, string>,
	fields: readonly string[],
): (readonly [string, string])[] {
	return fields.flatMap((field) => {
		const value = values.get(field);
		return value === undefined ? [] : [[field, value] as const];
	});
}

function add(
	groups: Map<string, Group>,
	cells: readonly (readonly [string, string])[],
	sums: Sums,
) {
	const key = JSON.stringify(cells);
	const known = groups.get(key);
	if (known === undefined) {
		groups.set(key, {cells, sums: {...sums}});
		return;
	}

	known.sums.flows += sums.flows;
	known.sums.packets += sums.packets;
	known.sums.bytes += sums.bytes;
}

function rowOf(group: Group, summed: {readonly packets: boolean; readonly bytes: boolean}) {
	return [
		...group.cells.map(([field, value]) => ({field, value})),
		{field: aggregateColumns.flows, value: String(group.sums.flows)},
		...(summed.packets
			? [{field: aggregateColumns.packets, value: String(group.sums.packets)}]
			: []),
		...(summed.bytes ? [{field: aggregateColumns.bytes, value: String(group.sums.bytes)}] : []),
	];
}

function flowsOf(row: InsightsRow): number {
	return Number(row.find((cell) => cell.field === aggregateColumns.flows)?.value ?? 0);
}
