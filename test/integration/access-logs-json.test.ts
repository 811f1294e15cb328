// The ALB example served with its access logs, read by the built CLI as a user would: `lbtop
// shop-alb --json` names the failing target with its 5XX share and p99, and Athena, asked through
// the AWS CLI over the same objects, counts the same. The sim's clock stands still, so both read
// exactly the files delivered by then. Needs the build (the test script builds first).
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {AthenaRunner} from '../../source/aws/athena-runner.js';
import {AwsClients} from '../../source/aws/clients.js';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {AccessLogAthena} from '../../source/live/access-logs-athena.js';
import {loadScenarioModel} from '../../source/sim/scenario/index.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {type AthenaService, createAthenaService} from '../../source/sim/services/athena/index.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createGlueService} from '../../source/sim/services/glue/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {createS3Service} from '../../source/sim/services/s3/index.js';
import {runCli} from '../cli/run-cli.js';
import {awsJson} from '../sim/server/aws-cli.js';

const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_REGION: 'us-east-1',
};
const elb = 'app/shop-alb/6f2a9c1e4b7d3a58';

let sim: RunningSim;
let athena: AthenaService;
let snapshot: Snapshot;

/** The ALB example, its clock standing still; `readers` limits who may read the logs' bucket. */
async function serveExample(readers?: readonly string[]) {
	// 4.5 minutes into a 5-minute interval (the latest such moment): every node's file of the
	// interval before has landed (they are at most 4 minutes late), so the files read always hold
	// the minutes the targets fail in, whatever the wall clock's phase.
	const interval = 5 * 60_000;
	const phased = Math.floor(Date.now() / interval) * interval + 4.5 * 60_000;
	const now = phased > Date.now() ? phased - interval : phased;
	const clock = {now: () => now};
	const json = JSON.parse(readFileSync('examples/alb-target-5xx.json', 'utf8')) as {
		s3Buckets?: unknown[];
	};
	if (readers !== undefined) json.s3Buckets = [{name: 'shop-alb-logs', readers}];
	const {world} = loadScenarioModel(json, {now, source: 'examples/alb-target-5xx.json'});
	const service = createAthenaService(clock, {queuedMs: 0, runningMs: 0});
	const served = await startSim({
		world,
		clock,
		jsonServices: [
			createLogsService({queryDurationMs: 0}),
			createCloudTrailService(),
			service,
			createGlueService(),
		],
		restServices: [createS3Service()],
	});
	return {sim: served, athena: service};
}

beforeAll(async () => {
	({sim, athena} = await serveExample());
	const result = await runCli(['shop-alb', '--endpoint-url', sim.url, '--json'], credentials);
	expect(result.stderr).toBe('');
	snapshot = JSON.parse(result.stdout) as Snapshot;
}, 60_000);

afterAll(async () => {
	await sim?.close();
	await athena?.close();
});

type Row = {target: string; requests: number; target5xx: number; p99: number};

/** A user's own query of the table, run with the AWS CLI as the Athena console would. */
async function athenaPerTarget(start: number, end: number): Promise<Row[]> {
	const day = (ms: number) => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');
	const query = `SELECT target_ip || ':' || CAST(target_port AS varchar) AS target,
  count(*) AS requests,
  count_if(target_status_code LIKE '5%') AS target_5xx,
  approx_percentile(target_processing_time, 0.99) FILTER (WHERE target_processing_time >= 0) AS p99
FROM elb_logs.shop_alb_access_logs
WHERE day BETWEEN '${day(start)}' AND '${day(end + 3_600_000)}' AND elb = '${elb}'
  AND from_iso8601_timestamp(time) >= from_unixtime(${start / 1000})
  AND from_iso8601_timestamp(time) < from_unixtime(${end / 1000})
  AND target_ip <> ''
GROUP BY 1
ORDER BY 3 DESC`;
	const started = (await awsJson(sim.url, [
		'athena',
		'start-query-execution',
		'--query-string',
		query,
		'--work-group',
		'primary',
	])) as {QueryExecutionId: string};
	let state = 'QUEUED';
	for (let poll = 0; poll < 100 && (state === 'QUEUED' || state === 'RUNNING'); poll++) {
		const execution = (await awsJson(sim.url, [
			'athena',
			'get-query-execution',
			'--query-execution-id',
			started.QueryExecutionId,
		])) as {QueryExecution: {Status: {State: string}}};
		state = execution.QueryExecution.Status.State;
	}
	expect(state).toBe('SUCCEEDED');
	const results = (await awsJson(sim.url, [
		'athena',
		'get-query-results',
		'--query-execution-id',
		started.QueryExecutionId,
	])) as {ResultSet: {Rows: {Data: {VarCharValue?: string}[]}[]}};
	// The first row repeats the column names.
	return results.ResultSet.Rows.slice(1).map(({Data}) => ({
		target: Data[0]?.VarCharValue ?? '',
		requests: Number(Data[1]?.VarCharValue),
		target5xx: Number(Data[2]?.VarCharValue),
		p99: Number(Data[3]?.VarCharValue),
	}));
}

