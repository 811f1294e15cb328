import {
	DescribeFlowLogsCommand,
	DescribeInstancesCommand,
	DescribeNetworkAclsCommand,
	DescribeNetworkInterfacesCommand,
	DescribeSecurityGroupsCommand,
	DescribeSubnetsCommand,
	DescribeVpcsCommand,
	EC2Client,
	type Filter,
	paginateDescribeNetworkInterfaces,
} from '@aws-sdk/client-ec2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {customFlowLogFormat, testWorld} from '../helpers/sim-world.js';
import {awsJson, runAwsCli} from './server/aws-cli.js';
import {sdkConfig} from './server/sdk-config.js';

let sim: RunningSim;
let client: EC2Client;

beforeAll(async () => {
	sim = await startSim({world: testWorld()});
	client = new EC2Client(sdkConfig(sim.url));
});

afterAll(async () => {
	await sim.close();
});

async function interfaceIds(filters: Filter[]): Promise<string[]> {
	const output = await client.send(new DescribeNetworkInterfacesCommand({Filters: filters}));
	return (output.NetworkInterfaces ?? []).map((eni) => eni.NetworkInterfaceId ?? '');
}

const nlbEnis = ['eni-0nlb000000000001', 'eni-0nlb000000000002'];

describe('EC2 DescribeNetworkInterfaces description filter', () => {
	it.each([
		['an exact description', 'ELB net/web-nlb/50dc6c495c0c9188', nlbEnis],
		['* after the name and slash', 'ELB net/web-nlb/*', nlbEnis],
		['* right after the name', 'ELB net/web-nlb*', [...nlbEnis, 'eni-0canary000000001']],
		['? for exactly one character', 'ELB net/web-nlb/50dc6c495c0c918?', nlbEnis],
		['? that must match one character', 'ELB net/web-nlb/50dc6c495c0c9188?', []],
		['? in the type', 'ELB ???/*', [...nlbEnis, 'eni-0canary000000001', 'eni-0alb000000000001']],
		['an escaped * as a literal', 'ELB net/web-nlb/\\*', []],
		['a case-sensitive value', 'elb net/web-nlb/*', []],
	])('matches %s', async (_case, pattern, expected) => {
		expect(await interfaceIds([{Name: 'description', Values: [pattern]}])).toEqual(expected);
	});

	it('ORs the values of one filter', async () => {
		expect(
			await interfaceIds([
				{Name: 'description', Values: ['ELB app/*', 'ELB net/web-nlb-canary/*']},
			]),
		).toEqual(['eni-0canary000000001', 'eni-0alb000000000001']);
	});
});

