// Discovery's reads of the controls in the path: the security groups of the LB and its targets and
// the network ACLs of their subnets, rules included, so a finding can say which rule denies traffic.
import {
	DescribeNetworkAclsCommand,
	DescribeSecurityGroupsCommand,
	type NetworkAclEntry as Ec2NetworkAclEntry,
	type IpPermission,
	type NetworkAcl,
	type SecurityGroup,
} from '@aws-sdk/client-ec2';
import type {
	NetworkAclEntry,
	NetworkAclInfo,
	SecurityGroupInfo,
	SecurityGroupPermission,
} from '../domain/types/topology.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

function defined<T>(values: readonly (T | undefined)[]): T[] {
	return values.filter((value): value is T => value !== undefined && value !== '');
}

function permission(entry: IpPermission): SecurityGroupPermission {
	return {
		protocol: entry.IpProtocol ?? '-1',
		...(entry.FromPort === undefined ? {} : {fromPort: entry.FromPort}),
		...(entry.ToPort === undefined ? {} : {toPort: entry.ToPort}),
		cidrs: [
			...defined((entry.IpRanges ?? []).map((range) => range.CidrIp)),
			...defined((entry.Ipv6Ranges ?? []).map((range) => range.CidrIpv6)),
		],
		groups: defined((entry.UserIdGroupPairs ?? []).map((pair) => pair.GroupId)),
		prefixLists: defined((entry.PrefixListIds ?? []).map((list) => list.PrefixListId)),
	};
}

export function securityGroupInfo(group: SecurityGroup): SecurityGroupInfo | undefined {
	if (!group.GroupId) {
		return undefined;
	}
	return {
		groupId: group.GroupId,
		groupName: group.GroupName ?? group.GroupId,
		ingress: (group.IpPermissions ?? []).map(permission),
		egress: (group.IpPermissionsEgress ?? []).map(permission),
	};
}

function aclEntry(entry: Ec2NetworkAclEntry): NetworkAclEntry | undefined {
	const cidr = entry.CidrBlock ?? entry.Ipv6CidrBlock;
	if (entry.RuleNumber === undefined || cidr === undefined) {
		return undefined;
	}
	const range = entry.PortRange;
	return {
		ruleNumber: entry.RuleNumber,
		egress: entry.Egress === true,
		protocol: entry.Protocol ?? '-1',
		action: entry.RuleAction === 'allow' ? 'allow' : 'deny',
		cidr,
		...(range?.From === undefined ? {} : {fromPort: range.From}),
		...(range?.To === undefined ? {} : {toPort: range.To}),
	};
}

export function networkAclInfo(
	acl: NetworkAcl,
	subnetIds: readonly string[],
): NetworkAclInfo | undefined {
	if (!acl.NetworkAclId) {
		return undefined;
	}
	return {
		networkAclId: acl.NetworkAclId,
		subnetIds: (acl.Associations ?? []).flatMap((association) =>
			association.SubnetId && subnetIds.includes(association.SubnetId)
				? [association.SubnetId]
				: [],
		),
		entries: defined((acl.Entries ?? []).map(aclEntry)),
	};
}

export async function securityGroups(
	clients: AwsClients,
	groupIds: readonly string[],
	signal?: AbortSignal,
): Promise<SecurityGroupInfo[]> {
	if (groupIds.length === 0) {
		return [];
	}
	const ec2 = await clients.ec2();
	const found: SecurityGroup[] = [];
	let nextToken: string | undefined;
	do {
		const page = await awsCall('ec2:DescribeSecurityGroups', () =>
			ec2.send(
				new DescribeSecurityGroupsCommand({
					GroupIds: [...groupIds],
					...(nextToken ? {NextToken: nextToken} : {}),
				}),
				signal ? {abortSignal: signal} : {},
			),
		);
		found.push(...(page.SecurityGroups ?? []));
		nextToken = page.NextToken;
	} while (nextToken);
	return defined(found.map(securityGroupInfo));
}

export async function networkAcls(
	clients: AwsClients,
	subnetIds: readonly string[],
	signal?: AbortSignal,
): Promise<NetworkAclInfo[]> {
	if (subnetIds.length === 0) {
		return [];
	}
	const ec2 = await clients.ec2();
	const found: NetworkAcl[] = [];
	let nextToken: string | undefined;
	do {
		const page = await awsCall('ec2:DescribeNetworkAcls', () =>
			ec2.send(
				new DescribeNetworkAclsCommand({
					Filters: [{Name: 'association.subnet-id', Values: [...subnetIds]}],
					...(nextToken ? {NextToken: nextToken} : {}),
				}),
				signal ? {abortSignal: signal} : {},
			),
		);
		found.push(...(page.NetworkAcls ?? []));
		nextToken = page.NextToken;
	} while (nextToken);
	return defined(found.map((acl) => networkAclInfo(acl, subnetIds)));
}
