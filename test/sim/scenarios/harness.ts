// An example scenario served by the real sim on a fixed clock, read back with the unmodified AWS
// SDK clients the way any reader would: what these tests see is what the sim serves.
import {join} from 'node:path';
import {CloudTrailClient, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {
	CloudWatchClient,
	DescribeAlarmsCommand,
	GetMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {CloudWatchLogsClient, paginateFilterLogEvents} from '@aws-sdk/client-cloudwatch-logs';
import {DescribeFlowLogsCommand, EC2Client} from '@aws-sdk/client-ec2';
import {
	DescribeTargetGroupsCommand,
	DescribeTargetHealthCommand,
	ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {afterAll, beforeAll} from 'vitest';
import {loadScenarioModelFile, type ScenarioModel} from '../../../source/sim/scenario/index.js';
import {type RunningSim, startSim} from '../../../source/sim/server.js';
import {createCloudTrailService} from '../../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../../source/sim/services/logs/index.js';
import {sdkConfig} from '../server/sdk-config.js';

export const minute = 60_000;
/** Load time of every scenario: its relative times ("-12m") count from here. */
export const now = Date.UTC(2025, 4, 1, 12, 0, 0);

export type FlowRecord = Readonly<Record<string, string>> & {readonly stream: string};

export type Served = {
	readonly url: string;
	readonly scenario: ScenarioModel;
	/** Records of the flow log group with a timestamp in [from, to], each field by its format name. */
	readonly records: (from: number, to: number) => Promise<FlowRecord[]>;
	readonly targetHealth: () => Promise<{id: string; state: string; reason?: string}[]>;
	/** The Sum (or another statistic) of a metric per minute in [from, to). */
	readonly metric: (
		name: string,
		dimensions: Readonly<Record<string, string>>,
		from: number,
		to: number,
		statistic?: string,
	) => Promise<number[]>;
	readonly alarmState: (name: string) => Promise<string | undefined>;
	readonly changes: () => Promise<string[]>;
	readonly close: () => Promise<void>;
};

export async function serveExample(name: string): Promise<Served> {
	const scenario = await loadScenarioModelFile(join('examples', `${name}.json`), {now});
	const sim: RunningSim = await startSim({
		world: scenario.world,
		clock: {now: () => now},
		advance: () => scenario.advanceTo(now),
		jsonServices: [createLogsService(), createCloudTrailService()],
	});
	const config = sdkConfig(sim.url);
	const logs = new CloudWatchLogsClient(config);
	const ec2 = new EC2Client(config);
	const elb = new ElasticLoadBalancingV2Client(config);
	const cloudwatch = new CloudWatchClient(config);
	const trail = new CloudTrailClient(config);
	const loadBalancerDimension =
		(scenario.world.loadBalancers[0]?.loadBalancerArn ?? '').split(':loadbalancer/')[1] ?? '';
	return {
		url: sim.url,
		scenario,
		records: async (from, to) => {
			const flowLogs = (await ec2.send(new DescribeFlowLogsCommand({}))).FlowLogs ?? [];
			const found: FlowRecord[] = [];
			for (const flowLog of flowLogs) {
				const fields = (flowLog.LogFormat ?? '')
					.split(' ')
					.map((field) => field.replace(/^\$\{|\}$/g, ''));
				const pages = paginateFilterLogEvents(
					{client: logs},
					{logGroupName: flowLog.LogGroupName, startTime: from, endTime: to},
				);
				for await (const page of pages) {
					for (const event of page.events ?? []) {
						const values = (event.message ?? '').split(' ');
						found.push({
							...Object.fromEntries(fields.map((field, index) => [field, values[index] ?? ''])),
							stream: event.logStreamName ?? '',
						});
					}
				}
			}
			return found;
		},
		targetHealth: async () => {
			const groups = (await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
			const health = [];
			for (const group of groups) {
				const answer = await elb.send(
					new DescribeTargetHealthCommand({TargetGroupArn: group.TargetGroupArn}),
				);
				for (const item of answer.TargetHealthDescriptions ?? []) {
					health.push({
						id: item.Target?.Id ?? '',
						state: item.TargetHealth?.State ?? '',
						...(item.TargetHealth?.Reason === undefined ? {} : {reason: item.TargetHealth.Reason}),
					});
				}
			}
			return health;
		},
		metric: async (name, dimensions, from, to, statistic = 'Sum') => {
			const answer = await cloudwatch.send(
				new GetMetricDataCommand({
					StartTime: new Date(from),
					EndTime: new Date(to),
					ScanBy: 'TimestampAscending',
					MetricDataQueries: [
						{
							Id: 'm',
							MetricStat: {
								Metric: {
									Namespace: 'AWS/NetworkELB',
									MetricName: name,
									Dimensions: Object.entries({
										LoadBalancer: loadBalancerDimension,
										...dimensions,
									}).map(([Name, Value]) => ({Name, Value})),
								},
								Period: 60,
								Stat: statistic,
							},
						},
					],
				}),
			);
			return answer.MetricDataResults?.[0]?.Values ?? [];
		},
		alarmState: async (alarmName) =>
			(await cloudwatch.send(new DescribeAlarmsCommand({AlarmNames: [alarmName]})))
				.MetricAlarms?.[0]?.StateValue,
		changes: async () =>
			((await trail.send(new LookupEventsCommand({}))).Events ?? []).map(
				(event) => event.EventName ?? '',
			),
		close: () => sim.close(),
	};
}

export type Pair = {
	readonly incident: Served;
	readonly twin: Served;
	/** Records of [since, until] in each, read once before the tests. */
	readonly records: readonly FlowRecord[];
	readonly twinRecords: readonly FlowRecord[];
};

/**
 * Serves an incident and its healthy twin for the tests of the enclosing `describe`, reading
 * [since, until] of each once, and closes both after; the tests get them from the function.
 */
export function servePair(name: string, since: number, until: number): () => Pair {
	let served: Pair | undefined;
	beforeAll(async () => {
		const incident = await serveExample(`incident-${name}`);
		const twin = await serveExample(`incident-${name}.healthy-twin`);
		served = {
			incident,
			twin,
			records: await incident.records(since, until),
			twinRecords: await twin.records(since, until),
		};
	});
	afterAll(async () => {
		await served?.incident.close();
		await served?.twin.close();
	});
	return () => {
		if (served === undefined) throw new Error(`${name} is not served yet`);
		return served;
	};
}

/** The LB's interfaces, by the description ELB gives them. */
export function loadBalancerInterfaces(served: Served): string[] {
	return served.scenario.world.networkInterfaces
		.filter((item) => item.description.startsWith('ELB net/'))
		.map((item) => item.networkInterfaceId);
}

export function targetInterfaces(served: Served): string[] {
	return served.scenario.world.instances.map((instance) => instance.networkInterfaceId);
}

export const isPrivate = (address: string | undefined) => (address ?? '').startsWith('10.');
/** tcp-flags carries SYN (2) but not ACK-only: a SYN or a SYN-ACK. */
export const hasSyn = (record: FlowRecord) => (Number(record['tcp-flags']) & 2) === 2;
export const flagsOf = (record: FlowRecord) => Number(record['tcp-flags']);