describe('lbtop shop-alb --json with the ALB access logs', () => {
	it('names a bucket it may not read, the action denied and --logs-profile, which then reads it', async () => {
		const archive = await serveExample(['AKIALOGARCHIVE']);
		try {
			const result = await runCli(
				['shop-alb', '--endpoint-url', archive.sim.url, '--json'],
				credentials,
			);
			const denied = JSON.parse(result.stdout) as Snapshot;
			expect(denied.accessLogs?.gaps).toEqual([
				expect.objectContaining({
					kind: 'bucket-unreadable',
					message: expect.stringMatching(/s3:ListBucket was denied.*--logs-profile NAME/),
				}),
			]);
			expect(denied.accessLogs?.reads?.state.error?.iamAction).toBe('s3:ListBucket');
			expect(denied.requests).toBeUndefined();
			expect(denied.sources.metrics.status).toBe('ok');

			// The log archive's own credentials read them.
			const directory = mkdtempSync(join(tmpdir(), 'lbtop-logs-profile-'));
			const file = join(directory, 'credentials');
			writeFileSync(
				file,
				'[archive]\naws_access_key_id = AKIALOGARCHIVE\naws_secret_access_key = test\n',
			);
			const read = await runCli(
				['shop-alb', '--endpoint-url', archive.sim.url, '--json', '--logs-profile', 'archive'],
				{...credentials, AWS_SHARED_CREDENTIALS_FILE: file},
			);
			rmSync(directory, {recursive: true, force: true});
			const allowed = JSON.parse(read.stdout) as Snapshot;
			expect(allowed.accessLogs?.gaps).toEqual([]);
			expect(allowed.requests?.targets[0]?.target).toBe('10.0.10.31:8080');
		} finally {
			await archive.sim.close();
			await archive.athena.close();
		}
	});

	it('names the failing target with its 5XX share and p99, as Athena through the AWS CLI counts them', async () => {
		const requests = snapshot.requests;
		expect(snapshot.accessLogs?.reads).toMatchObject({
			basis: 'objects',
			table: 'elb_logs.shop_alb_access_logs',
		});
		expect(requests?.coverage).toBeDefined();
		const worst = requests?.targets[0];
		expect(worst?.target).toBe('10.0.10.31:8080');
		const finding = snapshot.findings.find(
			(item) => item.rule === 'target-5xx' && item.title.includes('10.0.10.31:8080'),
		);
		expect(finding?.title).toMatch(/answers 5XX to \d+(\.\d)?% of its requests/);

		const {start, end} = requests?.coverage ?? {start: 0, end: 0};
		const rows = await athenaPerTarget(start, end);
		expect(rows[0]?.target).toBe(worst?.target);
		for (const row of rows) {
			const mine = requests?.targets.find((item) => item.target === row.target);
			expect(mine?.requests).toBe(row.requests);
			expect(mine?.target5xx).toBe(row.target5xx);
			// lbtop's sketch is within 1% of the nearest rank; the sim's Athena answers it exactly.
			expect(Math.abs((mine?.targetTime.p99 ?? 0) - row.p99)).toBeLessThanOrEqual(row.p99 * 0.01);
		}
		expect(worst?.target5xx).toBeGreaterThan(0);
	});

	it('where they go is what the AWS CLI reads with describe-load-balancer-attributes', async () => {
		const arn = snapshot.topology?.arn ?? '';
		const answer = (await awsJson(sim.url, [
			'elbv2',
			'describe-load-balancer-attributes',
			'--load-balancer-arn',
			arn,
		])) as {Attributes: {Key: string; Value: string}[]};
		expect(answer.Attributes).toEqual(
			expect.arrayContaining([
				{Key: 'access_logs.s3.enabled', Value: 'true'},
				{Key: 'access_logs.s3.bucket', Value: 'shop-alb-logs'},
				{Key: 'access_logs.s3.prefix', Value: 'shop'},
			]),
		);
		expect(snapshot.accessLogs?.access).toEqual({
			bucket: 'shop-alb-logs',
			prefix: 'shop',
			location: 's3://shop-alb-logs/shop/AWSLogs/123456789012/elasticloadbalancing/us-east-1/',
		});
	});

	it('--print-athena-ddl prints the access log table over their folder', async () => {
		const result = await runCli(
			['shop-alb', '--endpoint-url', sim.url, '--print-athena-ddl'],
			credentials,
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('CREATE EXTERNAL TABLE IF NOT EXISTS `alb_access_logs`');
		expect(result.stdout).toContain(
			"LOCATION 's3://shop-alb-logs/shop/AWSLogs/123456789012/elasticloadbalancing/us-east-1/'",
		);
	});

	it("gives the same figures through lbtop's own Athena queries of the table", async () => {
		const clients = new AwsClients({
			endpointUrl: sim.url,
			region: 'us-east-1',
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
			maxAttempts: 1,
		});
		try {
			const queries = new AccessLogAthena(
				clients,
				new AthenaRunner(clients, {pollDelaysMs: [50]}),
				{
					target: 'shop-alb',
					windowMs: 900_000,
					refreshMs: 10_000,
					logGroups: [],
					output: 'json',
					color: false,
					ascii: false,
				},
			);
			const location = snapshot.accessLogs?.access?.location ?? '';
			const choice = await queries.table(
				'application',
				location,
				Date.now(),
				new AbortController().signal,
			);
			expect(choice).toEqual({
				kind: 'table',
				table: {database: 'elb_logs', name: 'shop_alb_access_logs'},
			});
			if (choice.kind !== 'table') return;
			const {start, end} = snapshot.requests?.coverage ?? {start: 0, end: 0};
			const exact = await queries.requests(
				choice.table,
				{elb, start, end},
				false,
				new AbortController().signal,
			);
			expect(exact.percentiles).toBe('athena');
			expect(exact.totals.requests).toBe(snapshot.requests?.totals.requests);
			expect(exact.targets.map((row) => [row.target, row.requests, row.target5xx])).toEqual(
				snapshot.requests?.targets.map((row) => [row.target, row.requests, row.target5xx]),
			);
		} finally {
			await clients.destroy();
		}
	});
});
