// Each command compiled once into a step: per-row steps (parse, fields, display, filter) run in
// one pass over the rows; the others (stats, sort, limit, dedup) take the whole row list.
import type {Command, NamedExpr} from './ast.js';
import {compile} from './compile.js';
import type {FieldSlots} from './field-slots.js';
import {namesReadAfter} from './parse-reads.js';
import type {Row} from './rows.js';
import {compareSortKeys, sortKeyOf} from './sort-order.js';
import {compileStats, type StatsRunner} from './stats.js';
import {groupKeyOf, isTrue, textOf} from './values.js';

export type Step =
	| {readonly kind: 'row'; readonly apply: (row: Row) => boolean; readonly filters: boolean}
	| {readonly kind: 'stats'; readonly start: StatsRunner}
	| {readonly kind: 'sort'; readonly run: (rows: readonly Row[]) => Row[]}
	| {readonly kind: 'limit'; readonly count: number}
	| {readonly kind: 'dedup'; readonly run: (rows: readonly Row[]) => Row[]};

function assignments(items: readonly NamedExpr[], fields: FieldSlots): (row: Row) => boolean {
	// A bare field named as itself needs no work; expressions and aliases are stored on the row.
	const computed = items
		.filter((item) => item.aliased || item.expr.kind !== 'field')
		.map((item) => ({
			name: item.name,
			slot: fields.slotOf(item.name),
			evaluate: compile(item.expr, {fields}),
		}));
	return (row) => {
		for (const item of computed) {
			row.write(item.slot, item.name, item.evaluate(row));
		}
		return true;
	};
}

/** The query's steps; a parse before `stats` cuts out only the captures the query reads. */
export function compileSteps(commands: readonly Command[], fields: FieldSlots): Step[] {
	return commands.map((command, index) =>
		compileStep(
			command,
			fields,
			command.kind === 'parse' ? namesReadAfter(commands, index) : undefined,
		),
	);
}

/** `read`: for a parse, the names read after it (undefined: all of them). */
export function compileStep(
	command: Command,
	fields: FieldSlots,
	read?: ReadonlySet<string>,
): Step {
	const scope = {fields};
	switch (command.kind) {
		case 'fields':
		case 'display':
			return {kind: 'row', apply: assignments(command.items, fields), filters: false};
		case 'filter': {
			const condition = compile(command.condition, scope);
			return {kind: 'row', apply: (row) => isTrue(condition(row)), filters: true};
		}
		case 'parse': {
			const kept = command.names.flatMap((name, index) =>
				read === undefined || read.has(name) ? [index] : [],
			);
			if (kept.length === 0) {
				return {kind: 'row', filters: false, apply: () => true};
			}
			const source = compile(command.source, scope);
			const names = kept.map((index) => command.names[index] ?? '');
			const extract =
				kept.length === command.names.length ? command.extract : command.extractOnly(kept);
			const slots = names.map((name) => fields.slotOf(name));
			// A generated flow record's words are read without writing its line (a scan of a busy
			// minute parses a million of them); the line is written only when the words are unknown.
			// Only while no command sets `@message`: a row then reads that value, not the record.
			const words =
				command.plainWords &&
				command.source.kind === 'field' &&
				command.source.name === '@message' &&
				fields.slotOf('@message') < 0
					? command.names.length
					: 0;
			return {
				kind: 'row',
				filters: false,
				apply: (row) => {
					if (words > 0 && row.words() === words) {
						for (let index = 0; index < names.length; index++) {
							const word = row.word(kept[index] ?? 0);
							row.write(
								slots[index] ?? -1,
								names[index] ?? '',
								typeof word === 'number' ? String(word) : word,
							);
						}
						return true;
					}
					const value = source(row);
					const values = value === undefined ? undefined : extract(textOf(value));
					if (values !== undefined) {
						// Indexed: an entries() iterator makes a pair per capture of every scanned event.
						for (let index = 0; index < names.length; index++) {
							row.write(slots[index] ?? -1, names[index] ?? '', values[index]);
						}
					}
					return true;
				},
			};
		}
		case 'stats':
			return {kind: 'stats', start: compileStats(command, fields)};
		case 'sort': {
			const keys = command.keys.map((key) => ({
				evaluate: compile(key.expr, scope),
				descending: key.descending,
			}));
			return {
				kind: 'sort',
				run: (rows) =>
					rows
						.map((row) => ({row, keys: keys.map((key) => sortKeyOf(key.evaluate(row)))}))
						.sort((a, b) => {
							for (const [index, key] of keys.entries()) {
								const left = a.keys[index];
								const right = b.keys[index];
								const order =
									left === undefined || right === undefined
										? 0
										: compareSortKeys(left, right, key.descending);
								if (order !== 0) {
									return order;
								}
							}
							return 0;
						})
						.map(({row}) => row),
			};
		}
		case 'limit':
			return {kind: 'limit', count: command.count};
		case 'dedup': {
			const reads = command.fields.map((name) => compile({kind: 'field', name}, scope));
			return {
				kind: 'dedup',
				run: (rows) => {
					const seen = new Set<string>();
					return rows.filter((row) => {
						const values = reads.map((read) => read(row));
						// Rows missing any of the fields are never duplicates.
						if (values.some((value) => value === undefined)) {
							return true;
						}
						const key = values.map(groupKeyOf).join('\u0001');
						const duplicate = seen.has(key);
						seen.add(key);
						return !duplicate;
					});
				},
			};
		}
	}
}
