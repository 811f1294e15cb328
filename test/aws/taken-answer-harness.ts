// Runs a taken-answer middleware (source/aws/taken-answer.ts) on a raw HTTP answer, its body sent
// in two chunks as a socket delivers it: what it took, and what it left for the SDK to read. And the
// sim both readers' tests ask: one log group of six flow records, and a client without retries.
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import type {DeserializeHandlerArguments} from '@smithy/types';
import {startSim} from '../../source/sim/server.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {emptyWorld, event, flowLine, group, t0} from '../sim/logs-test-world.js';

const minute = 60_000;

/** `/vpc/flows` with six records a minute apart from t0; queries complete at once. */
export async function logsSim() {
	const lines = Array.from({length: 6}, (_, index) =>
		event(t0 + index * minute, flowLine({eni: 'eni-0abc', start: t0 + index * minute})),
	);
	const sim = await startSim({
		world: emptyWorld({logGroups: [group('/vpc/flows', {'eni-0abc-all': lines})]}),
		jsonServices: [createLogsService({queryDurationMs: 0})],
		clock: {now: () => t0 + 60 * minute},
	});
	const logs = new CloudWatchLogsClient({
		endpoint: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
	return {
		logs,
		async close() {
			logs.destroy();
			await sim.close();
		},
	};
}

export type RawAnswer = {
	readonly status: number;
	readonly contentType: string;
	readonly body: string;
};

type Middleware = {
	readonly middleware: (next: never, context: never) => (args: never) => Promise<unknown>;
	taken(): unknown;
};

export async function takeFrom(
	answer: Middleware,
	raw: RawAnswer,
): Promise<{readonly taken: unknown; readonly left: string}> {
	const response = {
		statusCode: raw.status,
		headers: {'Content-Type': raw.contentType},
		body: (async function* () {
			yield Buffer.from(raw.body.slice(0, 5));
			yield Buffer.from(raw.body.slice(5));
		})(),
	};
	const next = async () => ({response, output: {$metadata: {}}});
	await answer.middleware(
		next as never,
		{} as never,
	)({} as DeserializeHandlerArguments<object> as never);
	const rest = response.body as unknown;
	const left = Buffer.isBuffer(rest)
		? rest.toString('utf8')
		: await collected(rest as AsyncIterable<Buffer>);
	return {taken: answer.taken(), left};
}

async function collected(body: AsyncIterable<Buffer>): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) {
		chunks.push(chunk);
	}

	return Buffer.concat(chunks).toString('utf8');
}
