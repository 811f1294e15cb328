// The Glue Data Catalog, read only: the tables Athena could query flow logs through.
import type {Table} from '@aws-sdk/client-glue';
import type {CatalogTable} from '../domain/flows-window/athena-table.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

/** The commands load with the client (sdk/glue-client.ts), not with this module. */
const glueSdk = () => import('./sdk/glue-client.js');

/** An account with more databases or tables than this has its flow log table named with --athena-table. */
const maxPages = 5;

export function catalogTableOf(table: Table, database: string): CatalogTable {
	const descriptor = table.StorageDescriptor;
	return {
		database: table.DatabaseName ?? database,
		name: table.Name ?? '',
		columns: (descriptor?.Columns ?? []).map((column) => ({
			name: column.Name ?? '',
			type: column.Type ?? 'string',
		})),
		partitionKeys: (table.PartitionKeys ?? []).map((column) => ({
			name: column.Name ?? '',
			type: column.Type ?? 'string',
		})),
		location: descriptor?.Location ?? '',
		parameters: {...(table.Parameters ?? {})},
		storage: `${descriptor?.SerdeInfo?.SerializationLibrary ?? ''} ${descriptor?.InputFormat ?? ''}`,
	};
}

export async function catalogTable(
	clients: AwsClients,
	database: string,
	name: string,
	signal?: AbortSignal,
): Promise<CatalogTable> {
	const glue = await clients.glue();
	const {GetTableCommand} = await glueSdk();
	const output = await awsCall(
		'glue:GetTable',
		() =>
			glue.send(
				new GetTableCommand({DatabaseName: database, Name: name}),
				signal === undefined ? {} : {abortSignal: signal},
			),
		`table ${database}.${name}`,
	);
	if (output.Table === undefined) {
		throw new Error(`glue:GetTable returned no table for ${database}.${name}`);
	}
	return catalogTableOf(output.Table, database);
}

/** Every table of every database (within a few pages of each). */
export async function catalogTables(
	clients: AwsClients,
	signal?: AbortSignal,
): Promise<CatalogTable[]> {
	const glue = await clients.glue();
	const {GetDatabasesCommand, GetTablesCommand} = await glueSdk();
	const options = signal === undefined ? {} : {abortSignal: signal};
	const databases: string[] = [];
	let token: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const output = await awsCall('glue:GetDatabases', () =>
			glue.send(new GetDatabasesCommand(token === undefined ? {} : {NextToken: token}), options),
		);
		databases.push(
			...(output.DatabaseList ?? []).flatMap((item) => (item.Name ? [item.Name] : [])),
		);
		token = output.NextToken;
		if (token === undefined) break;
	}

	const tables: CatalogTable[] = [];
	for (const database of databases) {
		let next: string | undefined;
		for (let page = 0; page < maxPages; page++) {
			const output = await awsCall('glue:GetTables', () =>
				glue.send(
					new GetTablesCommand({
						DatabaseName: database,
						...(next === undefined ? {} : {NextToken: next}),
					}),
					options,
				),
			);
			tables.push(...(output.TableList ?? []).map((table) => catalogTableOf(table, database)));
			next = output.NextToken;
			if (next === undefined) break;
		}
	}

	return tables;
}
