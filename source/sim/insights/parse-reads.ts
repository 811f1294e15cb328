// Which of a parse command's captures the rest of the query reads. A parse before `stats` sets
// fields on every scanned event, and the stats rows show only what stats computes: captures no
// later command names are never seen, so the parse need not cut them out of each message. Flow
// logs in a custom format are parsed with one capture per field (24 in the v5 format) while a
// query counts by a handful; cutting all of them was most of what the sim allocated per scan.
import type {Command} from './ast.js';
import {fieldNamesIn} from './expr-walk.js';

function namesReadBy(command: Command): readonly string[] {
	switch (command.kind) {
		case 'filter':
			return fieldNamesIn(command.condition);
		case 'fields':
		case 'display':
			return command.items.flatMap((item) => fieldNamesIn(item.expr));
		case 'parse':
			return fieldNamesIn(command.source);
		case 'stats':
			return [...command.items, ...command.groups].flatMap((item) => fieldNamesIn(item.expr));
		case 'sort':
			return command.keys.flatMap((key) => fieldNamesIn(key.expr));
		case 'dedup':
			return command.fields;
		case 'limit':
			return [];
	}
}

/**
 * The names the commands after `index` read, when a `stats` follows (its rows are all the query
 * shows); undefined when none does, as every field set then shows in the results. System fields
 * (`@timestamp`, `@message`, …) count as read whenever a capture sets one: some functions read
 * them without naming them (`bin()` on a stats row reads `@timestamp`).
 */
export function namesReadAfter(
	commands: readonly Command[],
	index: number,
): ReadonlySet<string> | undefined {
	const after = commands.slice(index + 1);
	if (!after.some((command) => command.kind === 'stats')) {
		return undefined;
	}

	const parse = commands[index];
	const system = parse?.kind === 'parse' ? parse.names.filter((name) => name.startsWith('@')) : [];
	return new Set([...after.flatMap(namesReadBy), ...system]);
}
