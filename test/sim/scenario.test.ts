import {describe, expect, it} from 'vitest';
import {loadScenario, loadScenarioFile} from '../../source/sim/scenario/index.js';
import type {World} from '../../source/sim/world/types.js';

const now = Date.UTC(2025, 4, 1, 12, 0, 0);
const examplePath = new URL('../../examples/nlb-target-sg-rejects-clients.json', import.meta.url)
	.pathname;

function messages(world: World, streamName: string): string[][] {
	const stream = world.logGroups
		.flatMap((group) => group.streams)
		.find((item) => item.logStreamName === streamName);
	return (stream?.events ?? []).map((event) => event.message.split(' '));
}

const customFormat = [
	'version',
	'interface-id',
	'vpc-id',
	'az-id',
	'srcaddr',
	'pkt-srcaddr',
	'flow-direction',
	'action',
]
	.map((field) => `\${${field}}`)
	.join(' ');

/** A minimal NLB with one interface per side and flow logs on both. */
function baseScenario(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		vpcs: [{vpcId: 'vpc-0123', cidrBlock: '10.0.0.0/16'}],
		subnets: [{subnetId: 'subnet-0aaa', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24'}],
		instances: [
			{
				instanceId: 'i-0abc',
				subnetId: 'subnet-0aaa',
				privateIpAddress: '10.0.0.21',
				networkInterfaceId: 'eni-0web',
			},
		],
		targetGroups: [{name: 'web', port: 80, targets: [{id: 'i-0abc'}]}],
		loadBalancers: [
			{
				name: 'my-nlb',
				id: '50dc6c495c0c9188',
				availabilityZones: [
					{
						subnetId: 'subnet-0aaa',
						networkInterface: {networkInterfaceId: 'eni-0lb', privateIpAddress: '10.0.0.38'},
					},
				],
				listeners: [{port: 80, protocol: 'TCP', targetGroup: 'web'}],
			},
		],
		flowLogs: [{resourceId: 'eni-0lb', logGroupName: '/flows', maxAggregationInterval: 60}],
		...extra,
	};
}

describe('the example scenario (the NLB guide: ACCEPT at the NLB, REJECT at the instance)', async () => {
	const world = await loadScenarioFile(examplePath, {now});
	const lbInterface = world.networkInterfaces.find((item) =>
		item.description.startsWith('ELB net/'),
	);
	const instance = world.instances[0];

	it('describes the NLB interface the way ELB does', () => {
		expect(lbInterface?.description).toBe('ELB net/my-nlb/50dc6c495c0c9188');
		expect(lbInterface?.interfaceType).toBe('network_load_balancer');
		expect(lbInterface?.requesterManaged).toBe(true);
		expect(world.loadBalancers[0]?.loadBalancerArn).toBe(
			'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188',
		);
		expect(world.targetGroups[0]?.loadBalancerArns).toEqual([
			world.loadBalancers[0]?.loadBalancerArn,
		]);
	});

	it('logs ACCEPT for the frontend and backend legs on the NLB interface and REJECT on the instance', () => {
		const clients = new Set(['198.51.100.7', '203.0.113.45', '192.0.2.77', '81.2.69.160']);
		const lbLines = messages(world, `${lbInterface?.networkInterfaceId}-all`).filter((fields) =>
			clients.has(fields[3] ?? ''),
		);
		const instanceLines = messages(world, `${instance?.networkInterfaceId}-all`).filter((fields) =>
			clients.has(fields[3] ?? ''),
		);
		const frontend = lbLines.filter((fields) => fields[4] === lbInterface?.privateIpAddress);
		const backend = lbLines.filter((fields) => fields[4] === instance?.privateIpAddress);
		expect(frontend.length).toBe(5);
		expect(backend.length).toBe(5);
		expect(lbLines.every((fields) => fields[12] === 'ACCEPT' && fields[13] === 'OK')).toBe(true);
		expect(instanceLines.length).toBe(5);
		expect(instanceLines.every((fields) => fields[12] === 'REJECT' && fields[13] === 'OK')).toBe(
			true,
		);
	});

	it('keeps the target healthy because health checks come from the NLB itself', () => {
		expect(world.targets.map((target) => target.health.state)).toEqual(['healthy']);
		expect(world.alarms[0]?.stateValue).toBe('OK');
	});

	it('holds the security group change that caused it', () => {
		const names = world.cloudTrailEvents.map((event) => event.eventName);
		expect(names).toEqual(['RevokeSecurityGroupIngress', 'AuthorizeSecurityGroupIngress']);
		expect(JSON.parse(world.cloudTrailEvents[0]?.cloudTrailEvent ?? '{}')).toMatchObject({
			userIdentity: {type: 'IAMUser', userName: 'alice'},
			eventTime: '2025-05-01T11:47:30Z',
		});
	});
});

describe('loadScenario', () => {
	it('fills in the account, region and identity when the file leaves them out', () => {
		const world = loadScenario({}, {now});
		expect([world.accountId, world.region]).toEqual(['123456789012', 'us-east-1']);
		expect(world.identity.arn).toBe('arn:aws:iam::123456789012:user/lbtop-sim');
		expect(world.loadBalancers).toEqual([]);
	});

	it('places relative times at load time and absolute ones where they say', () => {
		const world = loadScenario(
			baseScenario({
				logGroups: [
					{
						logGroupName: '/flows',
						streams: [
							{
								logStreamName: 'eni-0lb-all',
								events: [
									{
										record: {
											srcaddr: '198.51.100.7',
											dstaddr: '10.0.0.38',
											srcport: 50000,
											dstport: 80,
											packets: 3,
											bytes: 180,
											start: '-5m',
											end: '-4m',
											action: 'ACCEPT',
										},
									},
									{
										record: {
											srcaddr: '198.51.100.8',
											start: '2025-05-01T11:00:00Z',
											action: 'REJECT',
										},
									},
								],
							},
						],
					},
				],
				cloudTrailEvents: [
					{
						eventName: 'ModifyListener',
						eventSource: 'elasticloadbalancing.amazonaws.com',
						eventTime: '-90s',
					},
				],
			}),
			{now},
		);
		const events = world.logGroups[0]?.streams[0]?.events ?? [];
		expect(events.map((event) => event.timestamp)).toEqual([now - 3_600_000, now - 300_000]);
		expect(events[1]?.message).toBe(
			`2 123456789012 eni-0lb 198.51.100.7 10.0.0.38 50000 80 6 3 180 ${(now - 300_000) / 1000} ${(now - 240_000) / 1000} ACCEPT OK`,
		);
		expect(events[1]?.ingestionTime).toBe(now - 120_000);
		expect(world.cloudTrailEvents[0]?.eventTime).toBe(now - 90_000);
		expect(world.cloudTrailEvents[0]?.readOnly).toBe(false);
	});

	it("renders structured records in the flow log's own custom format", () => {
		const world = loadScenario(
			baseScenario({
				flowLogs: [
					{
						resourceId: 'subnet-0aaa',
						logGroupName: '/custom',
						logFormat: customFormat,
					},
				],
				logGroups: [
					{
						logGroupName: '/custom',
						streams: [
							{
								logStreamName: 'eni-0web-all',
								events: [
									{
										timestamp: '-1m',
										record: {
											srcaddr: '198.51.100.7',
											'flow-direction': 'ingress',
											action: 'REJECT',
										},
									},
								],
							},
						],
					},
				],
			}),
			{now},
		);
		expect(world.logGroups[0]?.streams[0]?.events[0]?.message).toBe(
			'5 eni-0web vpc-0123 use1-az1 198.51.100.7 - ingress REJECT',
		);
		expect(world.flowLogs[0]?.maxAggregationInterval).toBe(600);
	});

	it('takes a literal line as it is and its timestamp from its start field', () => {
		const line =
			'2 123456789012 eni-0lb 198.51.100.7 10.0.0.38 50000 80 6 3 180 1746100000 1746100060 ACCEPT OK';
		const world = loadScenario(
			baseScenario({
				logGroups: [
					{
						logGroupName: '/flows',
						streams: [{logStreamName: 'eni-0lb-all', events: [{message: line}]}],
					},
				],
			}),
			{now},
		);
		expect(world.logGroups[0]?.streams[0]?.events[0]).toEqual({
			timestamp: 1_746_100_000_000,
			ingestionTime: 1_746_100_180_000,
			message: line,
		});
	});

	it('defaults client IP preservation by target type and protocol, as the NLB guide does', () => {
		const world = loadScenario(
			baseScenario({
				targetGroups: [
					{name: 'web', port: 80, targets: [{id: 'i-0abc'}]},
					{name: 'ip-tcp', port: 80, targetType: 'ip'},
					{name: 'ip-udp', port: 53, protocol: 'UDP', targetType: 'ip'},
					{
						name: 'ip-override',
						port: 80,
						targetType: 'ip',
						attributes: {'preserve_client_ip.enabled': true},
					},
				],
			}),
			{now},
		);
		expect(
			world.targetGroups.map((group) => group.attributes['preserve_client_ip.enabled']),
		).toEqual(['true', 'false', 'true', 'true']);
	});

	it('creates the primary interface of an instance the file does not list, and the flow log group', () => {
		const world = loadScenario(baseScenario(), {now});
		const primary = world.networkInterfaces.find((item) => item.networkInterfaceId === 'eni-0web');
		expect(primary?.attachment).toEqual({instanceId: 'i-0abc', deviceIndex: 0});
		expect(world.logGroups.map((group) => group.logGroupName)).toEqual(['/flows']);
	});

	it('lets the file say what interface type the NLB interface has', () => {
		const loadBalancer = {
			name: 'my-nlb',
			availabilityZones: [
				{
					subnetId: 'subnet-0aaa',
					networkInterface: {
						networkInterfaceId: 'eni-0lb',
						privateIpAddress: '10.0.0.38',
						interfaceType: 'interface',
					},
				},
			],
		};
		const world = loadScenario(baseScenario({loadBalancers: [loadBalancer]}), {now});
		const lbInterface = world.networkInterfaces.find(
			(item) => item.networkInterfaceId === 'eni-0lb',
		);
		expect(lbInterface?.interfaceType).toBe('interface');
		expect(lbInterface?.description).toMatch(/^ELB net\/my-nlb\/[0-9a-f]{16}$/);
	});

	it('turns a metric series into one datapoint per period, skipping nulls, and evaluates alarms from it', () => {
		const dimensions = {LoadBalancer: 'net/my-nlb/50dc6c495c0c9188'};
		const world = loadScenario(
			{
				metrics: [
					{
						namespace: 'AWS/NetworkELB',
						metricName: 'UnHealthyHostCount',
						dimensions,
						series: {start: '-3m', values: [0, null, 2]},
					},
				],
				alarms: [
					{
						alarmName: 'unhealthy',
						namespace: 'AWS/NetworkELB',
						metricName: 'UnHealthyHostCount',
						dimensions,
						statistic: 'Maximum',
						threshold: 0,
						comparisonOperator: 'GreaterThanThreshold',
					},
				],
			},
			{now},
		);
		expect(world.metrics.map((datum) => [datum.timestamp, datum.values])).toEqual([
			[now - 180_000, [0]],
			[now - 60_000, [2]],
		]);
		expect(world.alarms[0]?.stateValue).toBe('ALARM');
	});
});
