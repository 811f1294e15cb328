// One list taken out of a JSON answer before the SDK reads it (the events of a FilterLogEvents page,
// the rows of a GetQueryResults answer): where the SDK would walk each item of the parsed JSON into
// a new object by the service's schema, lbtop checks the items and keeps them. The SDK reads what is
// left of the answer, and the list is put back into its output under the same member, as the reader
// made it (events as FilterLogEvents events; rows as the runner keeps them, cells without a field
// left out). An answer the reader does not take (an error, not JSON, an item it would not read as
// the SDK does) is left whole to the SDK, whose errors say what went wrong.

import {Readable} from 'node:stream';
import type {
	AbsoluteLocation,
	DeserializeHandlerOptions,
	DeserializeMiddleware,
	MetadataBearer,
	MiddlewareStack,
} from '@smithy/types';
import {bodyBytes, isJson} from './raw-answer.js';

export type TakenAnswer<Input extends object, Output extends MetadataBearer, Item> = {
	/** Next to the wire: takes the list out of the raw answer. */
	readonly middleware: DeserializeMiddleware<Input, Output>;
	/** Around the SDK's reading: puts it into its output. */
	readonly restore: DeserializeMiddleware<Input, Output>;
	/** The last answer's list, if it was read here; else the SDK's output carries it. */
	taken(): Item[] | undefined;
	attachTo(stack: MiddlewareStack<Input, Output>): void;
};

/** What a reader made of an answer's bytes: its list, and the rest of the answer as JSON. */
export type TakenList<Item> = {readonly items: Item[]; readonly rest: string};

export type ListReader<Item> = {
	/** The answer's member the list is, in the SDK's output too. */
	readonly member: string;
	/** Names the middlewares on the stack (each name once per stack). */
	readonly name: string;
	/** The list and the rest of the answer; undefined to leave the answer to the SDK. */
	readonly read: (bytes: Buffer) => TakenList<Item> | undefined;
};

type Response = {statusCode?: unknown; headers?: unknown; body?: unknown};

/** One per command: it keeps the list of that command's answer. */
export function takenAnswer<Input extends object, Output extends MetadataBearer, Item>(
	reader: ListReader<Item>,
): TakenAnswer<Input, Output, Item> {
	const rawOptions: DeserializeHandlerOptions & AbsoluteLocation = {
		step: 'deserialize',
		name: `${reader.name}Answer`,
		priority: 'low',
	};
	const restoreOptions: DeserializeHandlerOptions & AbsoluteLocation = {
		step: 'deserialize',
		name: `${reader.name}Output`,
		priority: 'high',
	};
	let items: Item[] | undefined;
	const answer: TakenAnswer<Input, Output, Item> = {
		middleware: (next) => async (args) => {
			items = undefined;
			const answer = await next(args);
			const response = answer.response as Response;
			if (response.statusCode !== 200 || !isJson(response.headers)) {
				return answer;
			}

			let bytes: Buffer | undefined;
			try {
				bytes = await bodyBytes(response.body);
			} catch (error) {
				// A body cut short (a reset mid-answer) fails in the SDK's own reading, as it would
				// have, where the error gets the answer's status and is named a deserialization error.
				response.body = failingBody(error);
				return answer;
			}

			if (bytes === undefined) {
				return answer;
			}

			const list = reader.read(bytes);
			if (list === undefined) {
				response.body = bytes;
				return answer;
			}

			items = list.items;
			response.body = Buffer.from(list.rest);
			return answer;
		},
		restore: (next) => async (args) => {
			const result = await next(args);
			if (items !== undefined) {
				(result.output as Record<string, unknown>)[reader.member] = items;
			}

			return result;
		},
		taken: () => items,
		attachTo(stack) {
			stack.add(answer.middleware, rawOptions);
			stack.add(answer.restore, restoreOptions);
		},
	};
	return answer;
}

/** A body whose reading fails with `error`. */
function failingBody(error: unknown): Readable {
	return Readable.from(
		(async function* (): AsyncGenerator<Buffer> {
			yield* [];
			throw error;
		})(),
	);
}
