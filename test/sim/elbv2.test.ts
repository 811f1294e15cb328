import {
	DescribeListenersCommand,
	DescribeLoadBalancerAttributesCommand,
	DescribeLoadBalancersCommand,
	DescribeTagsCommand,
	DescribeTargetGroupAttributesCommand,
	DescribeTargetGroupsCommand,
	DescribeTargetHealthCommand,
	ElasticLoadBalancingV2Client,
	ListenerNotFoundException,
	LoadBalancerNotFoundException,
	paginateDescribeLoadBalancers,
	TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {
	albArn,
	albListenerArn,
	apiTargetGroupArn,
	baseTime,
	canaryArn,
	nlbArn,
	nlbListenerArn,
	testWorld,
	webTargetGroupArn,
} from '../helpers/sim-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

let sim: RunningSim;
let client: ElasticLoadBalancingV2Client;

beforeAll(async () => {
	sim = await startSim({world: testWorld()});
	client = new ElasticLoadBalancingV2Client(sdkConfig(sim.url));
});

afterAll(async () => {
	await sim.close();
});

describe('ELBv2 DescribeLoadBalancers', () => {
	it('lists every load balancer with its zones, addresses and security groups', async () => {
		const {LoadBalancers: loadBalancers = []} = await client.send(
			new DescribeLoadBalancersCommand({}),
		);
		expect(loadBalancers.map((item) => item.LoadBalancerName)).toEqual([
			'web-nlb',
			'api-alb',
			'web-nlb-canary',
		]);
		const [nlb, alb] = loadBalancers;
		expect(nlb).toMatchObject({
			LoadBalancerArn: nlbArn,
			Type: 'network',
			Scheme: 'internet-facing',
			State: {Code: 'active'},
			CreatedTime: new Date(baseTime - 86_400_000),
			AvailabilityZones: [
				{
					ZoneName: 'us-east-1a',
					LoadBalancerAddresses: [
						{IpAddress: '3.80.10.1', AllocationId: 'eipalloc-0aaa000000000001'},
					],
				},
				{
					ZoneName: 'us-east-1b',
					LoadBalancerAddresses: [
						{IpAddress: '3.80.10.2', AllocationId: 'eipalloc-0bbb000000000002'},
					],
				},
			],
		});
		expect(nlb?.SecurityGroups).toBeUndefined();
		expect(alb?.SecurityGroups).toEqual(['sg-0alb00000000000002']);
	});

	it('finds load balancers by name and by ARN', async () => {
		const byName = await client.send(new DescribeLoadBalancersCommand({Names: ['api-alb']}));
		expect(byName.LoadBalancers?.map((item) => item.LoadBalancerArn)).toEqual([albArn]);
		const byArn = await client.send(
			new DescribeLoadBalancersCommand({LoadBalancerArns: [canaryArn, nlbArn]}),
		);
		expect(byArn.LoadBalancers?.map((item) => item.LoadBalancerName)).toEqual([
			'web-nlb-canary',
			'web-nlb',
		]);
	});

	it('raises LoadBalancerNotFoundException for an unknown name', async () => {
		const failure = client.send(new DescribeLoadBalancersCommand({Names: ['web-nlb', 'nope']}));
		await expect(failure).rejects.toBeInstanceOf(LoadBalancerNotFoundException);
		await expect(failure).rejects.toMatchObject({
			message: "Load balancers '[nope]' not found",
			$metadata: {httpStatusCode: 400},
		});
	});

	it('raises a ValidationError for names and ARNs together', async () => {
		await expect(
			client.send(
				new DescribeLoadBalancersCommand({Names: ['web-nlb'], LoadBalancerArns: [nlbArn]}),
			),
		).rejects.toMatchObject({name: 'ValidationError'});
	});

	it('pages with PageSize and Marker', async () => {
		const first = await client.send(new DescribeLoadBalancersCommand({PageSize: 2}));
		expect(first.LoadBalancers).toHaveLength(2);
		expect(first.NextMarker).toEqual(expect.any(String));
		const second = await client.send(
			new DescribeLoadBalancersCommand({PageSize: 2, Marker: first.NextMarker}),
		);
		expect(second.LoadBalancers?.map((item) => item.LoadBalancerName)).toEqual(['web-nlb-canary']);
		expect(second.NextMarker).toBeUndefined();
		const names: string[] = [];
		for await (const page of paginateDescribeLoadBalancers({client, pageSize: 1}, {})) {
			names.push(...(page.LoadBalancers ?? []).map((item) => item.LoadBalancerName ?? ''));
		}
		expect(names).toEqual(['web-nlb', 'api-alb', 'web-nlb-canary']);
	});

	it('rejects a PageSize above 400 and a forged Marker', async () => {
		await expect(
			client.send(new DescribeLoadBalancersCommand({PageSize: 401})),
		).rejects.toMatchObject({
			name: 'ValidationError',
		});
		await expect(
			client.send(new DescribeLoadBalancersCommand({Marker: 'bogus'})),
		).rejects.toMatchObject({
			name: 'ValidationError',
		});
	});

	it('pages through the AWS CLI with --page-size and --marker', async () => {
		// ELBv2's own PageSize parameter takes over --page-size, so the CLI shows NextMarker as is.
		const first = await awsJson(sim.url, ['elbv2', 'describe-load-balancers', '--page-size', '2']);
		expect(first).toMatchObject({
			LoadBalancers: [
				{LoadBalancerName: 'web-nlb', CreatedTime: '2024-04-30T12:00:00+00:00'},
				{LoadBalancerName: 'api-alb'},
			],
			NextMarker: expect.any(String),
		});
		const marker = (first as {NextMarker: string}).NextMarker;
		const second = await awsJson(sim.url, [
			'elbv2',
			'describe-load-balancers',
			'--page-size',
			'2',
			'--marker',
			marker,
		]);
		expect(second).toEqual({
			LoadBalancers: [
				expect.objectContaining({
					LoadBalancerName: 'web-nlb-canary',
					State: {Code: 'provisioning'},
				}),
			],
		});
	});

	it('fails the AWS CLI with exit code 254 and the AWS error for an unknown name', async () => {
		const result = await runAwsCli(sim.url, [
			'elbv2',
			'describe-load-balancers',
			'--names',
			'nope',
		]);
		expect(result.exitCode).toBe(254);
		expect(result.stderr).toContain(
			'An error occurred (LoadBalancerNotFound) when calling the DescribeLoadBalancers operation',
		);
		expect(result.stderr).toContain("Load balancers '[nope]' not found");
	});
});

describe('ELBv2 DescribeListeners', () => {
	it('lists a load balancer’s listeners with their forward actions', async () => {
		const output = await client.send(new DescribeListenersCommand({LoadBalancerArn: albArn}));
		expect(output.Listeners).toEqual([
			expect.objectContaining({
				ListenerArn: albListenerArn,
				Port: 443,
				Protocol: 'HTTPS',
				SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
				Certificates: [{CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c'}],
				DefaultActions: [
					expect.objectContaining({Type: 'forward', TargetGroupArn: apiTargetGroupArn}),
				],
			}),
		]);
	});

	it('finds listeners by ARN and fails for unknown ones', async () => {
		const output = await client.send(
			new DescribeListenersCommand({ListenerArns: [nlbListenerArn]}),
		);
		expect(output.Listeners?.map((item) => item.Port)).toEqual([80]);
		await expect(
			client.send(new DescribeListenersCommand({ListenerArns: [`${nlbListenerArn}0`]})),
		).rejects.toBeInstanceOf(ListenerNotFoundException);
		await expect(
			client.send(new DescribeListenersCommand({LoadBalancerArn: `${nlbArn}0`})),
		).rejects.toBeInstanceOf(LoadBalancerNotFoundException);
	});

	it('requires a load balancer or listener ARNs', async () => {
		await expect(client.send(new DescribeListenersCommand({}))).rejects.toMatchObject({
			name: 'ValidationError',
		});
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'elbv2',
			'describe-listeners',
			'--load-balancer-arn',
			nlbArn,
		]);
		expect(output).toMatchObject({
			Listeners: [
				{
					ListenerArn: nlbListenerArn,
					Port: 80,
					Protocol: 'TCP',
					DefaultActions: [{TargetGroupArn: webTargetGroupArn}],
				},
			],
		});
	});
});

describe('ELBv2 DescribeTargetGroups', () => {
	it('finds target groups by load balancer, by name and by ARN', async () => {
		const byLoadBalancer = await client.send(
			new DescribeTargetGroupsCommand({LoadBalancerArn: nlbArn}),
		);
		expect(byLoadBalancer.TargetGroups).toEqual([
			expect.objectContaining({
				TargetGroupArn: webTargetGroupArn,
				TargetGroupName: 'web-tcp',
				Protocol: 'TCP',
				Port: 8080,
				TargetType: 'instance',
				HealthCheckPort: 'traffic-port',
				HealthCheckIntervalSeconds: 30,
				LoadBalancerArns: [nlbArn],
			}),
		]);
		const byName = await client.send(new DescribeTargetGroupsCommand({Names: ['api-http']}));
		expect(byName.TargetGroups?.map((item) => item.TargetGroupArn)).toEqual([apiTargetGroupArn]);
		const byArn = await client.send(
			new DescribeTargetGroupsCommand({TargetGroupArns: [webTargetGroupArn]}),
		);
		expect(byArn.TargetGroups?.map((item) => item.TargetGroupName)).toEqual(['web-tcp']);
		const all = await client.send(new DescribeTargetGroupsCommand({}));
		expect(all.TargetGroups).toHaveLength(2);
	});

	it('raises TargetGroupNotFoundException for an unknown name', async () => {
		await expect(
			client.send(new DescribeTargetGroupsCommand({Names: ['nope']})),
		).rejects.toBeInstanceOf(TargetGroupNotFoundException);
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'elbv2',
			'describe-target-groups',
			'--names',
			'web-tcp',
			'api-http',
		]);
		expect(output).toMatchObject({
			TargetGroups: [
				{TargetGroupName: 'web-tcp'},
				{TargetGroupName: 'api-http', HealthCheckPort: '8081'},
			],
		});
	});
});

