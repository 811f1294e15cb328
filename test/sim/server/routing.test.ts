import {
	CloudWatchLogsClient,
	DescribeLogGroupsCommand,
	GetLogEventsCommand,
	ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SimError} from '../../../source/sim/context.js';
import {type RunningSim, startSim} from '../../../source/sim/server.js';
import type {JsonService} from '../../../source/sim/services/json-service.js';
import {testWorld} from '../../helpers/sim-world.js';
import {postForm, postJson, signedFor} from './raw-request.js';
import {sdkConfig} from './sdk-config.js';

// Stands in for the real Logs service (written elsewhere) to pin the JsonService routing contract.
const stubLogs: JsonService = {
	targetPrefix: 'Logs_20140328',
	signingName: 'logs',
	jsonVersion: '1.1',
	operations: {
		DescribeLogGroups: (_input, {world}) => ({
			logGroups: world.logGroups.map((group) => ({logGroupName: group.logGroupName})),
		}),
		GetLogEvents: (input) => {
			throw new SimError(
				'ResourceNotFoundException',
				`Log group ${String(input.logGroupName)} does not exist`,
			);
		},
	},
};

const stubTrail: JsonService = {
	targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
	signingName: 'cloudtrail',
	jsonVersion: '1.1',
	operations: {LookupEvents: () => ({Events: []})},
};

let sim: RunningSim;
let advances = 0;

beforeAll(async () => {
	sim = await startSim({
		world: testWorld(),
		jsonServices: [stubLogs, stubTrail],
		advance: () => advances++,
	});
});

afterAll(async () => {
	await sim.close();
});

