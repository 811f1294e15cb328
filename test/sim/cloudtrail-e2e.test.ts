// CloudTrail LookupEvents through the real HTTP server, with the unmodified SDK client and the CLI.
import {
	CloudTrailClient,
	InvalidLookupAttributesException,
	LookupEventsCommand,
	paginateLookupEvents,
} from '@aws-sdk/client-cloudtrail';
import {afterEach, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import type {CloudTrailEvent} from '../../source/sim/world/types.js';
import {emptyWorld, t0} from './logs-test-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

const minute = 60_000;

function trailEvent(index: number, eventSource: string, eventName: string): CloudTrailEvent {
	const eventId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
	// Milliseconds on purpose: the wire carries fractional epoch seconds.
	const eventTime = t0 - index * minute - 250;
	return {
		eventId,
		eventTime,
		eventName,
		eventSource,
		username: 'alice',
		readOnly: false,
		resources: [{resourceType: 'AWS::EC2::SecurityGroup', resourceName: `sg-${index}`}],
		cloudTrailEvent: JSON.stringify({
			eventVersion: '1.08',
			eventID: eventId,
			eventName,
			eventSource,
		}),
	};
}

function world() {
	const events = Array.from({length: 60}, (_, index) =>
		index % 2 === 0
			? trailEvent(index, 'elasticloadbalancing.amazonaws.com', 'ModifyTargetGroupAttributes')
			: trailEvent(index, 'ec2.amazonaws.com', 'RevokeSecurityGroupIngress'),
	);
	return emptyWorld({cloudTrailEvents: events});
}

let running: RunningSim | undefined;

async function start(): Promise<RunningSim> {
	running = await startSim({
		world: world(),
		jsonServices: [createCloudTrailService()],
		clock: {now: () => t0},
	});
	return running;
}

afterEach(async () => {
	await running?.close();
	running = undefined;
});

describe('CloudTrail through the SDK', () => {
	it('looks up events by source, newest first, with dates and paging', async () => {
		const sim = await start();
		const client = new CloudTrailClient(sdkConfig(sim.url));
		const first = await client.send(
			new LookupEventsCommand({
				LookupAttributes: [{AttributeKey: 'EventSource', AttributeValue: 'ec2.amazonaws.com'}],
				StartTime: new Date(t0 - 30 * minute),
				EndTime: new Date(t0),
				MaxResults: 5,
			}),
		);
		expect(first.Events?.map((entry) => entry.EventName)).toEqual(
			Array.from({length: 5}, () => 'RevokeSecurityGroupIngress'),
		);
		expect(first.Events?.[0]?.EventTime).toEqual(new Date(t0 - minute - 250));
		expect(first.Events?.[0]?.Resources).toEqual([
			{ResourceType: 'AWS::EC2::SecurityGroup', ResourceName: 'sg-1'},
		]);
		expect(JSON.parse(first.Events?.[0]?.CloudTrailEvent ?? '{}')).toMatchObject({
			eventName: 'RevokeSecurityGroupIngress',
		});

		let total = 0;
		for await (const page of paginateLookupEvents(
			{client, pageSize: 7},
			{LookupAttributes: [{AttributeKey: 'EventSource', AttributeValue: 'ec2.amazonaws.com'}]},
		)) {
			total += page.Events?.length ?? 0;
		}
		expect(total).toBe(30);
	});

	it('refuses two lookup attributes', async () => {
		const sim = await start();
		const client = new CloudTrailClient(sdkConfig(sim.url));
		await expect(
			client.send(
				new LookupEventsCommand({
					LookupAttributes: [
						{AttributeKey: 'EventSource', AttributeValue: 'ec2.amazonaws.com'},
						{AttributeKey: 'Username', AttributeValue: 'alice'},
					],
				}),
			),
		).rejects.toBeInstanceOf(InvalidLookupAttributesException);
	});
});

describe('CloudTrail through the AWS CLI', () => {
	it('lists load balancer changes with lookup-events', async () => {
		const sim = await start();
		const result = await awsJson(sim.url, [
			'cloudtrail',
			'lookup-events',
			'--lookup-attributes',
			'AttributeKey=EventSource,AttributeValue=elasticloadbalancing.amazonaws.com',
			'--start-time',
			new Date(t0 - 20 * minute).toISOString(),
		]);
		const events = (result as {Events: {EventSource: string; EventName: string}[]}).Events;
		expect(events.map((entry) => entry.EventName)).toEqual(
			Array.from({length: 10}, () => 'ModifyTargetGroupAttributes'),
		);
		expect(
			events.every((entry) => entry.EventSource === 'elasticloadbalancing.amazonaws.com'),
		).toBe(true);
	});

	it('reports a bad attribute key as InvalidLookupAttributesException', async () => {
		const sim = await start();
		const result = await runAwsCli(sim.url, [
			'cloudtrail',
			'lookup-events',
			'--lookup-attributes',
			'AttributeKey=EventName,AttributeValue=a',
			'AttributeKey=Username,AttributeValue=b',
		]);
		expect(result.exitCode).not.toBe(0);
		expect(result.stderr).toContain('InvalidLookupAttributesException');
	});
});
