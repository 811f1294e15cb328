// Discovery: from a load balancer's name to everything that carries or records its traffic.
// Reads only (Describe*); each call is named so a denied one says which IAM action is missing.
import {
	DescribeFlowLogsCommand,
	DescribeInstancesCommand,
	DescribeNetworkAclsCommand,
	DescribeNetworkInterfacesCommand,
	DescribeSecurityGroupsCommand,
	type Filter,
	type FlowLog,
	type NetworkInterface,
} from '@aws-sdk/client-ec2';
import {
	DescribeListenersCommand,
	DescribeTargetGroupAttributesCommand,
	DescribeTargetGroupsCommand,
	DescribeTargetHealthCommand,
	type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {parseLoadBalancerArn} from '../domain/load-balancer-arn.js';
import type {
	DiscoveryFacts,
	InterfaceFacts,
	LoadBalancerFacts,
	TargetGroupFacts,
} from '../domain/topology/facts.js';
import type {FlowLogInfo, ListenerInfo, TargetHealthState} from '../domain/types/topology.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';
import {findLoadBalancer} from './load-balancers.js';

type Options = {readonly signal?: AbortSignal; readonly logGroupOverride: readonly string[]};

const healthStates: readonly TargetHealthState[] = [
	'initial',
	'healthy',
	'unhealthy',
	'unused',
	'draining',
	'unavailable',
	'unhealthy.draining',
];

function healthState(value: string | undefined): TargetHealthState {
	return healthStates.find((state) => state === value) ?? 'unknown';
}

function loadBalancerFacts(lb: LoadBalancer): LoadBalancerFacts {
	const arn = lb.LoadBalancerArn ?? '';
	const type = lb.Type === 'application' || lb.Type === 'gateway' ? lb.Type : 'network';
	return {
		arn,
		name: lb.LoadBalancerName ?? parseLoadBalancerArn(arn)?.name ?? arn,
		type,
		scheme: lb.Scheme === 'internal' ? 'internal' : 'internet-facing',
		vpcId: lb.VpcId ?? '',
		dnsName: lb.DNSName ?? '',
		state: lb.State?.Code ?? 'unknown',
		securityGroups: lb.SecurityGroups ?? [],
		availabilityZones: (lb.AvailabilityZones ?? []).flatMap((zone) =>
			zone.ZoneName && zone.SubnetId ? [{zone: zone.ZoneName, subnetId: zone.SubnetId}] : [],
		),
	};
}

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
async function loadBalancerInterfaces(
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

async function listeners(
	clients: AwsClients,
	arn: string,
	signal?: AbortSignal,
): Promise<ListenerInfo[]> {
	const elbv2 = await clients.elbv2();
	const response = await awsCall('elasticloadbalancing:DescribeListeners', () =>
		elbv2.send(
			new DescribeListenersCommand({LoadBalancerArn: arn}),
			signal ? {abortSignal: signal} : {},
		),
	);
	return (response.Listeners ?? []).map((listener) => ({
		arn: listener.ListenerArn ?? '',
		port: listener.Port ?? 0,
		protocol: listener.Protocol ?? '',
		targetGroupArns: (listener.DefaultActions ?? []).flatMap((action) => [
			...(action.TargetGroupArn ? [action.TargetGroupArn] : []),
			...(action.ForwardConfig?.TargetGroups ?? []).flatMap((group) =>
				group.TargetGroupArn ? [group.TargetGroupArn] : [],
			),
		]),
	}));
}

async function targetGroups(
	clients: AwsClients,
	arn: string,
	signal?: AbortSignal,
): Promise<TargetGroupFacts[]> {
	const elbv2 = await clients.elbv2();
	const options = signal ? {abortSignal: signal} : {};
	const response = await awsCall('elasticloadbalancing:DescribeTargetGroups', () =>
		elbv2.send(new DescribeTargetGroupsCommand({LoadBalancerArn: arn}), options),
	);
	return Promise.all(
		(response.TargetGroups ?? []).map(async (group) => {
			const groupArn = group.TargetGroupArn ?? '';
			const [attributes, health] = await Promise.all([
				awsCall('elasticloadbalancing:DescribeTargetGroupAttributes', () =>
					elbv2.send(new DescribeTargetGroupAttributesCommand({TargetGroupArn: groupArn}), options),
				),
				awsCall('elasticloadbalancing:DescribeTargetHealth', () =>
					elbv2.send(new DescribeTargetHealthCommand({TargetGroupArn: groupArn}), options),
				),
			]);
			const targetType = group.TargetType;
			return {
				arn: groupArn,
				name: group.TargetGroupName ?? groupArn,
				protocol: group.Protocol ?? '',
				port: group.Port ?? 0,
				targetType:
					targetType === 'ip' || targetType === 'lambda' || targetType === 'alb'
						? targetType
						: 'instance',
				attributes: Object.fromEntries(
					(attributes.Attributes ?? []).flatMap((entry) =>
						entry.Key !== undefined && entry.Value !== undefined ? [[entry.Key, entry.Value]] : [],
					),
				),
				targets: (health.TargetHealthDescriptions ?? []).flatMap((description) => {
					const target = description.Target;
					if (!target?.Id) {
						return [];
					}
					const reason = description.TargetHealth?.Reason;
					const detail = description.TargetHealth?.Description;
					return [
						{
							id: target.Id,
							port: target.Port ?? group.Port ?? 0,
							...(target.AvailabilityZone ? {availabilityZone: target.AvailabilityZone} : {}),
							health: {
								state: healthState(description.TargetHealth?.State),
								...(reason ? {reason} : {}),
								...(detail ? {description: detail} : {}),
							},
						},
					];
				}),
			};
		}),
	);
}

async function targetInterfaces(
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

async function flowLogs(clients: AwsClients, resourceIds: readonly string[], signal?: AbortSignal) {
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

async function securityGroups(
	clients: AwsClients,
	groupIds: readonly string[],
	signal?: AbortSignal,
) {
	if (groupIds.length === 0) {
		return [];
	}
	const ec2 = await clients.ec2();
	const response = await awsCall('ec2:DescribeSecurityGroups', () =>
		ec2.send(
			new DescribeSecurityGroupsCommand({GroupIds: [...groupIds]}),
			signal ? {abortSignal: signal} : {},
		),
	);
	return (response.SecurityGroups ?? []).flatMap((group) =>
		group.GroupId ? [{groupId: group.GroupId, groupName: group.GroupName ?? group.GroupId}] : [],
	);
}

async function networkAcls(
	clients: AwsClients,
	subnetIds: readonly string[],
	signal?: AbortSignal,
) {
	if (subnetIds.length === 0) {
		return [];
	}
	const ec2 = await clients.ec2();
	const response = await awsCall('ec2:DescribeNetworkAcls', () =>
		ec2.send(
			new DescribeNetworkAclsCommand({
				Filters: [{Name: 'association.subnet-id', Values: [...subnetIds]}],
			}),
			signal ? {abortSignal: signal} : {},
		),
	);
	return (response.NetworkAcls ?? []).flatMap((acl) =>
		acl.NetworkAclId
			? [
					{
						networkAclId: acl.NetworkAclId,
						subnetIds: (acl.Associations ?? []).flatMap((association) =>
							association.SubnetId && subnetIds.includes(association.SubnetId)
								? [association.SubnetId]
								: [],
						),
					},
				]
			: [],
	);
}

export async function discover(
	clients: AwsClients,
	target: string,
	options: Options,
): Promise<DiscoveryFacts> {
	const {signal} = options;
	const loadBalancer = loadBalancerFacts(await findLoadBalancer(clients, target, signal));
	const [listenerList, groups, lbInterfaces] = await Promise.all([
		listeners(clients, loadBalancer.arn, signal),
		targetGroups(clients, loadBalancer.arn, signal),
		loadBalancerInterfaces(clients, loadBalancer, signal),
	]);
	const targets = await targetInterfaces(clients, groups, signal);
	const pathInterfaces = [...lbInterfaces, ...targets];
	const subnetIds = [...new Set(pathInterfaces.map((found) => found.subnetId))].filter(
		(id) => id !== '',
	);
	const groupIds = [
		...new Set([
			...loadBalancer.securityGroups,
			...pathInterfaces.flatMap((found) => found.securityGroups),
		]),
	];
	const resourceIds = [
		loadBalancer.vpcId,
		...subnetIds,
		...pathInterfaces.map((found) => found.interfaceId),
	].filter((id) => id !== '');
	const [flowLogList, groupDetails, acls] = await Promise.all([
		flowLogs(clients, resourceIds, signal),
		securityGroups(clients, groupIds, signal),
		networkAcls(clients, subnetIds, signal),
	]);
	return {
		loadBalancer,
		listeners: listenerList,
		targetGroups: groups,
		lbInterfaces,
		targetInterfaces: targets,
		flowLogs: flowLogList,
		securityGroups: groupDetails,
		networkAcls: acls,
		logGroupOverride: options.logGroupOverride,
	};
}
