// Which Glue table Athena can answer a load balancer's access logs through: one whose location (or
// projection template) is the logs' folder and whose columns are the user guide's for that kind
// (athena-ddl.ts), whether found in the catalog or named with --athena-table.
import type {CatalogTable} from '../flows-window/athena-table.js';
import type {LoadBalancerType} from '../types/topology.js';
import {albColumns, nlbColumns} from './athena-ddl.js';
import type {AccessLogTable} from './athena-sql.js';

const trimSlash = (text: string) => text.trim().replace(/\/+$/, '');

/** Why the table cannot answer these access logs, or undefined when it can. */
export function accessLogTableProblem(
	table: CatalogTable,
	type: LoadBalancerType,
	location: string,
): string | undefined {
	const template = table.parameters['storage.location.template'] ?? '';
	const folder = trimSlash(location);
	if (trimSlash(table.location) !== folder && !trimSlash(template).startsWith(folder)) {
		return `its location ${table.location || '(none)'} is not ${location}`;
	}

	const expected = type === 'application' ? albColumns : nlbColumns;
	const names = new Set(table.columns.map((column) => column.name.toLowerCase()));
	const missing = expected.map(([name]) => name).filter((name) => !names.has(name));
	if (missing.length > 0) {
		return `it lacks the column${missing.length === 1 ? '' : 's'} ${missing.slice(0, 4).join(', ')}`;
	}

	if (!table.partitionKeys.some((key) => key.name.toLowerCase() === 'day')) {
		return 'it has no `day` partition (yyyy/MM/dd), which lbtop prunes by';
	}

	return undefined;
}

/** The first table of the catalog that answers these access logs. */
export function accessLogTableIn(
	tables: readonly CatalogTable[],
	type: LoadBalancerType,
	location: string,
): AccessLogTable | undefined {
	const found = tables.find((table) => accessLogTableProblem(table, type, location) === undefined);
	return found === undefined ? undefined : {database: found.database, name: found.name};
}
