import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
	CloudWatchLogsClient,
	GetQueryResultsCommand,
	type GetQueryResultsCommandInput,
	type GetQueryResultsCommandOutput,
	StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {queryResultsAnswer} from '../../source/aws/query-results-answer.js';
import {t0} from '../sim/logs-test-world.js';
import {logsSim, takeFrom} from './taken-answer-harness.js';

const minute = 60_000;

describe('a GetQueryResults answer read raw', () => {
	let sim: Awaited<ReturnType<typeof logsSim>>;
	let logs: CloudWatchLogsClient;

	beforeEach(async () => {
		sim = await logsSim();
		logs = sim.logs;
	});

	afterEach(async () => {
		await sim.close();
	});

	async function completed(queryId: string): Promise<GetQueryResultsCommandOutput> {
		for (let poll = 0; poll < 50; poll++) {
			const output = await logs.send(new GetQueryResultsCommand({queryId}));
			if (output.status === 'Complete') {
				return output;
			}

			await new Promise((resolve) => setImmediate(resolve));
		}

		throw new Error('the query did not complete');
	}

	it('takes the rows the SDK would read, and leaves it the status and statistics', async () => {
		const {queryId = ''} = await logs.send(
			new StartQueryCommand({
				logGroupName: '/vpc/flows',
				startTime: Math.floor(t0 / 1000),
				endTime: Math.floor((t0 + 10 * minute) / 1000),
				queryString: 'fields @timestamp, @message, @logStream | sort @timestamp asc | limit 4',
			}),
		);
		const plain = await completed(queryId);
		const command = new GetQueryResultsCommand({queryId});
		const answer = queryResultsAnswer<GetQueryResultsCommandInput, GetQueryResultsCommandOutput>();
		answer.attachTo(command.middlewareStack);
		const output = await logs.send(command);

		const sdkRows = (plain.results ?? []).map((row) =>
			row.flatMap((cell) =>
				cell.field === undefined ? [] : [{field: cell.field, value: cell.value ?? ''}],
			),
		);
		expect(sdkRows).toHaveLength(4);
		expect(answer.taken()).toEqual(sdkRows);
		// The SDK read no rows; the output carries the ones taken, as they were.
		expect(output.results).toBe(answer.taken());
		expect(output.status).toBe('Complete');
		expect(output.statistics).toEqual(plain.statistics);
	});

	it('leaves a failed call to the SDK, which names the error', async () => {
		const command = new GetQueryResultsCommand({queryId: 'no-such-query'});
		const answer = queryResultsAnswer<GetQueryResultsCommandInput, GetQueryResultsCommandOutput>();
		answer.attachTo(command.middlewareStack);
		await expect(logs.send(command)).rejects.toMatchObject({name: 'ResourceNotFoundException'});
		expect(answer.taken()).toBeUndefined();
	});
});

type Case = {
	readonly name: string;
	readonly status: number;
	readonly contentType: string;
	readonly body: string;
	readonly taken: readonly unknown[] | undefined;
	/** What the SDK is left to read. */
	readonly left: string;
};

const cell = (field: string, value: string) => ({field, value});
const statistics = {recordsMatched: 2, recordsScanned: 9, bytesScanned: 900};