describe('ELBv2 DescribeTargetHealth', () => {
	it('reports each target’s health with reason and description', async () => {
		const output = await client.send(
			new DescribeTargetHealthCommand({TargetGroupArn: webTargetGroupArn}),
		);
		expect(output.TargetHealthDescriptions).toEqual([
			{
				Target: {Id: 'i-0target00000000001', Port: 8080, AvailabilityZone: 'us-east-1a'},
				HealthCheckPort: '8080',
				TargetHealth: {State: 'healthy'},
			},
			{
				Target: {Id: 'i-0target00000000002', Port: 8080, AvailabilityZone: 'us-east-1b'},
				HealthCheckPort: '8080',
				TargetHealth: {
					State: 'unhealthy',
					Reason: 'Target.Timeout',
					Description: 'Request timed out',
				},
			},
		]);
	});

	it('answers for asked-for targets, including ones not registered', async () => {
		const output = await client.send(
			new DescribeTargetHealthCommand({
				TargetGroupArn: webTargetGroupArn,
				Targets: [{Id: 'i-0target00000000002'}, {Id: 'i-0unknown', Port: 8080}],
			}),
		);
		expect(output.TargetHealthDescriptions?.map((item) => item.TargetHealth?.State)).toEqual([
			'unhealthy',
			'unused',
		]);
		expect(output.TargetHealthDescriptions?.[1]?.TargetHealth?.Reason).toBe('Target.NotRegistered');
	});

	it('raises TargetGroupNotFoundException for an unknown group', async () => {
		await expect(
			client.send(new DescribeTargetHealthCommand({TargetGroupArn: `${webTargetGroupArn}0`})),
		).rejects.toBeInstanceOf(TargetGroupNotFoundException);
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'elbv2',
			'describe-target-health',
			'--target-group-arn',
			webTargetGroupArn,
		]);
		expect(output).toMatchObject({
			TargetHealthDescriptions: [
				{TargetHealth: {State: 'healthy'}},
				{TargetHealth: {State: 'unhealthy', Reason: 'Target.Timeout'}},
			],
		});
	});
});