describe('the sim endpoint', () => {
	it('listens on a free loopback port', () => {
		expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
		expect(sim.port).toBeGreaterThan(0);
	});

	it('routes X-Amz-Target to a JSON service passed in by the caller', async () => {
		const logs = new CloudWatchLogsClient(sdkConfig(sim.url));
		const output = await logs.send(new DescribeLogGroupsCommand({}));
		expect(output.logGroups?.map((group) => group.logGroupName)).toEqual([
			'/vpc/flow-logs',
			'/lbtop/nlb-flows',
		]);
		expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it.each([
		[
			'fully qualified, as botocore sends it',
			'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
		],
		['by shape name, as SDK v3 sends it', 'CloudTrail_20131101.LookupEvents'],
	])('accepts a target prefix %s', async (_spelling, target) => {
		const response = await postJson(sim.url, target, '{}', signedFor('cloudtrail'));
		expect(response.status).toBe(200);
		expect(JSON.parse(response.body)).toEqual({Events: []});
	});

	it('turns a thrown SimError into the JSON error the SDK maps to its exception class', async () => {
		const logs = new CloudWatchLogsClient(sdkConfig(sim.url));
		const failure = logs.send(
			new GetLogEventsCommand({logGroupName: 'missing', logStreamName: 's'}),
		);
		await expect(failure).rejects.toBeInstanceOf(ResourceNotFoundException);
		await expect(failure).rejects.toMatchObject({message: 'Log group missing does not exist'});
	});

	it('answers JSON errors with __type, message and x-amzn-errortype', async () => {
		const response = await postJson(
			sim.url,
			'Logs_20140328.GetLogEvents',
			'{"logGroupName":"x"}',
			signedFor('logs'),
		);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
		expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
		expect(JSON.parse(response.body)).toEqual({
			__type: 'ResourceNotFoundException',
			message: 'Log group x does not exist',
		});
	});

	it('calls advance() before serving an operation', async () => {
		const before = advances;
		const logs = new CloudWatchLogsClient(sdkConfig(sim.url));
		await logs.send(new DescribeLogGroupsCommand({}));
		expect(advances).toBe(before + 1);
	});
});

describe('requests AWS would refuse', () => {
	it.each([
		[
			'ELBv2',
			'Action=DescribeLoadBalancers&Version=2015-12-01',
			403,
			'<Code>MissingAuthenticationToken</Code>',
		],
		[
			'STS',
			'Action=GetCallerIdentity&Version=2011-06-15',
			403,
			'<Code>MissingAuthenticationToken</Code>',
		],
		[
			'EC2',
			'Action=DescribeSubnets&Version=2016-11-15',
			401,
			'<Errors><Error><Code>MissingAuthenticationToken</Code>',
		],
	])('refuses an unsigned %s call', async (_service, body, status, fragment) => {
		const response = await postForm(sim.url, body);
		expect(response.status).toBe(status);
		expect(response.body).toContain(fragment);
	});

	it('refuses an unsigned JSON call', async () => {
		const response = await postJson(sim.url, 'Logs_20140328.DescribeLogGroups', '{}');
		expect(response.status).toBe(400);
		expect(JSON.parse(response.body)).toMatchObject({
			__type: 'MissingAuthenticationTokenException',
		});
	});

	it('answers an unknown query action with InvalidAction in the awsQuery error shape', async () => {
		const response = await postForm(
			sim.url,
			'Action=DeleteLoadBalancer&Version=2015-12-01',
			signedFor('elasticloadbalancing'),
		);
		expect(response.status).toBe(400);
		expect(response.body).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>The action DeleteLoadBalancer is not valid for this web service.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
		);
	});

	it('answers an unknown EC2 action in the EC2 error shape, with the request id in the header too', async () => {
		const response = await postForm(
			sim.url,
			'Action=RunInstances&Version=2016-11-15',
			signedFor('ec2'),
		);
		const requestId = response.headers.get('x-amzn-requestid');
		expect(response.status).toBe(400);
		expect(response.body).toContain(
			`<Response><Errors><Error><Code>InvalidAction</Code><Message>The action RunInstances is not valid for this web service.</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
		);
	});

	it('answers an unknown JSON operation with UnknownOperationException', async () => {
		const response = await postJson(
			sim.url,
			'Logs_20140328.DeleteLogGroup',
			'{}',
			signedFor('logs'),
		);
		expect(response.status).toBe(400);
		expect(JSON.parse(response.body)).toMatchObject({__type: 'UnknownOperationException'});
	});

	it('answers a body that is not JSON with SerializationException', async () => {
		const response = await postJson(
			sim.url,
			'Logs_20140328.DescribeLogGroups',
			'{nope',
			signedFor('logs'),
		);
		expect(JSON.parse(response.body)).toMatchObject({__type: 'SerializationException'});
	});

	it('does not let an operation name reach Object.prototype', async () => {
		const response = await postForm(
			sim.url,
			'Action=constructor&Version=2015-12-01',
			signedFor('elasticloadbalancing'),
		);
		expect(response.body).toContain('<Code>InvalidAction</Code>');
	});
});

describe('query routing', () => {
	it('serves a GET with the parameters in the query string', async () => {
		const response = await fetch(`${sim.url}/?Action=GetCallerIdentity&Version=2011-06-15`, {
			headers: signedFor('sts'),
		});
		const body = await response.text();
		expect(response.status).toBe(200);
		expect(body).toContain(
			'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
		);
		expect(body).toContain('<Account>123456789012</Account>');
	});

	it('picks the service by the signing scope when the version alone would not say', async () => {
		const response = await postForm(sim.url, 'Action=DescribeAlarms', signedFor('monitoring'));
		expect(response.status).toBe(200);
		expect(response.body).toContain('<DescribeAlarmsResult>');
	});

	it('picks the service by Version when the scope names no service of the sim', async () => {
		const response = await postForm(
			sim.url,
			'Action=DescribeSubnets&Version=2016-11-15',
			signedFor('other'),
		);
		expect(response.status).toBe(200);
		expect(response.body).toContain('<subnetSet>');
	});

	it('rejects a Version the signed-for service does not have', async () => {
		const response = await postForm(
			sim.url,
			'Action=DescribeLoadBalancers&Version=2012-06-01',
			signedFor('elasticloadbalancing'),
		);
		expect(response.status).toBe(400);
		expect(response.body).toContain('<Code>InvalidAction</Code>');
	});

	it('accepts presigned credentials in the query string', async () => {
		const response = await fetch(
			`${sim.url}/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Credential=test%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Signature=00`,
		);
		expect(response.status).toBe(200);
	});
});
