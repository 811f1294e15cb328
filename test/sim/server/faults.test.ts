import {CloudWatchClient, DescribeAlarmsCommand} from '@aws-sdk/client-cloudwatch';
import {CloudWatchLogsClient, DescribeLogGroupsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {DescribeSubnetsCommand, EC2Client} from '@aws-sdk/client-ec2';
import {
	DescribeLoadBalancersCommand,
	ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createFaultInjector, type FaultOutcome} from '../../../source/sim/faults.js';
import {type RunningSim, startSim} from '../../../source/sim/server.js';
import type {JsonService} from '../../../source/sim/services/json-service.js';
import {testWorld} from '../../helpers/sim-world.js';
import {runAwsCli} from './aws-cli.js';
import {sdkConfig} from './sdk-config.js';

function outcomes(seed: number, count: number, throttleRate: number): FaultOutcome[] {
	const injector = createFaultInjector({seed, rules: {'*': {throttleRate}}});
	return Array.from({length: count}, () => injector.decide('ec2', 'DescribeSubnets').outcome);
}

describe('the fault injector', () => {
	it('repeats the same outcomes for the same seed', () => {
		expect(outcomes(7, 50, 0.5)).toEqual(outcomes(7, 50, 0.5));
		expect(outcomes(7, 50, 0.5)).not.toEqual(outcomes(8, 50, 0.5));
	});

	it('fails about the configured share of requests', () => {
		const throttled = outcomes(42, 1000, 0.3).filter((outcome) => outcome === 'throttle').length;
		expect(throttled).toBeGreaterThan(240);
		expect(throttled).toBeLessThan(360);
	});

	it('applies the most specific rule: service:operation, operation, service:*, *', () => {
		const injector = createFaultInjector({
			rules: {
				'*': {accessDenied: true},
				'ec2:*': {throttleRate: 1},
				DescribeSubnets: {serverErrorRate: 1},
				'ec2:DescribeSubnets': {dropRate: 1},
			},
		});
		expect(injector.decide('ec2', 'DescribeSubnets').outcome).toBe('drop');
		expect(injector.decide('cloudwatch', 'DescribeSubnets').outcome).toBe('server-error');
		expect(injector.decide('ec2', 'DescribeVpcs').outcome).toBe('throttle');
		expect(injector.decide('sts', 'GetCallerIdentity').outcome).toBe('access-denied');
	});

	it('passes everything once cleared', () => {
		const injector = createFaultInjector({rules: {'*': {throttleRate: 1, latencyMs: 50}}});
		injector.clear();
		expect(injector.decide('ec2', 'DescribeSubnets')).toEqual({
			outcome: 'none',
			latencyMs: 0,
			serverErrorStatus: 500,
		});
	});
});

const stubLogs: JsonService = {
	targetPrefix: 'Logs_20140328',
	signingName: 'logs',
	jsonVersion: '1.1',
	operations: {DescribeLogGroups: () => ({logGroups: []})},
};

let sim: RunningSim;

beforeAll(async () => {
	sim = await startSim({world: testWorld(), jsonServices: [stubLogs]});
});

afterAll(async () => {
	await sim.close();
});

afterEach(() => {
	sim.faults.clear();
});

const elbv2 = () => new ElasticLoadBalancingV2Client(sdkConfig(sim.url));
const ec2 = () => new EC2Client(sdkConfig(sim.url));
const cloudWatch = () => new CloudWatchClient(sdkConfig(sim.url));
const logs = () => new CloudWatchLogsClient(sdkConfig(sim.url));

describe('injected faults as the SDK sees them', () => {
	it('throttles with each protocol’s own code', async () => {
		sim.faults.set({rules: {'*': {throttleRate: 1}}});
		await expect(elbv2().send(new DescribeLoadBalancersCommand({}))).rejects.toMatchObject({
			name: 'Throttling',
			$metadata: {httpStatusCode: 400},
		});
		await expect(ec2().send(new DescribeSubnetsCommand({}))).rejects.toMatchObject({
			name: 'RequestLimitExceeded',
			$metadata: {httpStatusCode: 503},
		});
		await expect(logs().send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({
			name: 'ThrottlingException',
		});
		// CloudWatch speaks JSON but stays query-compatible: the SDK reports the query code.
		await expect(cloudWatch().send(new DescribeAlarmsCommand({}))).rejects.toMatchObject({
			name: 'Throttling',
			Error: {Code: 'Throttling', Type: 'Sender'},
		});
	});

	it('lets the SDK retry a throttled call and succeed', async () => {
		// With this seed the first draw throttles and a later one passes.
		sim.faults.set({seed: 3, rules: {DescribeSubnets: {throttleRate: 0.6}}});
		const client = new EC2Client(sdkConfig(sim.url, 5));
		const output = await client.send(new DescribeSubnetsCommand({}));
		expect(output.Subnets).toHaveLength(2);
		expect(output.$metadata.attempts).toBeGreaterThan(1);
	});

	it('refuses access naming the IAM action like AWS', async () => {
		sim.faults.set({rules: {'*': {accessDenied: true}}});
		await expect(elbv2().send(new DescribeLoadBalancersCommand({}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message:
				'User: arn:aws:iam::123456789012:user/oncall is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers because no identity-based policy allows the elasticloadbalancing:DescribeLoadBalancers action',
			$metadata: {httpStatusCode: 403},
		});
		await expect(ec2().send(new DescribeSubnetsCommand({}))).rejects.toMatchObject({
			name: 'UnauthorizedOperation',
			message: expect.stringContaining('is not authorized to perform: ec2:DescribeSubnets'),
		});
		await expect(cloudWatch().send(new DescribeAlarmsCommand({}))).rejects.toMatchObject({
			name: 'AccessDenied',
			message: expect.stringContaining('cloudwatch:DescribeAlarms'),
		});
		await expect(logs().send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('logs:DescribeLogGroups'),
		});
	});

	it('answers server errors with 500 or 503', async () => {
		sim.faults.set({
			rules: {
				'elasticloadbalancing:*': {serverErrorRate: 1},
				'ec2:*': {serverErrorRate: 1, serverErrorStatus: 503},
			},
		});
		await expect(elbv2().send(new DescribeLoadBalancersCommand({}))).rejects.toMatchObject({
			name: 'InternalFailure',
			$fault: 'server',
			$metadata: {httpStatusCode: 500},
		});
		await expect(ec2().send(new DescribeSubnetsCommand({}))).rejects.toMatchObject({
			name: 'Unavailable',
			$metadata: {httpStatusCode: 503},
		});
	});

	it('drops the connection without an answer', async () => {
		sim.faults.set({rules: {DescribeSubnets: {dropRate: 1}}});
		await expect(ec2().send(new DescribeSubnetsCommand({}))).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|EPIPE/),
		});
	});

	it('adds latency before answering', async () => {
		sim.faults.set({rules: {DescribeSubnets: {latencyMs: 300}}});
		const started = performance.now();
		await ec2().send(new DescribeSubnetsCommand({}));
		expect(performance.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('changes at run time: clear() restores normal service', async () => {
		sim.faults.set({rules: {'*': {throttleRate: 1}}});
		await expect(ec2().send(new DescribeSubnetsCommand({}))).rejects.toThrow();
		sim.faults.clear();
		await expect(ec2().send(new DescribeSubnetsCommand({}))).resolves.toMatchObject({
			Subnets: expect.any(Array),
		});
	});
});

describe('injected faults as the AWS CLI sees them', () => {
	it('reports access denied with exit code 254', async () => {
		sim.faults.set({rules: {'*': {accessDenied: true}}});
		const result = await runAwsCli(sim.url, ['elbv2', 'describe-load-balancers']);
		expect(result.exitCode).toBe(254);
		expect(result.stderr).toContain(
			'An error occurred (AccessDenied) when calling the DescribeLoadBalancers operation',
		);
		expect(result.stderr).toContain('elasticloadbalancing:DescribeLoadBalancers');
	});
});