describe('ELBv2 attributes and tags', () => {
	it('returns load balancer and target group attributes as key/value pairs', async () => {
		const loadBalancer = await client.send(
			new DescribeLoadBalancerAttributesCommand({LoadBalancerArn: nlbArn}),
		);
		expect(loadBalancer.Attributes).toEqual([
			{Key: 'cross_zone.enabled', Value: 'false'},
			{Key: 'deletion_protection.enabled', Value: 'true'},
		]);
		const targetGroup = await client.send(
			new DescribeTargetGroupAttributesCommand({TargetGroupArn: webTargetGroupArn}),
		);
		expect(targetGroup.Attributes).toContainEqual({
			Key: 'preserve_client_ip.enabled',
			Value: 'true',
		});
		await expect(
			client.send(new DescribeLoadBalancerAttributesCommand({LoadBalancerArn: `${nlbArn}0`})),
		).rejects.toBeInstanceOf(LoadBalancerNotFoundException);
	});

	it('returns tags per resource ARN', async () => {
		const output = await client.send(
			new DescribeTagsCommand({ResourceArns: [nlbArn, apiTargetGroupArn, nlbListenerArn]}),
		);
		expect(output.TagDescriptions).toEqual([
			{ResourceArn: nlbArn, Tags: [{Key: 'team', Value: 'web'}]},
			{ResourceArn: apiTargetGroupArn, Tags: []},
			{ResourceArn: nlbListenerArn, Tags: []},
		]);
	});

	it('serves the AWS CLI', async () => {
		const attributes = await awsJson(sim.url, [
			'elbv2',
			'describe-target-group-attributes',
			'--target-group-arn',
			apiTargetGroupArn,
		]);
		expect(attributes).toEqual({
			Attributes: [{Key: 'deregistration_delay.timeout_seconds', Value: '30'}],
		});
		const loadBalancerAttributes = await awsJson(sim.url, [
			'elbv2',
			'describe-load-balancer-attributes',
			'--load-balancer-arn',
			albArn,
		]);
		expect(loadBalancerAttributes).toEqual({
			Attributes: [{Key: 'idle_timeout.timeout_seconds', Value: '60'}],
		});
		const tags = await awsJson(sim.url, [
			'elbv2',
			'describe-tags',
			'--resource-arns',
			webTargetGroupArn,
		]);
		expect(tags).toEqual({
			TagDescriptions: [{ResourceArn: webTargetGroupArn, Tags: [{Key: 'team', Value: 'web'}]}],
		});
	});
});
