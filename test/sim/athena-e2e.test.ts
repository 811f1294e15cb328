// Athena and Glue through the real HTTP server: the unmodified SDK clients and Debian's AWS CLI,
// over flow log objects delivered as VPC Flow Logs delivers them, with a table made the way AWS's
// Athena documentation makes one. The SQL runs in DuckDB.
import {
	AthenaClient,
	GetQueryExecutionCommand,
	GetQueryResultsCommand,
	type QueryExecutionState,
	StartQueryExecutionCommand,
	StopQueryExecutionCommand,
	TooManyRequestsException,
} from '@aws-sdk/client-athena';
import {afterEach, describe, expect, it} from 'vitest';
import {defaultFormatFields} from '../../source/domain/flows/flow-fields.js';
import {flowLogObjects} from '../../source/sim/delivery/flow-log-objects.js';
import {flowLogTable} from '../../source/sim/delivery/flow-log-table.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {type AthenaService, createAthenaService} from '../../source/sim/services/athena/index.js';
import {createGlueService} from '../../source/sim/services/glue/index.js';
import {createS3Service} from '../../source/sim/services/s3/index.js';
import type {DataLake, FlowLogDestinationOptions} from '../../source/sim/world/types.js';
import {accountId, emptyWorld, t0} from './logs-test-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

const start = Math.floor(t0 / 1000) - 3600;

/** One record line in the default format. */
function line(eni: string, src: string, action: string, startSeconds: number, bytes = 100): string {
	return `2 ${accountId} ${eni} ${src} 10.0.0.9 40000 443 6 5 ${bytes} ${startSeconds} ${startSeconds + 60} ${action} OK`;
}

function lake(options: FlowLogDestinationOptions): DataLake {
	const target = {
		accountId,
		region: 'us-east-1',
		flowLogId: 'fl-0abc',
		options,
		prefix: 'vpc/',
		fields: defaultFormatFields,
	};
	const records = [
		line('eni-0aaa', '198.51.100.1', 'ACCEPT', start),
		line('eni-0aaa', '198.51.100.1', 'ACCEPT', start + 30),
		line('eni-0aaa', '198.51.100.2', 'REJECT', start + 400),
		line('eni-0bbb', '198.51.100.3', 'ACCEPT', start + 1000),
		`2 ${accountId} eni-0aaa - - - - - - - ${start} ${start + 60} - NODATA`,
	].map((message) => {
		const end = Number(message.split(' ')[11]);
		return {message, end, deliveredAt: end * 1000 + 300_000};
	});
	return {
		buckets: [{name: 'flow-archive', creationDate: 0, objects: flowLogObjects(target, records)}],
		glueDatabases: [{name: 'flows', createTime: 0}],
		glueTables: [
			flowLogTable({
				databaseName: 'flows',
				name: 'vpc_flow_logs',
				bucket: 'flow-archive',
				prefix: 'vpc/',
				accountId,
				region: 'us-east-1',
				fields: defaultFormatFields,
				options,
				createTime: 0,
			}),
		],
		athenaWorkGroups: [
			{name: 'lbtop', outputLocation: 's3://flow-archive/athena-results/'},
			{name: 'no-output'},
		],
	};
}

const plainText: FlowLogDestinationOptions = {
	fileFormat: 'plain-text',
	hiveCompatiblePartitions: false,
	perHourPartition: false,
};

let running: RunningSim | undefined;
let athena: AthenaService | undefined;

async function serve(options = plainText, limits = {}): Promise<RunningSim> {
	// A fixed time: two reads of Date.now() may straddle a millisecond, and a clock that steps back
	// turns a query SUCCEEDED a moment ago into one QUEUED again.
	const clock = {now: () => t0};
	athena = createAthenaService(clock, {queuedMs: 0, runningMs: 0, ...limits});
	running = await startSim({
		world: emptyWorld({dataLake: lake(options)}),
		jsonServices: [athena, createGlueService()],
		restServices: [createS3Service()],
		clock,
	});
	return running;
}

afterEach(async () => {
	await running?.close();
	await athena?.close();
	running = undefined;
	athena = undefined;
});