describe('EC2 DescribeNetworkInterfaces', () => {
	it.each<[string, Filter[], string[]]>([
		[
			'vpc-id',
			[{Name: 'vpc-id', Values: ['vpc-0a1b2c3d4e5f60001']}],
			[
				...nlbEnis,
				'eni-0canary000000001',
				'eni-0alb000000000001',
				'eni-0target0000000001',
				'eni-0target0000000002',
			],
		],
		[
			'subnet-id AND interface-type',
			[
				{Name: 'subnet-id', Values: ['subnet-0aaa0000000000001']},
				{Name: 'interface-type', Values: ['network_load_balancer']},
			],
			['eni-0nlb000000000001', 'eni-0canary000000001'],
		],
		[
			'addresses.private-ip-address',
			[{Name: 'addresses.private-ip-address', Values: ['10.0.2.100']}],
			['eni-0nlb000000000002'],
		],
		[
			'private-ip-address',
			[{Name: 'private-ip-address', Values: ['10.0.1.10', '10.0.2.10']}],
			['eni-0target0000000001', 'eni-0target0000000002'],
		],
		[
			'attachment.instance-id',
			[{Name: 'attachment.instance-id', Values: ['i-0target00000000002']}],
			['eni-0target0000000002'],
		],
		[
			'requester-managed',
			[{Name: 'requester-managed', Values: ['false']}],
			['eni-0target0000000001', 'eni-0target0000000002'],
		],
		['group-id', [{Name: 'group-id', Values: ['sg-0alb00000000000002']}], ['eni-0alb000000000001']],
	])('filters by %s', async (_name, filters, expected) => {
		expect(await interfaceIds(filters)).toEqual(expected);
	});

	it('describes an NLB interface the way discovery needs it', async () => {
		const output = await client.send(
			new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: ['eni-0nlb000000000001']}),
		);
		expect(output.NetworkInterfaces).toEqual([
			expect.objectContaining({
				NetworkInterfaceId: 'eni-0nlb000000000001',
				Description: 'ELB net/web-nlb/50dc6c495c0c9188',
				InterfaceType: 'network_load_balancer',
				AvailabilityZone: 'us-east-1a',
				AvailabilityZoneId: 'use1-az1',
				SubnetId: 'subnet-0aaa0000000000001',
				VpcId: 'vpc-0a1b2c3d4e5f60001',
				PrivateIpAddress: '10.0.1.100',
				RequesterManaged: true,
				RequesterId: 'amazon-elb',
				Status: 'in-use',
				Groups: [],
				Association: expect.objectContaining({PublicIp: '3.80.10.1'}),
				PrivateIpAddresses: [
					expect.objectContaining({Primary: true, PrivateIpAddress: '10.0.1.100'}),
				],
			}),
		]);
	});

	it('fails for unknown ids and unknown filters like EC2', async () => {
		await expect(
			client.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: ['eni-0nope']})),
		).rejects.toMatchObject({
			name: 'InvalidNetworkInterfaceID.NotFound',
			message: "The networkInterface ID 'eni-0nope' does not exist",
		});
		await expect(
			client.send(
				new DescribeNetworkInterfacesCommand({Filters: [{Name: 'colour', Values: ['blue']}]}),
			),
		).rejects.toMatchObject({
			name: 'InvalidParameterValue',
			message: "The filter 'colour' is invalid",
		});
	});

	it('pages with MaxResults and NextToken', async () => {
		const first = await client.send(new DescribeNetworkInterfacesCommand({MaxResults: 5}));
		expect(first.NetworkInterfaces).toHaveLength(5);
		const second = await client.send(
			new DescribeNetworkInterfacesCommand({MaxResults: 5, NextToken: first.NextToken}),
		);
		expect(second.NetworkInterfaces?.map((eni) => eni.NetworkInterfaceId)).toEqual([
			'eni-0target0000000002',
		]);
		expect(second.NextToken).toBeUndefined();
		let count = 0;
		for await (const page of paginateDescribeNetworkInterfaces({client, pageSize: 5}, {})) {
			count += page.NetworkInterfaces?.length ?? 0;
		}
		expect(count).toBe(6);
	});

	it('rejects MaxResults out of range or together with ids', async () => {
		await expect(
			client.send(new DescribeNetworkInterfacesCommand({MaxResults: 4})),
		).rejects.toMatchObject({
			name: 'InvalidParameterValue',
		});
		await expect(
			client.send(
				new DescribeNetworkInterfacesCommand({MaxResults: 5, NetworkInterfaceIds: nlbEnis}),
			),
		).rejects.toMatchObject({name: 'InvalidParameterCombination'});
	});

	it('serves the AWS CLI with a wildcard description filter', async () => {
		const output = await awsJson(sim.url, [
			'ec2',
			'describe-network-interfaces',
			'--filters',
			'Name=description,Values=ELB net/web-nlb/*',
			'Name=availability-zone,Values=us-east-1b',
		]);
		expect(output).toMatchObject({
			NetworkInterfaces: [
				{NetworkInterfaceId: 'eni-0nlb000000000002', PrivateIpAddress: '10.0.2.100'},
			],
		});
	});

	it('pages through the AWS CLI, which follows NextToken itself', async () => {
		const output = await awsJson(sim.url, [
			'ec2',
			'describe-network-interfaces',
			'--page-size',
			'5',
		]);
		expect((output as {NetworkInterfaces: unknown[]}).NetworkInterfaces).toHaveLength(6);
	});

	it('fails the AWS CLI with exit code 254 for an unknown id', async () => {
		const result = await runAwsCli(sim.url, [
			'ec2',
			'describe-network-interfaces',
			'--network-interface-ids',
			'eni-0nope',
		]);
		expect(result.exitCode).toBe(254);
		expect(result.stderr).toContain('An error occurred (InvalidNetworkInterfaceID.NotFound)');
	});
});

