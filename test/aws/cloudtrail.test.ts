import {afterEach, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import {lookupEvents} from '../../source/aws/cloudtrail.js';
import {AwsCallError} from '../../source/aws/errors.js';
import type {LookupRequest} from '../../source/domain/changes/lookup-plan.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {changesWorld, elbSource, minute, t0, targetHealthRead} from '../live/changes-world.js';

let sim: RunningSim | undefined;
let clients: AwsClients | undefined;

async function start(extraReads = 0): Promise<AwsClients> {
	const world = changesWorld();
	for (let index = 0; index < extraReads; index += 1) {
		world.cloudTrailEvents.push(targetHealthRead(`evt-read-${index}`, t0 - minute - index * 1000));
	}
	sim = await startSim({world, jsonServices: [createCloudTrailService()], clock: {now: () => t0}});
	clients = new AwsClients({
		endpointUrl: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
	return clients;
}

afterEach(async () => {
	await clients?.destroy();
	await sim?.close();
	clients = undefined;
	sim = undefined;
});

function elbLookup(maxPages: number, startTime = t0 - 60 * minute): LookupRequest {
	return {
		attribute: {key: 'EventSource', value: elbSource},
		startTime,
		endTime: t0,
		maxPages,
	};
}

function options() {
	const calls: number[] = [];
	return {
		calls,
		signal: new AbortController().signal,
		beforeEachCall: async () => {
			calls.push(calls.length);
		},
	};
}

describe('CloudTrail LookupEvents', () => {
	it('reads one attribute over a time range, newest first', async () => {
		const aws = await start();
		const result = await lookupEvents(aws, elbLookup(10), options());
		expect(result.events.map((event) => event.EventId)).toEqual([
			'evt-describe-health',
			'evt-alb-attributes',
			'evt-modify-listener',
			'evt-register-targets',
		]);
		expect(result.events[0]?.EventTime).toEqual(new Date(t0 - 5 * minute));
		expect(result).toMatchObject({pages: 1, complete: true});
	});

	it('honours the start of the range', async () => {
		const aws = await start();
		const result = await lookupEvents(aws, elbLookup(10, t0 - 30 * minute), options());
		expect(result.events.map((event) => event.EventId)).toEqual([
			'evt-describe-health',
			'evt-alb-attributes',
		]);
	});

	it('follows pages, waiting before each call', async () => {
		const aws = await start(120);
		const read = options();
		const result = await lookupEvents(aws, elbLookup(10), read);
		expect(result).toMatchObject({pages: 3, complete: true});
		expect(result.events).toHaveLength(124);
		expect(read.calls).toEqual([0, 1, 2]);
	});

	it('stops at the page limit and says the read is incomplete', async () => {
		const aws = await start(120);
		const result = await lookupEvents(aws, elbLookup(2), options());
		expect(result).toMatchObject({pages: 2, complete: false});
		expect(result.events).toHaveLength(100);
	});

	it('names the IAM action when the call is denied', async () => {
		const aws = await start();
		sim?.faults.set({rules: {'cloudtrail:LookupEvents': {accessDenied: true}}});
		const failure = lookupEvents(aws, elbLookup(10), options());
		await expect(failure).rejects.toBeInstanceOf(AwsCallError);
		await expect(failure).rejects.toMatchObject({iamAction: 'cloudtrail:LookupEvents'});
	});
});
