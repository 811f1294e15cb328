// Scenario files with flow logs delivered to S3: the records become the 5-minute files VPC Flow
// Logs writes, in the bucket the flow log names; Glue tables and workgroups come with the file.
import {readFile} from 'node:fs/promises';
import {gunzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../source/sim/scenario/index.js';

const now = Date.UTC(2026, 10, 20, 12, 0, 0);

async function example(): Promise<Record<string, unknown>> {
	return JSON.parse(await readFile('examples/nlb-flow-logs-in-s3.json', 'utf8')) as Record<
		string,
		unknown
	>;
}

describe('a scenario with flow logs in S3', () => {
	it("delivers each flow log's records to its bucket as gzip files with a header line", async () => {
		const world = loadScenario(await example(), {now});
		const bucket = world.dataLake?.buckets.find((item) => item.name === 'my-nlb-flow-logs');
		expect(bucket?.objects.length).toBeGreaterThan(0);
		const key = bucket?.objects[0]?.key ?? '';
		expect(key).toMatch(
			/^vpc\/AWSLogs\/\d{12}\/vpcflowlogs\/us-east-1\/\d{4}\/\d{2}\/\d{2}\/\d{12}_vpcflowlogs_us-east-1_fl-[0-9a-f]+_\d{8}T\d{4}Z_[0-9a-f]{8}\.log\.gz$/,
		);
		const text = gunzipSync(bucket?.objects[0]?.body ?? new Uint8Array()).toString();
		expect(text.split('\n')[0]).toBe(
			'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
		);
		expect(bucket?.objects.every((object) => object.lastModified <= now)).toBe(true);
		expect(world.flowLogs.every((flowLog) => flowLog.logDestinationType === 's3')).toBe(true);
		expect(world.dataLake?.glueTables).toEqual([]);
	});

	it('makes the documented table for a flow log a glueTables entry names', async () => {
		const scenario = {
			...(await example()),
			glueTables: [
				{database: 'flows', name: 'my_nlb_flow_logs', flowLogId: 'fl-01a2b3c4d5e6f7a8b'},
			],
		};
		const world = loadScenario(scenario, {now});
		expect(world.dataLake?.glueTables[0]).toMatchObject({
			databaseName: 'flows',
			name: 'my_nlb_flow_logs',
			location: 's3://my-nlb-flow-logs/vpc/AWSLogs/',
			parameters: {'projection.enabled': 'true', 'skip.header.line.count': '1'},
		});
		expect(world.dataLake?.glueDatabases.map((database) => database.name)).toEqual(['flows']);
	});

	it('says which field is wrong: an S3 flow log without a bucket ARN, a table for no S3 flow log', async () => {
		const base = await example();
		const flowLogs = base.flowLogs as Record<string, unknown>[];
		const broken = {
			...base,
			flowLogs: [{...flowLogs[0], logDestination: 'my-bucket'}, ...flowLogs.slice(1)],
			glueTables: [{database: 'flows', name: 't', flowLogId: 'fl-0000000000000000'}],
		};
		expect(() => loadScenario(broken, {now})).toThrow(
			/flowLogs\[0\]\.logDestination.*bucket ARN[\s\S]*glueTables\[0\]\.flowLogId/,
		);
	});
});
