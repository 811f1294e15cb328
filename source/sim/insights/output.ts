// Which fields a result row shows, and in what order. Without `fields`, `display` or `stats` a
// query shows @timestamp and @message (the Insights default); `fields` commands add up; the last
// `display` replaces everything; `stats` starts over with its own groups and results; fields made
// by `parse` are shown as well. Every row of events also carries its @ptr, as in AWS.
import type {Command} from './ast.js';
import type {Row} from './rows.js';
import {renderValue} from './values.js';

export type QueryResultRow = readonly {readonly field: string; readonly value: string}[];

export function outputFields(commands: readonly Command[]): readonly string[] {
	let shown: string[] = [];
	let displayed: readonly string[] | undefined;
	let chosen = false;
	const add = (names: readonly string[]): void => {
		shown = [...shown, ...names.filter((name) => !shown.includes(name))];
	};
	for (const command of commands) {
		switch (command.kind) {
			case 'fields':
				chosen = true;
				add(command.items.map((item) => item.name));
				break;
			case 'parse':
				add(command.names);
				break;
			case 'display':
				displayed = command.items.map((item) => item.name);
				break;
			case 'stats':
				chosen = true;
				shown = [];
				displayed = undefined;
				add([...command.groups, ...command.items].map((item) => item.name));
				break;
			default:
				break;
		}
	}
	if (displayed !== undefined) {
		return displayed;
	}
	if (!chosen) {
		return [
			'@timestamp',
			'@message',
			...shown.filter((name) => name !== '@timestamp' && name !== '@message'),
		];
	}
	return shown;
}

export function renderRow(row: Row, fields: readonly string[]): QueryResultRow {
	const cells: {field: string; value: string}[] = [];
	for (const field of fields) {
		const value = renderValue(row.get(field));
		if (value !== undefined) {
			cells.push({field, value});
		}
	}
	if (row.ptr !== undefined && !fields.includes('@ptr')) {
		cells.push({field: '@ptr', value: row.ptr});
	}
	return cells;
}
