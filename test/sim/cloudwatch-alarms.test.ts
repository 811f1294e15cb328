import {
	CloudWatchClient,
	DescribeAlarmsCommand,
	type DescribeAlarmsCommandInput,
	paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {baseTime, nlbDimension, testWorld} from '../helpers/sim-world.js';
import {awsJson} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

let sim: RunningSim;
let client: CloudWatchClient;

beforeAll(async () => {
	sim = await startSim({world: testWorld()});
	client = new CloudWatchClient(sdkConfig(sim.url));
});

afterAll(async () => {
	await sim.close();
});

async function alarmNames(input: DescribeAlarmsCommandInput) {
	const output = await client.send(new DescribeAlarmsCommand(input));
	return (output.MetricAlarms ?? []).map((alarm) => alarm.AlarmName);
}

describe('CloudWatch DescribeAlarms', () => {
	it('describes metric alarms, alphabetically, with their metric and state', async () => {
		const output = await client.send(new DescribeAlarmsCommand({}));
		expect(output.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual([
			'api-alb-5xx',
			'web-nlb-active-flows',
			'web-nlb-unhealthy-hosts',
		]);
		expect(output.CompositeAlarms).toEqual([]);
		expect(output.MetricAlarms?.[2]).toMatchObject({
			AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-nlb-unhealthy-hosts',
			StateValue: 'ALARM',
			StateUpdatedTimestamp: new Date(baseTime),
			Namespace: 'AWS/NetworkELB',
			MetricName: 'UnHealthyHostCount',
			Dimensions: [{Name: 'LoadBalancer', Value: nlbDimension}],
			Statistic: 'Maximum',
			Period: 60,
			EvaluationPeriods: 3,
			Threshold: 1,
			ComparisonOperator: 'GreaterThanOrEqualToThreshold',
		});
	});

	it.each([
		['AlarmNames', {AlarmNames: ['web-nlb-active-flows', 'missing']}, ['web-nlb-active-flows']],
		[
			'AlarmNamePrefix',
			{AlarmNamePrefix: 'web-nlb'},
			['web-nlb-active-flows', 'web-nlb-unhealthy-hosts'],
		],
		['StateValue', {StateValue: 'INSUFFICIENT_DATA' as const}, ['api-alb-5xx']],
		['AlarmTypes without MetricAlarm', {AlarmTypes: ['CompositeAlarm' as const]}, []],
	])('filters by %s', async (_name, input, expected) => {
		expect(await alarmNames(input)).toEqual(expected);
	});

	it('pages with MaxRecords and NextToken', async () => {
		const first = await client.send(new DescribeAlarmsCommand({MaxRecords: 2}));
		expect(first.MetricAlarms).toHaveLength(2);
		const second = await client.send(
			new DescribeAlarmsCommand({MaxRecords: 2, NextToken: first.NextToken}),
		);
		expect(second.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual([
			'web-nlb-unhealthy-hosts',
		]);
		expect(second.NextToken).toBeUndefined();
		const names: string[] = [];
		for await (const page of paginateDescribeAlarms({client, pageSize: 1}, {})) {
			names.push(...(page.MetricAlarms ?? []).map((alarm) => alarm.AlarmName ?? ''));
		}
		expect(names).toHaveLength(3);
	});

	it('rejects an unknown state, a forged token and names with a prefix', async () => {
		await expect(
			client.send(new DescribeAlarmsCommand({StateValue: 'BROKEN' as 'OK'})),
		).rejects.toMatchObject({name: 'ValidationException'});
		await expect(
			client.send(new DescribeAlarmsCommand({NextToken: 'forged'})),
		).rejects.toMatchObject({
			name: 'InvalidNextToken',
		});
		await expect(
			client.send(new DescribeAlarmsCommand({AlarmNames: ['a'], AlarmNamePrefix: 'a'})),
		).rejects.toMatchObject({name: 'InvalidParameterCombinationException'});
	});

	it('serves the AWS CLI, which follows NextToken itself', async () => {
		const output = await awsJson(sim.url, ['cloudwatch', 'describe-alarms', '--page-size', '1']);
		expect(output).toMatchObject({
			MetricAlarms: [
				{AlarmName: 'api-alb-5xx', StateValue: 'INSUFFICIENT_DATA'},
				{AlarmName: 'web-nlb-active-flows', StateValue: 'OK'},
				{
					AlarmName: 'web-nlb-unhealthy-hosts',
					StateValue: 'ALARM',
					StateUpdatedTimestamp: '2024-05-01T12:00:00+00:00',
				},
			],
		});
		const alarming = await awsJson(sim.url, [
			'cloudwatch',
			'describe-alarms',
			'--state-value',
			'ALARM',
		]);
		expect(alarming).toMatchObject({MetricAlarms: [{AlarmName: 'web-nlb-unhealthy-hosts'}]});
	});
});
