// Flow logs in S3, as lbtop reads them: where a flow log's files are (AWS's documented key
// layouts), whether a Glue table fits the flow log, the one Athena query for a settled stretch, and
// the CREATE TABLE lbtop prints (checked against the table the sim makes the way AWS's
// documentation makes it).
import {describe, expect, it} from 'vitest';
import {defaultFlowFormat, flowFormatOf} from '../../../source/domain/flows/flow-format.js';
import {athenaDdl} from '../../../source/domain/flows-window/athena-ddl.js';
import {athenaRows, buildAthenaQuery} from '../../../source/domain/flows-window/athena-query.js';
import {type CatalogTable, fitTable} from '../../../source/domain/flows-window/athena-table.js';
import {
	folderOf,
	foldersFor,
	type S3FeedSource,
	startAfterFor,
	windowOfKey,
} from '../../../source/domain/flows-window/index.js';
import {flowLogTable} from '../../../source/sim/delivery/flow-log-table.js';
import {flowLogFileName, flowLogFolder} from '../../../source/sim/delivery/s3-keys.js';
import type {FlowLogDestinationOptions} from '../../../source/sim/world/types.js';

const at = Date.UTC(2026, 10, 20, 23, 57, 0) / 1000;
const layouts: [string, FlowLogDestinationOptions][] = [
	['default', {fileFormat: 'plain-text', hiveCompatiblePartitions: false, perHourPartition: false}],
	['per hour', {fileFormat: 'plain-text', hiveCompatiblePartitions: false, perHourPartition: true}],
	['Hive', {fileFormat: 'parquet', hiveCompatiblePartitions: true, perHourPartition: false}],
	[
		'Hive per hour',
		{fileFormat: 'parquet', hiveCompatiblePartitions: true, perHourPartition: true},
	],
];

function source(options: FlowLogDestinationOptions): S3FeedSource {
	return {
		flowLogId: 'fl-0abc123',
		bucket: 'archive',
		prefix: 'logs/',
		accountId: '123456789012',
		region: 'eu-west-1',
		options,
	};
}

function catalogOf(options: FlowLogDestinationOptions): CatalogTable {
	const table = flowLogTable({
		databaseName: 'flows',
		name: 'vpc',
		bucket: 'archive',
		prefix: 'logs/',
		accountId: '123456789012',
		region: 'eu-west-1',
		fields: defaultFlowFormat.fields,
		options,
		createTime: 0,
	});
	return {
		database: table.databaseName,
		name: table.name,
		columns: table.columns,
		partitionKeys: table.partitionKeys,
		location: table.location,
		parameters: table.parameters,
		storage: `${table.serializationLibrary} ${table.inputFormat}`,
	};
}

