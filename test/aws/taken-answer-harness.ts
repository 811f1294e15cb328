// Runs a taken-answer middleware (source/aws/taken-answer.ts) on a raw HTTP answer, its body sent
// in two chunks as a socket delivers it: what it took, and what it left for the SDK to read.
import type {DeserializeHandlerArguments} from '@smithy/types';

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
