import {type CloudWatchLogsClient, FilterLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {eventsAnswer} from '../../source/aws/filter-events-answer.js';
import {t0} from '../sim/logs-test-world.js';
import {logsSim, takeFrom} from './taken-answer-harness.js';

const minute = 60_000;

describe('a FilterLogEvents answer read raw', () => {
	let sim: Awaited<ReturnType<typeof logsSim>>;
	let logs: CloudWatchLogsClient;

	beforeEach(async () => {
		sim = await logsSim();
		logs = sim.logs;
	});

	afterEach(async () => {
		await sim.close();
	});

	const page = (logGroupName: string, nextToken?: string) =>
		new FilterLogEventsCommand({
			logGroupName,
			startTime: t0,
			endTime: t0 + 10 * minute,
			limit: 4,
			...(nextToken === undefined ? {} : {nextToken}),
		});

	it('takes the events the SDK would read, and leaves the SDK the page token', async () => {
		const plain = await logs.send(page('/vpc/flows'));
		const command = page('/vpc/flows');
		const answer = eventsAnswer();
		answer.attachTo(command.middlewareStack);
		const output = await logs.send(command);
		expect(answer.taken()).toEqual(
			(plain.events ?? []).map(({eventId, logStreamName, timestamp, message}) => ({
				eventId,
				logStreamName,
				timestamp,
				message,
			})),
		);
		expect(answer.taken()).toHaveLength(4);
		// The SDK read no events; the output carries the ones taken, as they were.
		expect(output.events).toBe(answer.taken());
		expect(output.nextToken).toBe(plain.nextToken);
		expect(output.nextToken).toBeDefined();
	});

	it('leaves a failed call to the SDK, which names the error', async () => {
		const command = page('/vpc/missing');
		const answer = eventsAnswer();
		answer.attachTo(command.middlewareStack);
		await expect(logs.send(command)).rejects.toMatchObject({
			name: 'ResourceNotFoundException',
		});
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

const good = {eventId: 'e1', logStreamName: 'eni-0abc-all', timestamp: t0, message: 'line'};

describe('eventsAnswer', () => {
	it.each<Case>([
		{
			name: 'takes well-formed events and leaves the rest of the page',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify({events: [good], nextToken: 'next', searchedLogStreams: []}),
			taken: [good],
			left: JSON.stringify({nextToken: 'next', searchedLogStreams: []}),
		},
		{
			name: 'skips events without an id, a stream or a time, and reads a missing message as empty',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: JSON.stringify({
				events: [
					{...good, eventId: undefined},
					{...good, logStreamName: 7},
					{...good, timestamp: '1'},
					'not an event',
					{...good, eventId: 'e2', message: undefined},
				],
			}),
			taken: [{...good, eventId: 'e2', message: ''}],
			left: '{}',
		},
		{
			name: 'leaves an error answer whole',
			status: 400,
			contentType: 'application/x-amz-json-1.1',
			body: '{"__type":"ThrottlingException"}',
			taken: undefined,
			left: '{"__type":"ThrottlingException"}',
		},
		{
			name: 'leaves a page that is not JSON whole',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: '{"events": [',
			taken: undefined,
			left: '{"events": [',
		},
		{
			name: 'leaves events that are not a list whole',
			status: 200,
			contentType: 'application/x-amz-json-1.1',
			body: '{"events": {}}',
			taken: undefined,
			left: '{"events": {}}',
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
		const answer = eventsAnswer();
		expect(await takeFrom(answer, raw)).toEqual({taken, left});
	});
});
