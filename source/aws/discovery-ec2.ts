// Discovery's EC2 reads: the network interfaces of the LB and its targets and the flow logs that
// cover them (the security groups and network ACLs in the path are read in discovery-rules.ts).
import {
	DescribeFlowLogsCommand,
	DescribeInstancesCommand,
	DescribeNetworkInterfacesCommand,
	type Filter,
	type FlowLog,
	type NetworkInterface,
} from '@aws-sdk/client-ec2';
import type {
	InterfaceFacts,
	LoadBalancerFacts,
	TargetGroupFacts,
} from '../domain/topology/facts.js';
import type {FlowLogInfo} from '../domain/types/topology.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

function interfaceFacts(eni: NetworkInterface): InterfaceFacts {
	const addresses = eni.PrivateIpAddresses ?? [];
	const primary = eni.PrivateIpAddress;
	const privateIps = [
		...(primary ? [primary] : []),
		...addresses.flatMap((entry) =>
			entry.PrivateIpAddress && entry.PrivateIpAddress !== primary ? [entry.PrivateIpAddress] : [],
		),
	];
	const publicIps = [
		...new Set(
			[eni.Association?.PublicIp, ...addresses.map((entry) => entry.Association?.PublicIp)].flatMap(
				(ip) => (ip ? [ip] : []),
			),
		),
	];
	const instanceId = eni.Attachment?.InstanceId;
	return {
		interfaceId: eni.NetworkInterfaceId ?? '',
		subnetId: eni.SubnetId ?? '',
		availabilityZone: eni.AvailabilityZone ?? '',
		privateIps,
		publicIps,
		securityGroups: (eni.Groups ?? []).flatMap((group) => (group.GroupId ? [group.GroupId] : [])),
		...(instanceId ? {instanceId} : {}),
	};
}

function flowLogInfo(flowLog: FlowLog): FlowLogInfo {
	const destination = flowLog.LogDestinationType;
	const trafficType = flowLog.TrafficType;
	return {
		flowLogId: flowLog.FlowLogId ?? '',
		resourceId: flowLog.ResourceId ?? '',
		destinationType:
			destination === 's3' || destination === 'kinesis-data-firehose'
				? destination
				: 'cloud-watch-logs',
		...(flowLog.LogGroupName ? {logGroupName: flowLog.LogGroupName} : {}),
		...(flowLog.LogDestination ? {logDestination: flowLog.LogDestination} : {}),
		...(flowLog.DestinationOptions === undefined
			? {}
			: {
					destinationOptions: {
						fileFormat:
							flowLog.DestinationOptions.FileFormat === 'parquet' ? 'parquet' : 'plain-text',
						hiveCompatiblePartitions: flowLog.DestinationOptions.HiveCompatiblePartitions === true,
						perHourPartition: flowLog.DestinationOptions.PerHourPartition === true,
					},
				}),
		logFormat: flowLog.LogFormat ?? '',
		maxAggregationIntervalSeconds: flowLog.MaxAggregationInterval ?? 600,
		trafficType: trafficType === 'ACCEPT' || trafficType === 'REJECT' ? trafficType : 'ALL',
	};
}

type InterfaceQuery = {readonly Filters?: Filter[]; readonly NetworkInterfaceIds?: string[]};

async function describeInterfaces(
	clients: AwsClients,
	query: InterfaceQuery,
	signal?: AbortSignal,
) {
	const ec2 = await clients.ec2();
	const found: NetworkInterface[] = [];
	let nextToken: string | undefined;
	do {
		const page = await awsCall('ec2:DescribeNetworkInterfaces', () =>
			ec2.send(
				new DescribeNetworkInterfacesCommand({
					...query,
					...(nextToken ? {NextToken: nextToken} : {}),
				}),
				signal ? {abortSignal: signal} : {},
			),
		);
		found.push(...(page.NetworkInterfaces ?? []));
		nextToken = page.NextToken;
	} while (nextToken);
	return found.map(interfaceFacts);
}

// The ENI description `ELB net/<name>/<id>` is documented by practice for NLB and ALB; GWLB's form
// is unverified, so when the exact form finds nothing we fall back to any description ending in
// the ARN's `<name>/<id>` within the LB's VPC.
export async function loadBalancerInterfaces(
	clients: AwsClients,
	lb: LoadBalancerFacts,
	signal?: AbortSignal,
) {
	const tail = /:loadbalancer\/(.+)$/.exec(lb.arn)?.[1] ?? lb.name;
	const exact = await describeInterfaces(
		clients,
		{Filters: [{Name: 'description', Values: [`ELB ${tail}`]}]},
		signal,
	);
	if (exact.length > 0) {
		return exact;
	}
	const nameAndId = tail.split('/').slice(1).join('/');
	return describeInterfaces(
		clients,
		{
			Filters: [
				{Name: 'description', Values: [`ELB *${nameAndId}`]},
				{Name: 'vpc-id', Values: [lb.vpcId]},
			],
		},
		signal,
	);
}

export async function targetInterfaces(
	clients: AwsClients,
	groups: readonly TargetGroupFacts[],
	signal?: AbortSignal,
) {
	const instanceIds = [
		...new Set(
			groups
				.filter((group) => group.targetType === 'instance')
				.flatMap((group) => group.targets.map((target) => target.id)),
		),
	];
	const ips = [
		...new Set(
			groups
				.filter((group) => group.targetType === 'ip')
				.flatMap((group) => group.targets.map((target) => target.id)),
		),
	];
	const found: InterfaceFacts[] = [];
	if (instanceIds.length > 0) {
		const ec2 = await clients.ec2();
		const response = await awsCall('ec2:DescribeInstances', () =>
			ec2.send(
				new DescribeInstancesCommand({InstanceIds: instanceIds}),
				signal ? {abortSignal: signal} : {},
			),
		);
		const instances = (response.Reservations ?? []).flatMap(
			(reservation) => reservation.Instances ?? [],
		);
		const eniIds = instances.flatMap((instance) =>
			(instance.NetworkInterfaces ?? []).flatMap((eni) =>
				eni.Attachment?.DeviceIndex === 0 && eni.NetworkInterfaceId ? [eni.NetworkInterfaceId] : [],
			),
		);
		if (eniIds.length > 0) {
			found.push(...(await describeInterfaces(clients, {NetworkInterfaceIds: eniIds}, signal)));
		}
	}
	if (ips.length > 0) {
		found.push(
			...(await describeInterfaces(
				clients,
				{Filters: [{Name: 'addresses.private-ip-address', Values: ips}]},
				signal,
			)),
		);
	}
	return found;
}

export async function flowLogs(
	clients: AwsClients,
	resourceIds: readonly string[],
	signal?: AbortSignal,
) {
	const ec2 = await clients.ec2();
	const found: FlowLog[] = [];
	let nextToken: string | undefined;
	do {
		const page = await awsCall('ec2:DescribeFlowLogs', () =>
			ec2.send(
				new DescribeFlowLogsCommand({
					Filter: [{Name: 'resource-id', Values: [...resourceIds]}],
					...(nextToken ? {NextToken: nextToken} : {}),
				}),
				signal ? {abortSignal: signal} : {},
			),
		);
		found.push(...(page.FlowLogs ?? []));
		nextToken = page.NextToken;
	} while (nextToken);
	return found.map(flowLogInfo);
}