describe('EC2 DescribeFlowLogs', () => {
	it('finds the flow logs of a resource with their format and destination', async () => {
		const output = await client.send(
			new DescribeFlowLogsCommand({
				Filter: [{Name: 'resource-id', Values: ['vpc-0a1b2c3d4e5f60001', 'eni-0nlb000000000001']}],
			}),
		);
		expect(output.FlowLogs).toEqual([
			expect.objectContaining({
				FlowLogId: 'fl-0vpc00000000000001',
				ResourceId: 'vpc-0a1b2c3d4e5f60001',
				LogGroupName: '/vpc/flow-logs',
				LogDestinationType: 'cloud-watch-logs',
				LogDestination: 'arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow-logs',
				LogFormat: `\${version} \${account-id} \${interface-id} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${protocol} \${packets} \${bytes} \${start} \${end} \${action} \${log-status}`,
				MaxAggregationInterval: 600,
				TrafficType: 'ALL',
				FlowLogStatus: 'ACTIVE',
				DeliverLogsStatus: 'SUCCESS',
			}),
			expect.objectContaining({
				FlowLogId: 'fl-0nlb00000000000002',
				LogFormat: customFlowLogFormat,
				MaxAggregationInterval: 60,
			}),
		]);
	});

	it('filters by log group name and by id', async () => {
		const byGroup = await client.send(
			new DescribeFlowLogsCommand({Filter: [{Name: 'log-group-name', Values: ['/lbtop/*']}]}),
		);
		expect(byGroup.FlowLogs?.map((flowLog) => flowLog.FlowLogId)).toEqual([
			'fl-0nlb00000000000002',
		]);
		const byId = await client.send(
			new DescribeFlowLogsCommand({FlowLogIds: ['fl-0vpc00000000000001', 'fl-0nope']}),
		);
		expect(byId.FlowLogs?.map((flowLog) => flowLog.FlowLogId)).toEqual(['fl-0vpc00000000000001']);
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'ec2',
			'describe-flow-logs',
			'--filter',
			'Name=resource-id,Values=eni-0nlb000000000001',
		]);
		expect(output).toMatchObject({
			FlowLogs: [{FlowLogId: 'fl-0nlb00000000000002', LogGroupName: '/lbtop/nlb-flows'}],
		});
	});
});

describe('EC2 security groups, subnets, network ACLs and VPCs', () => {
	it('describes security groups with rules grouped by protocol and ports', async () => {
		const output = await client.send(
			new DescribeSecurityGroupsCommand({GroupIds: ['sg-0web00000000000001']}),
		);
		expect(output.SecurityGroups).toEqual([
			expect.objectContaining({
				GroupName: 'web-targets',
				Description: 'web targets behind web-nlb',
				IpPermissions: [
					expect.objectContaining({
						IpProtocol: 'tcp',
						FromPort: 8080,
						ToPort: 8080,
						IpRanges: [{CidrIp: '10.0.0.0/16', Description: 'from the VPC'}],
						UserIdGroupPairs: [{GroupId: 'sg-0alb00000000000002', UserId: '123456789012'}],
					}),
				],
				IpPermissionsEgress: [
					expect.objectContaining({IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}),
				],
			}),
		]);
		const byName = await client.send(
			new DescribeSecurityGroupsCommand({
				Filters: [{Name: 'ip-permission.from-port', Values: ['443']}],
			}),
		);
		expect(byName.SecurityGroups?.map((group) => group.GroupId)).toEqual(['sg-0alb00000000000002']);
		await expect(
			client.send(new DescribeSecurityGroupsCommand({GroupIds: ['sg-0nope']})),
		).rejects.toMatchObject({
			name: 'InvalidGroup.NotFound',
			message: "The security group ID 'sg-0nope' does not exist",
		});
	});

	it('describes subnets with zone and free addresses', async () => {
		const output = await client.send(
			new DescribeSubnetsCommand({Filters: [{Name: 'availability-zone', Values: ['us-east-1a']}]}),
		);
		expect(output.Subnets).toEqual([
			expect.objectContaining({
				SubnetId: 'subnet-0aaa0000000000001',
				AvailabilityZoneId: 'use1-az1',
				CidrBlock: '10.0.1.0/24',
				State: 'available',
				// 256 addresses, 5 reserved by AWS, 4 interfaces in use.
				AvailableIpAddressCount: 247,
			}),
		]);
	});

	it('describes network ACLs with AWS’s closing deny-all rules', async () => {
		const output = await client.send(
			new DescribeNetworkAclsCommand({
				Filters: [{Name: 'association.subnet-id', Values: ['subnet-0bbb0000000000002']}],
			}),
		);
		const [acl] = output.NetworkAcls ?? [];
		expect(acl?.IsDefault).toBe(true);
		expect(acl?.Associations?.map((association) => association.SubnetId)).toEqual([
			'subnet-0aaa0000000000001',
			'subnet-0bbb0000000000002',
		]);
		expect(
			acl?.Entries?.map((entry) => [entry.Egress, entry.RuleNumber, entry.RuleAction]),
		).toEqual([
			[false, 90, 'deny'],
			[false, 100, 'allow'],
			[false, 32_767, 'deny'],
			[true, 100, 'allow'],
			[true, 32_767, 'deny'],
		]);
		expect(acl?.Entries?.[0]).toMatchObject({
			Protocol: '6',
			CidrBlock: '198.51.100.0/24',
			PortRange: {From: 80, To: 80},
		});
	});

	it('describes VPCs', async () => {
		const output = await client.send(new DescribeVpcsCommand({}));
		expect(output.Vpcs).toEqual([
			expect.objectContaining({VpcId: 'vpc-0a1b2c3d4e5f60001', CidrBlock: '10.0.0.0/16'}),
		]);
	});

	it('serves the AWS CLI', async () => {
		const groups = await awsJson(sim.url, [
			'ec2',
			'describe-security-groups',
			'--group-ids',
			'sg-0alb00000000000002',
		]);
		expect(groups).toMatchObject({
			SecurityGroups: [{GroupName: 'api-alb', IpPermissions: [{FromPort: 443, ToPort: 443}]}],
		});
		const acls = await awsJson(sim.url, [
			'ec2',
			'describe-network-acls',
			'--network-acl-ids',
			'acl-0default000000001',
		]);
		expect(acls).toMatchObject({
			NetworkAcls: [{NetworkAclId: 'acl-0default000000001', IsDefault: true}],
		});
		const subnets = await awsJson(sim.url, [
			'ec2',
			'describe-subnets',
			'--subnet-ids',
			'subnet-0bbb0000000000002',
		]);
		expect(subnets).toMatchObject({
			Subnets: [{SubnetId: 'subnet-0bbb0000000000002', AvailabilityZone: 'us-east-1b'}],
		});
	});
});

