import {describe, expect, it} from 'vitest';
import type {JsonObject, JsonValue} from '../../source/sim/context.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import type {CloudTrailEvent} from '../../source/sim/world/types.js';
import {asList, asObject, call, emptyWorld, t0, testContext} from './logs-test-world.js';

const minute = 60_000;

function trailEvent(
	eventId: string,
	minutesAgo: number,
	fields: Partial<CloudTrailEvent> = {},
): CloudTrailEvent {
	const eventTime = t0 - minutesAgo * minute;
	const base = {
		eventId,
		eventTime,
		eventName: 'ModifyListener',
		eventSource: 'elasticloadbalancing.amazonaws.com',
		username: 'alice',
		accessKeyId: 'AKIAEXAMPLE',
		readOnly: false,
		resources: [
			{resourceType: 'AWS::ElasticLoadBalancingV2::Listener', resourceName: 'arn:listener'},
		],
		...fields,
	};
	return {...base, cloudTrailEvent: JSON.stringify({eventID: eventId, eventName: base.eventName})};
}

function setup() {
	const world = emptyWorld({
		cloudTrailEvents: [
			trailEvent('e-old', 60 * 24 * 91),
			trailEvent('e1', 30),
			trailEvent('e2', 20, {
				eventName: 'RevokeSecurityGroupIngress',
				eventSource: 'ec2.amazonaws.com',
				username: 'bob',
				resources: [{resourceType: 'AWS::EC2::SecurityGroup', resourceName: 'sg-0abc'}],
			}),
			trailEvent('e3', 10, {eventName: 'DescribeLoadBalancers', readOnly: true}),
			trailEvent('e4', 10, {eventName: 'SetSecurityGroups'}),
			trailEvent('e-future', -5),
		],
	});
	return {context: testContext(world), trail: createCloudTrailService()};
}

async function lookup(state: ReturnType<typeof setup>, input: JsonObject) {
	return asObject(await call(state.trail, 'LookupEvents', input, state.context));
}

function ids(result: Record<string, JsonValue>): JsonValue[] {
	return asList(result.Events).map((entry) => asObject(entry).EventId ?? null);
}

describe('LookupEvents', () => {
	it('returns the last 90 days newest first, never events from the future', async () => {
		const state = setup();
		expect(ids(await lookup(state, {}))).toEqual(['e4', 'e3', 'e2', 'e1']);
	});

	it('answers in the AWS shape, with EventTime in epoch seconds', async () => {
		const state = setup();
		const [first] = asList((await lookup(state, {MaxResults: 1})).Events);
		expect(first).toEqual({
			EventId: 'e4',
			EventName: 'SetSecurityGroups',
			ReadOnly: 'false',
			AccessKeyId: 'AKIAEXAMPLE',
			EventTime: (t0 - 10 * minute) / 1000,
			EventSource: 'elasticloadbalancing.amazonaws.com',
			Username: 'alice',
			Resources: [
				{ResourceType: 'AWS::ElasticLoadBalancingV2::Listener', ResourceName: 'arn:listener'},
			],
			CloudTrailEvent: JSON.stringify({eventID: 'e4', eventName: 'SetSecurityGroups'}),
		});
	});

	it.each([
		['EventSource', 'elasticloadbalancing.amazonaws.com', ['e4', 'e3', 'e1']],
		['EventSource', 'ec2.amazonaws.com', ['e2']],
		['EventName', 'ModifyListener', ['e1']],
		['EventId', 'e3', ['e3']],
		['ReadOnly', 'true', ['e3']],
		['ReadOnly', 'false', ['e4', 'e2', 'e1']],
		['Username', 'bob', ['e2']],
		['ResourceType', 'AWS::EC2::SecurityGroup', ['e2']],
		['ResourceName', 'sg-0abc', ['e2']],
		['AccessKeyId', 'AKIAEXAMPLE', ['e4', 'e3', 'e2', 'e1']],
	])('filters on %s = %s', async (key, value, expected) => {
		const state = setup();
		const result = await lookup(state, {
			LookupAttributes: [{AttributeKey: key, AttributeValue: value}],
		});
		expect(ids(result)).toEqual(expected);
	});

	it('keeps StartTime..EndTime given as epoch seconds or ISO text', async () => {
		const state = setup();
		const inSeconds = await lookup(state, {
			StartTime: (t0 - 25 * minute) / 1000,
			EndTime: (t0 - 10 * minute) / 1000,
		});
		expect(ids(inSeconds)).toEqual(['e4', 'e3', 'e2']);
		const inText = await lookup(state, {
			StartTime: new Date(t0 - 25 * minute).toISOString(),
			EndTime: new Date(t0 - 15 * minute).toISOString(),
		});
		expect(ids(inText)).toEqual(['e2']);
	});

	it('pages with MaxResults and NextToken', async () => {
		const state = setup();
		const first = await lookup(state, {MaxResults: 3});
		expect(ids(first)).toEqual(['e4', 'e3', 'e2']);
		const second = await lookup(state, {MaxResults: 3, NextToken: first.NextToken ?? null});
		expect(ids(second)).toEqual(['e1']);
		expect(second.NextToken).toBeUndefined();
	});

	it('returns no Insights events', async () => {
		const state = setup();
		expect(ids(await lookup(state, {EventCategory: 'insight'}))).toEqual([]);
	});

	it.each([
		[
			{
				LookupAttributes: [
					{AttributeKey: 'EventName', AttributeValue: 'a'},
					{AttributeKey: 'Username', AttributeValue: 'b'},
				],
			},
			'InvalidLookupAttributesException',
		],
		[
			{LookupAttributes: [{AttributeKey: 'Region', AttributeValue: 'x'}]},
			'InvalidLookupAttributesException',
		],
		[
			{LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: ''}]},
			'InvalidLookupAttributesException',
		],
		[{MaxResults: 51}, 'InvalidMaxResultsException'],
		[{MaxResults: 0}, 'InvalidMaxResultsException'],
		[{StartTime: t0 / 1000, EndTime: t0 / 1000 - 60}, 'InvalidTimeRangeException'],
		[{NextToken: 'garbage'}, 'InvalidNextTokenException'],
		[{EventCategory: 'data'}, 'InvalidEventCategoryException'],
	])('answers %j with %s', async (input, code) => {
		const state = setup();
		await expect(lookup(state, input)).rejects.toMatchObject({code});
	});

	it('refuses a token from a different request', async () => {
		const state = setup();
		const first = await lookup(state, {MaxResults: 1});
		await expect(
			lookup(state, {
				MaxResults: 1,
				NextToken: first.NextToken ?? null,
				LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'bob'}],
			}),
		).rejects.toMatchObject({code: 'InvalidNextTokenException'});
	});

	it('is the CloudTrail JSON 1.1 service and lets the world catch up first', async () => {
		const state = setup();
		await lookup(state, {});
		expect(state.context.advanceCalls()).toBe(1);
		expect(state.trail).toMatchObject({
			targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
			signingName: 'cloudtrail',
			jsonVersion: '1.1',
		});
	});
});
