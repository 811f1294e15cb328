import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadScenario, parseScenarioFile, ScenarioError} from '../../source/sim/scenario/index.js';

const now = Date.UTC(2025, 4, 1, 12, 0, 0);

function issuesOf(json: unknown): readonly string[] {
	try {
		loadScenario(json, {now});
	} catch (error) {
		if (error instanceof ScenarioError) {
			return error.issues;
		}
		throw error;
	}
	return [];
}

const network = {
	vpcs: [{vpcId: 'vpc-0123', cidrBlock: '10.0.0.0/16'}],
	subnets: [{subnetId: 'subnet-0aaa', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24'}],
	targetGroups: [{name: 'web', port: 80}],
};

function withLoadBalancer(loadBalancer: Record<string, unknown>): Record<string, unknown> {
	return {
		...network,
		loadBalancers: [
			{name: 'my-nlb', availabilityZones: [{subnetId: 'subnet-0aaa'}], ...loadBalancer},
		],
	};
}

describe('scenario validation', () => {
	it.each([
		{
			name: 'a listener port written as a string',
			json: withLoadBalancer({
				listeners: [
					{port: 80, protocol: 'TCP', targetGroup: 'web'},
					{port: '443', protocol: 'TLS', targetGroup: 'web'},
				],
			}),
			issue: 'loadBalancers[0].listeners[1].port: expected a number, got a string ("443")',
		},
		{
			name: 'a misspelt field',
			json: withLoadBalancer({listners: []}),
			issue:
				'loadBalancers[0].listners: unknown field (known fields: name, id, type, scheme, vpcId, ipAddressType, state, securityGroups, createdTime, dnsName, attributes, tags, availabilityZones, listeners)',
		},
		{
			name: 'a listener forwarding to an undeclared target group',
			json: withLoadBalancer({listeners: [{port: 80, protocol: 'TCP', targetGroup: 'api'}]}),
			issue:
				'loadBalancers[0].listeners[0].targetGroup: unknown target group "api" (declare it in targetGroups by name)',
		},
		{
			name: 'an HTTP listener on an NLB',
			json: withLoadBalancer({listeners: [{port: 80, protocol: 'HTTP', targetGroup: 'web'}]}),
			issue:
				'loadBalancers[0].listeners[0].protocol: expected one of "TCP", "TLS", "UDP", "TCP_UDP", got "HTTP"',
		},
		{
			name: 'a load balancer without availability zones',
			json: {...network, loadBalancers: [{name: 'my-nlb'}]},
			issue: 'loadBalancers[0].availabilityZones: is required',
		},
		{
			name: 'a subnet that does not exist',
			json: withLoadBalancer({availabilityZones: [{subnetId: 'subnet-0bbb'}]}),
			issue:
				'loadBalancers[0].availabilityZones[0].subnetId: unknown subnet "subnet-0bbb" (declare it in subnets)',
		},
		{
			name: 'a time that is neither absolute nor relative',
			json: {
				cloudTrailEvents: [
					{
						eventName: 'ModifyListener',
						eventSource: 'elasticloadbalancing.amazonaws.com',
						eventTime: 'yesterday',
					},
				],
			},
			issue:
				'cloudTrailEvents[0].eventTime: expected a time: an ISO 8601 time with a zone ("2024-05-01T12:00:00Z") or an offset from load time ("now", "-5m", "-90s", "-1h30m"); got "yesterday"',
		},
		{
			name: 'an IP that is not one',
			json: {
				...network,
				instances: [
					{instanceId: 'i-0abc', subnetId: 'subnet-0aaa', privateIpAddress: '10.0.0.300'},
				],
			},
			issue:
				'instances[0].privateIpAddress: expected an IPv4 address like "10.0.1.15", got "10.0.0.300"',
		},
		{
			name: 'an instance target that is not declared',
			json: {...network, targetGroups: [{name: 'web', port: 80, targets: [{id: 'i-0missing'}]}]},
			issue:
				'targetGroups[0].targets[0].id: unknown instance "i-0missing" (declare it in instances)',
		},
		{
			name: 'a flow log on an unknown interface',
			json: {...network, flowLogs: [{resourceId: 'eni-0nothere', logGroupName: '/flows'}]},
			issue:
				'flowLogs[0].resourceId: unknown resource "eni-0nothere" (no such interface, subnet or VPC in the file)',
		},
		{
			name: 'a 5-minute aggregation interval',
			json: {
				...network,
				flowLogs: [{resourceId: 'vpc-0123', logGroupName: '/flows', maxAggregationInterval: 300}],
			},
			issue: 'flowLogs[0].maxAggregationInterval: expected 60 or 600, got 300',
		},
		{
			name: 'a record field that is not in the flow log format',
			json: {
				...network,
				flowLogs: [{resourceId: 'subnet-0aaa', logGroupName: '/flows'}],
				networkInterfaces: [
					{networkInterfaceId: 'eni-0abc', subnetId: 'subnet-0aaa', privateIpAddress: '10.0.0.5'},
				],
				logGroups: [
					{
						logGroupName: '/flows',
						streams: [
							{
								logStreamName: 'eni-0abc-all',
								events: [{record: {srcaddr: '1.2.3.4', 'tcp-flags': 2, start: '-1m'}}],
							},
						],
					},
				],
			},
			issue: 'logGroups[0].streams[0].events[0].record.tcp-flags: unknown field',
		},
		{
			name: 'a record on a stream no flow log writes',
			json: {
				logGroups: [
					{
						logGroupName: '/flows',
						streams: [{logStreamName: 'eni-0abc-all', events: [{record: {srcaddr: '1.2.3.4'}}]}],
					},
				],
			},
			issue:
				"logGroups[0].streams[0].events[0].record: no flow log delivers this stream's interface into this log group",
		},
		{
			name: 'an event with both a message and a record',
			json: {
				logGroups: [
					{
						logGroupName: '/flows',
						streams: [
							{logStreamName: 'app', events: [{message: 'x', record: {}, timestamp: 'now'}]},
						],
					},
				],
			},
			issue:
				'logGroups[0].streams[0].events[0]: needs exactly one of "message" (a literal line) or "record" (fields to render)',
		},
		{
			name: 'a literal line with no time to take',
			json: {
				logGroups: [
					{logGroupName: '/app', streams: [{logStreamName: 'app', events: [{message: 'hello'}]}]},
				],
			},
			issue:
				'logGroups[0].streams[0].events[0].timestamp: is required when the line has no "start" field to take it from',
		},
		{
			name: 'a top level that is not an object',
			json: [1, 2],
			issue: '(top level): expected an object, got an array',
		},
		{
			name: 'a second VPC with no vpcId to choose between them',
			json: {
				vpcs: [...network.vpcs, {vpcId: 'vpc-0456', cidrBlock: '10.1.0.0/16'}],
				subnets: network.subnets,
			},
			issue: 'subnets[0].vpcId: is required when the file does not declare exactly one VPC',
		},
	])('names the bad field for $name', ({json, issue}) => {
		expect(issuesOf(json).some((item) => item.startsWith(issue))).toBe(true);
	});

	it('reports every problem in one error, with a summary line', () => {
		const error = (() => {
			try {
				loadScenario({region: 'mars', accountId: 42}, {now, source: 'bad.json'});
			} catch (caught) {
				return caught;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(ScenarioError);
		expect(error instanceof ScenarioError ? error.message.split('\n') : []).toEqual([
			'invalid bad.json: 2 problems',
			'  accountId: expected a string, got a number (42)',
			'  region: expected a region like "us-east-1", got "mars"',
		]);
	});

	it('throws nothing but a ScenarioError, whatever the input', () => {
		const topLevel = fc.dictionary(
			fc.constantFrom(
				'vpcs',
				'subnets',
				'securityGroups',
				'networkAcls',
				'instances',
				'networkInterfaces',
				'loadBalancers',
				'targetGroups',
				'flowLogs',
				'logGroups',
				'metrics',
				'alarms',
				'cloudTrailEvents',
				'identity',
				'region',
			),
			fc.oneof(fc.jsonValue(), fc.array(fc.dictionary(fc.string(), fc.jsonValue()))),
		);
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), topLevel), (json) => {
				try {
					loadScenario(json, {now});
				} catch (error) {
					expect(error).toBeInstanceOf(ScenarioError);
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('parseScenarioFile', () => {
	it('says where the JSON breaks', async () => {
		const directory = await mkdtemp(join(tmpdir(), 'lbtop-scenario-'));
		try {
			const path = join(directory, 'broken.json');
			await writeFile(path, '{\n  "vpcs": [\n    {"vpcId": "vpc-1",}\n  ]\n}\n');
			await expect(parseScenarioFile(path)).rejects.toThrow(
				/^invalid .*broken\.json: 1 problem\n {2}not valid JSON \(line 3, column \d+\)/,
			);
		} finally {
			await rm(directory, {recursive: true, force: true});
		}
	});

	it('says when the file is missing', async () => {
		await expect(parseScenarioFile('/nonexistent/scenario.json')).rejects.toThrow(
			'cannot read the file (no such file)',
		);
	});
});