describe('EC2 DescribeInstances', () => {
	it('describes targets: address, subnet, zone, security groups and interface', async () => {
		const output = await client.send(
			new DescribeInstancesCommand({
				Filters: [{Name: 'private-ip-address', Values: ['10.0.2.10']}],
			}),
		);
		expect(output.Reservations).toHaveLength(1);
		expect(output.Reservations?.[0]?.Instances).toEqual([
			expect.objectContaining({
				InstanceId: 'i-0target00000000002',
				PrivateIpAddress: '10.0.2.10',
				SubnetId: 'subnet-0bbb0000000000002',
				VpcId: 'vpc-0a1b2c3d4e5f60001',
				Placement: expect.objectContaining({AvailabilityZone: 'us-east-1b'}),
				State: {Code: 16, Name: 'running'},
				SecurityGroups: [{GroupId: 'sg-0web00000000000001', GroupName: 'web-targets'}],
				NetworkInterfaces: [expect.objectContaining({NetworkInterfaceId: 'eni-0target0000000002'})],
				Tags: [{Key: 'Name', Value: 'web-2'}],
			}),
		]);
	});

	it('filters by tag with wildcards and fails for unknown ids', async () => {
		const output = await client.send(
			new DescribeInstancesCommand({Filters: [{Name: 'tag:Name', Values: ['web-?']}]}),
		);
		expect(
			output.Reservations?.flatMap((reservation) =>
				reservation.Instances?.map((item) => item.InstanceId),
			),
		).toEqual(['i-0target00000000001', 'i-0target00000000002']);
		await expect(
			client.send(new DescribeInstancesCommand({InstanceIds: ['i-0nope', 'i-0gone']})),
		).rejects.toMatchObject({
			name: 'InvalidInstanceID.NotFound',
			message: "The instance IDs 'i-0nope, i-0gone' do not exist",
		});
	});

	it('serves the AWS CLI', async () => {
		const output = await awsJson(sim.url, [
			'ec2',
			'describe-instances',
			'--instance-ids',
			'i-0target00000000001',
		]);
		expect(output).toMatchObject({
			Reservations: [
				{
					Instances: [
						{
							InstanceId: 'i-0target00000000001',
							PrivateIpAddress: '10.0.1.10',
							State: {Name: 'running'},
						},
					],
				},
			],
		});
	});
});