describe.each(layouts)('the %s layout', (_name, options) => {
	it('finds the folder and file names VPC Flow Logs writes', () => {
		const name = {accountId: '123456789012', region: 'eu-west-1', flowLogId: 'fl-0abc123', options};
		const window = Math.floor(at / 300) * 300;
		expect(folderOf(source(options), at)).toBe(`logs/${flowLogFolder(name, window * 1000)}`);
		const key = `${folderOf(source(options), at)}${flowLogFileName(name, window * 1000, '0a1b2c3d')}`;
		expect(windowOfKey(key)).toBe(window);
		// The listing from a window on starts right before that window's files.
		const startAfter = startAfterFor(source(options), folderOf(source(options), at), at);
		expect(key > startAfter).toBe(true);
		expect(startAfterFor(source(options), folderOf(source(options), at), at + 300) > key).toBe(
			true,
		);
	});

	it("lists yesterday's folder too just after midnight UTC", () => {
		// 00:01 UTC: a file of 23:55 may still be arriving in the folder of the day (or hour) before.
		const folders = foldersFor(source(options), at + 240, at + 600);
		expect(folders).toHaveLength(2);
		expect(folderOf(source(options), folders[0] ?? 0)).toBe(folderOf(source(options), at));
	});

	it('fits the table AWS documents, and reads its partitions off the folder', () => {
		const fit = fitTable(catalogOf(options), source(options), defaultFlowFormat, at);
		expect(fit.ok).toBe(true);
		if (!fit.ok) return;
		const values = fit.table.partitionsAt?.(at);
		expect(values?.get('day')).toBe(options.hiveCompatiblePartitions ? '20' : '2026/11/20');
		expect(values?.has('hour')).toBe(options.perHourPartition);
	});

	it("prints a CREATE TABLE with the documented table's columns and projection", () => {
		const ddl = athenaDdl(source(options), defaultFlowFormat, 'flows', 'vpc');
		const table = catalogOf(options);
		for (const column of table.columns) {
			expect(ddl).toContain(`\`${column.name}\` ${column.type}`);
		}
		for (const [name, value] of Object.entries(table.parameters)) {
			if (
				name.startsWith('projection.') ||
				name === 'storage.location.template' ||
				name === 'skip.header.line.count'
			) {
				expect(ddl).toContain(`'${name}' = '${value}'`);
			}
		}
		expect(ddl).toContain(
			`PARTITIONED BY (${table.partitionKeys.map((key) => `\`${key.name}\` string`).join(', ')})`,
		);
		expect(ddl).toContain("LOCATION 's3://archive/logs/AWSLogs/'");
		expect(ddl).not.toMatch(/\b(INSERT|DROP|ALTER)\b/);
	});
});

describe('fitTable', () => {
	const options = layouts[0]?.[1] as FlowLogDestinationOptions;
	it.each([
		[
			'another bucket',
			(table: CatalogTable) => ({...table, location: 's3://elsewhere/AWSLogs/', parameters: {}}),
			/does not cover s3:\/\/archive\/logs\/AWSLogs/,
		],
		[
			'a missing column',
			(table: CatalogTable) => ({
				...table,
				columns: table.columns.filter((column) => column.name !== 'srcaddr'),
			}),
			/has no column srcaddr/,
		],
		[
			"columns out of the flow log's order (text reads by position)",
			(table: CatalogTable) => ({...table, columns: [...table.columns].reverse()}),
			/a text table reads columns by position/,
		],
		[
			'a counted column that is text',
			(table: CatalogTable) => ({
				...table,
				columns: table.columns.map((column) =>
					column.name === 'bytes' ? {...column, type: 'string'} : column,
				),
			}),
			/column bytes is string/,
		],
	])('refuses %s and says why', (_name, change, problem) => {
		const fit = fitTable(change(catalogOf(options)), source(options), defaultFlowFormat, at);
		expect(fit.ok).toBe(false);
		expect(fit.ok ? '' : fit.problems.join('; ')).toMatch(problem);
	});

	it('fits a custom format by name in Parquet, whatever the column order', () => {
		const parquet = {...options, fileFormat: 'parquet' as const};
		const format = flowFormatOf([
			'interface-id',
			'srcaddr',
			'dstport',
			'action',
			'start',
			'end',
			'bytes',
		]);
		const table = {...catalogOf(parquet), columns: catalogOf(parquet).columns.slice().reverse()};
		expect(fitTable(table, source(parquet), format, at).ok).toBe(true);
	});
});

describe('the Athena query for a settled stretch', () => {
	const options = layouts[1]?.[1] as FlowLogDestinationOptions;
	const fit = fitTable(catalogOf(options), source(options), defaultFlowFormat, at);
	const table = fit.ok ? fit.table : undefined;
	const query = buildAthenaQuery({
		...(table === undefined ? ({} as never) : {table}),
		range: {start: at - 600, end: at - 300},
		interfaceIds: ['eni-0aaa', 'eni-0bbb'],
		paths: ['s3://archive/logs/a.log.gz', 's3://archive/logs/b.log.gz'],
		bucketSeconds: 60,
	});

	it('passes every value as a parameter, none in the text', () => {
		expect(query.sql).not.toMatch(/eni-0aaa|archive|2026/);
		expect(query.sql.split('?').length - 1).toBe(query.parameters.length);
		expect(query.parameters).toEqual(
			expect.arrayContaining([
				"'s3://archive/logs/a.log.gz'",
				"'eni-0bbb'",
				String(at - 600),
				String(at - 300),
			]),
		);
	});

	it('prunes to the hours around the stretch, widened by one at each edge', () => {
		const days = query.parameters.filter((value) => /^'\d{4}\/\d{2}\/\d{2}'$/.test(value));
		const hours = query.parameters.filter((value) => /^'\d{2}'$/.test(value));
		expect(days.length).toBe(hours.length);
		expect(hours).toEqual(["'22'", "'23'", "'00'"]);
		expect(days).toEqual(["'2026/11/20'", "'2026/11/20'", "'2026/11/21'"]);
	});

	it('answers the timeline and the sources from one scan, as Insights rows', () => {
		expect(query.sql.match(/FROM "flows"\."vpc"/g)).toHaveLength(1);
		const answer = athenaRows(
			[
				'bucket',
				'action',
				'interface_id',
				'srcaddr',
				'dstport',
				'flows',
				'packets',
				'bytes',
				'timeline',
				'rank',
			],
			[
				['1700000040', 'ACCEPT', 'eni-0aaa', null, null, '3', '30', '900', '1', '1'],
				[null, 'ACCEPT', 'eni-0aaa', '198.51.100.1', '80', '2', '20', '600', '0', '1'],
				[null, 'ACCEPT', 'eni-0aaa', '10.0.0.5', '80', '1', '10', '300', '0', '2'],
			],
			['10.0.0.5'],
		);
		expect(answer.timeline).toEqual([
			[
				{field: 'bucket', value: '1700000040'},
				{field: 'action', value: 'ACCEPT'},
				{field: 'interfaceId', value: 'eni-0aaa'},
				{field: 'flows', value: '3'},
				{field: 'packets', value: '30'},
				{field: 'bytes', value: '900'},
			],
		]);
		// The path's own addresses are left out of the sources, as the Insights query leaves them out.
		expect(
			answer.sources.map((row) => row.find((cell) => cell.field === 'srcAddr')?.value),
		).toEqual(['198.51.100.1']);
	});
});
