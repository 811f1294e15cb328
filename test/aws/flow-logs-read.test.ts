import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import {describeInterfaceStreams, filterFlowEvents} from '../../source/aws/flow-logs-read.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {emptyWorld, event, flowLine, group, t0} from '../sim/logs-test-world.js';

const minute = 60_000;

function minutesOf(eni: string, count: number) {
	return Array.from({length: count}, (_, index) =>
		event(t0 + index * minute, flowLine({eni, start: t0 + index * minute})),
	);
}

let sim: RunningSim;
let clients: AwsClients;

beforeEach(async () => {
	const flows = group('/vpc/flows', {
		'eni-0abc-all': minutesOf('eni-0abc', 10),
		'eni-0abc-accept': minutesOf('eni-0abc', 2),
		// A longer id that starts with the shorter one: a prefix match, not the same interface.
		'eni-0abcdef-all': minutesOf('eni-0abcdef', 3),
		'eni-0fff': minutesOf('eni-0fff', 1),
	});
	sim = await startSim({
		world: emptyWorld({logGroups: [flows]}),
		jsonServices: [createLogsService()],
		clock: {now: () => t0 + 60 * minute},
	});
	clients = new AwsClients({
		endpointUrl: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
});

afterEach(async () => {
	await clients.destroy();
	await sim.close();
});

describe('describeInterfaceStreams', () => {
	it('finds each interface streams by prefix, whatever the suffix, and only its own', async () => {
		const streams = await describeInterfaceStreams(clients, '/vpc/flows', [
			'eni-0abc',
			'eni-0fff',
			'eni-0999',
		]);
		expect(Object.fromEntries(streams)).toEqual({
			'eni-0abc': ['eni-0abc-accept', 'eni-0abc-all'],
			'eni-0fff': ['eni-0fff'],
			'eni-0999': [],
		});
	});
});

describe('filterFlowEvents', () => {
	it('reads the named streams over an inclusive millisecond range', async () => {
		const result = await filterFlowEvents(clients, {
			logGroupName: '/vpc/flows',
			logStreamNames: ['eni-0abc-all', 'eni-0fff'],
			startMs: t0,
			endMs: t0 + 2 * minute,
			maxEvents: 1000,
		});
		expect(result.complete).toBe(true);
		expect(result.events.map((read) => [read.logStreamName, read.timestamp])).toEqual([
			['eni-0abc-all', t0],
			['eni-0fff', t0],
			['eni-0abc-all', t0 + minute],
			['eni-0abc-all', t0 + 2 * minute],
		]);
		expect(new Set(result.events.map((read) => read.eventId)).size).toBe(4);
	});

	it('stops at its budget and says the read is incomplete', async () => {
		const result = await filterFlowEvents(clients, {
			logGroupName: '/vpc/flows',
			logStreamNames: ['eni-0abc-all'],
			startMs: t0,
			endMs: t0 + 60 * minute,
			maxEvents: 4,
		});
		expect(result.events).toHaveLength(4);
		expect(result.complete).toBe(false);
	});

	it('names the IAM action of a failed read', async () => {
		await expect(
			filterFlowEvents(clients, {
				logGroupName: '/vpc/missing',
				logStreamNames: ['eni-0abc-all'],
				startMs: t0,
				endMs: t0 + minute,
				maxEvents: 10,
			}),
		).rejects.toMatchObject({iamAction: 'logs:FilterLogEvents'});
	});
});