async function finished(client: AthenaClient, id: string): Promise<QueryExecutionState> {
	for (;;) {
		const {QueryExecution} = await client.send(
			new GetQueryExecutionCommand({QueryExecutionId: id}),
		);
		const state = QueryExecution?.Status?.State;
		if (state !== 'QUEUED' && state !== 'RUNNING' && state !== undefined) {
			return state;
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const day = new Date(start * 1000).toISOString().slice(0, 10).replaceAll('-', '/');

describe.each([
	['gzip text', plainText],
	[
		'Parquet, Hive folders by hour',
		{fileFormat: 'parquet', hiveCompatiblePartitions: true, perHourPartition: true},
	],
] as const)('Athena through the SDK over %s', (_name, options) => {
	it('answers a grouped query with its header row, page by page, and counts the bytes it read', async () => {
		const sim = await serve(options);
		const client = new AthenaClient(sdkConfig(sim.url));
		const {QueryExecutionId: id = ''} = await client.send(
			new StartQueryExecutionCommand({
				QueryString:
					"SELECT action, interface_id, count(*) AS flows, sum(bytes) AS bytes FROM flows.vpc_flow_logs WHERE \"end\" >= ? AND action IN ('ACCEPT', 'REJECT') GROUP BY action, interface_id ORDER BY flows DESC, action, interface_id",
				ExecutionParameters: [String(start)],
				WorkGroup: 'lbtop',
			}),
		);
		expect(await finished(client, id)).toBe('SUCCEEDED');
		const first = await client.send(
			new GetQueryResultsCommand({QueryExecutionId: id, MaxResults: 2}),
		);
		const cells = (rows: typeof first.ResultSet extends infer T ? T : never) =>
			(rows?.Rows ?? []).map((row) => (row.Data ?? []).map((cell) => cell.VarCharValue));
		expect(cells(first.ResultSet)).toEqual([
			['action', 'interface_id', 'flows', 'bytes'],
			['ACCEPT', 'eni-0aaa', '2', '200'],
		]);
		expect(first.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((column) => column.Type)).toEqual([
			'varchar',
			'varchar',
			'bigint',
			'bigint',
		]);
		const rest = await client.send(
			new GetQueryResultsCommand({QueryExecutionId: id, NextToken: first.NextToken}),
		);
		expect(cells(rest.ResultSet)).toEqual([
			['ACCEPT', 'eni-0bbb', '1', '100'],
			['REJECT', 'eni-0aaa', '1', '100'],
		]);
		expect(rest.NextToken).toBeUndefined();
		const {QueryExecution} = await client.send(
			new GetQueryExecutionCommand({QueryExecutionId: id}),
		);
		const delivered = lake(options).buckets[0]?.objects.reduce(
			(sum, object) => sum + object.body.byteLength,
			0,
		);
		expect(QueryExecution?.Statistics?.DataScannedInBytes).toBe(delivered);
	});
});

describe('Athena pruning, failures and limits', () => {
	it('reads only the partitions and objects the conditions name', async () => {
		const sim = await serve();
		const client = new AthenaClient(sdkConfig(sim.url));
		const objects = lake(plainText).buckets[0]?.objects ?? [];
		const firstPath = `s3://flow-archive/${objects[0]?.key}`;
		const {QueryExecutionId: id = ''} = await client.send(
			new StartQueryExecutionCommand({
				QueryString: 'SELECT count(*) AS n FROM vpc_flow_logs WHERE day = ? AND "$path" IN (?)',
				ExecutionParameters: [`'${day}'`, `'${firstPath}'`],
				QueryExecutionContext: {Database: 'flows'},
				WorkGroup: 'lbtop',
			}),
		);
		expect(await finished(client, id)).toBe('SUCCEEDED');
		const {QueryExecution} = await client.send(
			new GetQueryExecutionCommand({QueryExecutionId: id}),
		);
		expect(QueryExecution?.Statistics?.DataScannedInBytes).toBe(objects[0]?.body.byteLength);
	});

	it("fails a query on an unknown column with Athena's message, refuses DDL, needs an output location", async () => {
		const sim = await serve();
		const client = new AthenaClient(sdkConfig(sim.url));
		const run = async (QueryString: string) => {
			const {QueryExecutionId: id = ''} = await client.send(
				new StartQueryExecutionCommand({QueryString, WorkGroup: 'lbtop'}),
			);
			await finished(client, id);
			return (await client.send(new GetQueryExecutionCommand({QueryExecutionId: id})))
				.QueryExecution?.Status;
		};
		expect(await run('SELECT nope FROM flows.vpc_flow_logs')).toMatchObject({
			State: 'FAILED',
			StateChangeReason: expect.stringMatching(/^COLUMN_NOT_FOUND: .*'nope' cannot be resolved/),
		});
		expect(await run('SELECT * FROM flows.missing')).toMatchObject({
			State: 'FAILED',
			StateChangeReason: expect.stringContaining(
				"TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.flows.missing' does not exist",
			),
		});
		expect(await run('CREATE TABLE flows.x (a int)')).toMatchObject({
			State: 'FAILED',
			StateChangeReason: expect.stringMatching(/^NOT_SUPPORTED/),
		});
		await expect(
			client.send(
				new StartQueryExecutionCommand({QueryString: 'SELECT 1', WorkGroup: 'no-output'}),
			),
		).rejects.toThrow(/No output location provided/);
	});

	it('says TooManyRequestsException past the concurrency limit, and stops a query on request', async () => {
		const sim = await serve(plainText, {queuedMs: 60_000, maxActiveQueries: 1});
		const client = new AthenaClient(sdkConfig(sim.url));
		const {QueryExecutionId: id = ''} = await client.send(
			new StartQueryExecutionCommand({QueryString: 'SELECT 1', WorkGroup: 'lbtop'}),
		);
		await expect(
			client.send(new StartQueryExecutionCommand({QueryString: 'SELECT 2', WorkGroup: 'lbtop'})),
		).rejects.toBeInstanceOf(TooManyRequestsException);
		expect(athena?.runningQueryCount()).toBe(1);
		await client.send(new StopQueryExecutionCommand({QueryExecutionId: id}));
		expect(await finished(client, id)).toBe('CANCELLED');
		expect(athena?.runningQueryCount()).toBe(0);
	});
});

describe('Athena and Glue through the AWS CLI', () => {
	it('aws glue get-tables lists the table with its projection', async () => {
		const sim = await serve();
		const output = (await awsJson(sim.url, ['glue', 'get-tables', '--database-name', 'flows'])) as {
			TableList: {
				Name: string;
				PartitionKeys: {Name: string}[];
				Parameters: Record<string, string>;
			}[];
		};
		expect(output.TableList.map((table) => table.Name)).toEqual(['vpc_flow_logs']);
		expect(output.TableList[0]?.PartitionKeys.map((key) => key.Name)).toEqual(['day']);
		expect(output.TableList[0]?.Parameters['storage.location.template']).toBe(
			`s3://flow-archive/vpc/AWSLogs/${accountId}/vpcflowlogs/us-east-1/\${day}`,
		);
	});

	it('aws athena start-query-execution, then get-query-results with the header row', async () => {
		const sim = await serve();
		const started = (await awsJson(sim.url, [
			'athena',
			'start-query-execution',
			'--query-string',
			'SELECT srcaddr, count(*) AS flows FROM flows.vpc_flow_logs WHERE action = ? GROUP BY srcaddr',
			'--execution-parameters',
			"'REJECT'",
			'--work-group',
			'lbtop',
		])) as {QueryExecutionId: string};
		let state = '';
		while (state !== 'SUCCEEDED' && state !== 'FAILED') {
			const described = (await awsJson(sim.url, [
				'athena',
				'get-query-execution',
				'--query-execution-id',
				started.QueryExecutionId,
			])) as {QueryExecution: {Status: {State: string}}};
			state = described.QueryExecution.Status.State;
		}
		expect(state).toBe('SUCCEEDED');
		const results = await runAwsCli(sim.url, [
			'athena',
			'get-query-results',
			'--query-execution-id',
			started.QueryExecutionId,
		]);
		expect(results.exitCode).toBe(0);
		const parsed = JSON.parse(results.stdout) as {
			ResultSet: {Rows: {Data: {VarCharValue?: string}[]}[]};
		};
		expect(parsed.ResultSet.Rows.map((row) => row.Data.map((cell) => cell.VarCharValue))).toEqual([
			['srcaddr', 'flows'],
			['198.51.100.2', '1'],
		]);
	});
});