describe('queryResultsAnswer', () => {
	it.each<Case>([
		{
			name: 'takes well-formed rows and leaves the status and statistics',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify({
				results: [[cell('@timestamp', '2025-01-15 13:00:00.000'), cell('flows', '3')]],
				status: 'Complete',
				statistics,
			}),
			taken: [[cell('@timestamp', '2025-01-15 13:00:00.000'), cell('flows', '3')]],
			left: JSON.stringify({status: 'Complete', statistics}),
		},
		{
			name: 'skips cells without a field, reads a missing value as empty, drops other members',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify({
				results: [
					[
						{value: 'orphan'},
						{field: null, value: 'orphan'},
						{field: 'flows'},
						{field: 'bytes', value: null},
						{field: 'srcAddr', value: '198.51.100.7', note: 'extra'},
					],
				],
				status: 'Running',
			}),
			taken: [[cell('flows', ''), cell('bytes', ''), cell('srcAddr', '198.51.100.7')]],
			left: JSON.stringify({status: 'Running'}),
		},
		{
			name: 'reads an answer without rows as none',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify({status: 'Scheduled', results: null}),
			taken: [],
			left: JSON.stringify({status: 'Scheduled'}),
		},
		{
			name: 'leaves an answer whose cell holds a number whole',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify({results: [[{field: 'flows', value: 3}]], status: 'Complete'}),
			taken: undefined,
			left: JSON.stringify({results: [[{field: 'flows', value: 3}]], status: 'Complete'}),
		},
		{
			name: 'leaves an answer whose row is not a list whole',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: '{"results":[{"field":"flows","value":"3"}]}',
			taken: undefined,
			left: '{"results":[{"field":"flows","value":"3"}]}',
		},
		{
			name: 'leaves results that are not a list whole',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: '{"results":{}}',
			taken: undefined,
			left: '{"results":{}}',
		},
		{
			name: 'leaves an error answer whole',
			status: 400,
			contentType: 'application/x-amz-json-1.1',
			body: '{"__type":"ResourceNotFoundException"}',
			taken: undefined,
			left: '{"__type":"ResourceNotFoundException"}',
		},
		{
			name: 'leaves an answer that is not JSON whole',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: '{"results": [',
			taken: undefined,
			left: '{"results": [',
		},
		{
			name: 'leaves an HTML page to the check that names it',
			status: 200,
			contentType: 'text/html',
			body: '<html></html>',
			taken: undefined,
			left: '<html></html>',
		},
	])('$name', async ({taken, left, ...raw}) => {
		const answer = queryResultsAnswer();
		expect(await takeFrom(answer, raw)).toEqual({taken, left});
	});
});

describe('an answer whose body is cut short', () => {
	it('is left to the SDK, whose reading meets the same failure', async () => {
		const answer = queryResultsAnswer();
		const reset = Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'});
		const response = {
			statusCode: 200,
			headers: {'Content-Type': 'application/x-amz-json-1.1'},
			body: (async function* () {
				yield Buffer.from('{"results":[');
				throw reset;
			})(),
		};
		const next = async () => ({response, output: {$metadata: {}}});
		await answer.middleware(next as never, {} as never)({} as never);
		expect(answer.taken()).toBeUndefined();
		const reading = (async () => {
			for await (const _chunk of response.body as AsyncIterable<Buffer>) {
				// Read to the end, as the SDK's deserializer does.
			}
		})();
		await expect(reading).rejects.toBe(reset);
	});
});

describe('an answer cut short on the wire', () => {
	it('fails with the error the SDK gives without lbtop reading the answer', async () => {
		// Headers and the start of a body, then the connection drops.
		const server = createServer((_request, response) => {
			response.writeHead(200, {
				'content-type': 'application/x-amz-json-1.1',
				'content-length': '1000',
			});
			// Dropped once the start is on its way, so every request meets the same failure.
			response.write('{"results":[', () => response.socket?.destroy());
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		const client = new CloudWatchLogsClient({
			endpoint: `http://127.0.0.1:${port}`,
			region: 'us-east-1',
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
			maxAttempts: 1,
		});
		try {
			const failure = (error: unknown) => {
				const {name, message, $metadata} = error as {
					name: string;
					message: string;
					$metadata?: {httpStatusCode?: number};
				};
				return {name, message, status: $metadata?.httpStatusCode};
			};
			const plain = await client.send(new GetQueryResultsCommand({queryId: 'q'})).catch(failure);
			const command = new GetQueryResultsCommand({queryId: 'q'});
			queryResultsAnswer<GetQueryResultsCommandInput, GetQueryResultsCommandOutput>().attachTo(
				command.middlewareStack,
			);
			const taken = await client.send(command).catch(failure);
			expect(plain).toMatchObject({message: expect.stringContaining('Deserialization error')});
			expect(taken).toEqual(plain);
		} finally {
			client.destroy();
			server.close();
		}
	});
});
