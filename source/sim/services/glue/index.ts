// The AWS Glue Data Catalog as the sim serves it (awsJson1_1, `AWSGlue.<Operation>`), read-only:
// GetDatabases, GetDatabase, GetTables, GetTable, from the world's data lake.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {GlueDatabase, GlueTable} from '../../world/types.js';
import type {JsonService} from '../json-service.js';
import {advancing} from '../logs/index.js';
import {checkRange, readInput} from '../logs/input.js';

const invalidInput = 'InvalidInputException';

function notFound(message: string): SimError {
	return new SimError('EntityNotFoundException', message);
}

function epochSeconds(ms: number): number {
	return ms / 1000;
}

function databaseShape(database: GlueDatabase, catalogId: string): JsonObject {
	return {
		Name: database.name,
		CreateTime: epochSeconds(database.createTime),
		CatalogId: catalogId,
		...(database.description === undefined ? {} : {Description: database.description}),
	};
}

export function glueTableShape(table: GlueTable, catalogId: string): JsonObject {
	const columns = (list: GlueTable['columns']) =>
		list.map((column) => ({Name: column.name, Type: column.type}));
	return {
		Name: table.name,
		DatabaseName: table.databaseName,
		CreateTime: epochSeconds(table.createTime),
		UpdateTime: epochSeconds(table.createTime),
		Retention: 0,
		StorageDescriptor: {
			Columns: columns(table.columns),
			Location: table.location,
			InputFormat: table.inputFormat,
			OutputFormat: table.outputFormat,
			Compressed: false,
			NumberOfBuckets: -1,
			SerdeInfo: {
				SerializationLibrary: table.serializationLibrary,
				Parameters: {...table.serdeParameters},
			},
			BucketColumns: [],
			SortColumns: [],
			Parameters: {},
			StoredAsSubDirectories: false,
		},
		PartitionKeys: columns(table.partitionKeys),
		TableType: 'EXTERNAL_TABLE',
		Parameters: {EXTERNAL: 'TRUE', ...table.parameters},
		CatalogId: catalogId,
		IsRegisteredWithLakeFormation: false,
	};
}

type Page<T> = {readonly items: readonly T[]; readonly nextToken?: string};

function pageOf<T>(items: readonly T[], input: JsonObject, largest: number): Page<T> {
	const read = readInput(input, invalidInput);
	const maxResults = read.optionalNumber('MaxResults');
	checkRange('maxResults', maxResults, 1, largest, invalidInput);
	const token = read.optionalString('NextToken');
	const start = token === undefined ? 0 : Number.parseInt(token, 10);
	if (!Number.isSafeInteger(start) || start < 0 || start > items.length) {
		throw new SimError(invalidInput, 'The next token is not valid.');
	}
	const end = start + (maxResults ?? largest);
	return {
		items: items.slice(start, end),
		...(end < items.length ? {nextToken: String(end)} : {}),
	};
}

function lake(context: SimContext) {
	return context.world.dataLake ?? {glueDatabases: [], glueTables: []};
}

function database(context: SimContext, name: string): GlueDatabase {
	const found = lake(context).glueDatabases.find(
		(candidate) => candidate.name === name.toLowerCase(),
	);
	if (found === undefined) {
		throw notFound(`Database ${name} not found.`);
	}
	return found;
}

function getDatabases(input: JsonObject, context: SimContext): JsonValue {
	const page = pageOf(lake(context).glueDatabases, input, 100);
	return {
		DatabaseList: page.items.map((item) => databaseShape(item, context.world.accountId)),
		...(page.nextToken === undefined ? {} : {NextToken: page.nextToken}),
	};
}

function getDatabase(input: JsonObject, context: SimContext): JsonValue {
	const name = readInput(input, invalidInput).requiredString('Name');
	return {Database: databaseShape(database(context, name), context.world.accountId)};
}

/** Glue's `Expression`: a regular expression on table names (`*` alone means all). */
function namesMatching(expression: string | undefined): (name: string) => boolean {
	if (expression === undefined || expression === '*' || expression === '') {
		return () => true;
	}
	let pattern: RegExp;
	try {
		pattern = new RegExp(`^(?:${expression.replaceAll('*', '.*')})$`, 'i');
	} catch {
		throw new SimError(invalidInput, `Invalid expression: ${expression}`);
	}
	return (name) => pattern.test(name);
}

function getTables(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidInput);
	const name = database(context, read.requiredString('DatabaseName')).name;
	const matches = namesMatching(read.optionalString('Expression'));
	const tables = lake(context).glueTables.filter(
		(table) => table.databaseName === name && matches(table.name),
	);
	const page = pageOf(tables, input, 100);
	return {
		TableList: page.items.map((table) => glueTableShape(table, context.world.accountId)),
		...(page.nextToken === undefined ? {} : {NextToken: page.nextToken}),
	};
}

function getTable(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidInput);
	const databaseName = database(context, read.requiredString('DatabaseName')).name;
	const name = read.requiredString('Name').toLowerCase();
	const table = lake(context).glueTables.find(
		(candidate) => candidate.databaseName === databaseName && candidate.name === name,
	);
	if (table === undefined) {
		throw notFound(`Table ${name} not found.`);
	}
	return {Table: glueTableShape(table, context.world.accountId)};
}

export function createGlueService(): JsonService {
	return {
		targetPrefix: 'AWSGlue',
		signingName: 'glue',
		jsonVersion: '1.1',
		operations: advancing({
			GetDatabases: getDatabases,
			GetDatabase: getDatabase,
			GetTables: getTables,
			GetTable: getTable,
		}),
	};
}
