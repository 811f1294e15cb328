// EC2 DescribeSecurityGroups: the groups on a load balancer's and its targets' path.
import {type SimContext, SimError} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {SecurityGroup, SecurityGroupRule, World} from '../../world/types.js';
import {pageOfEc2, selectByIds} from './common.js';
import {applyFilters, type FilterFields, readFilters} from './filters.js';

const ruleFields = (rules: (group: SecurityGroup) => readonly SecurityGroupRule[]) => ({
	cidr: (group: SecurityGroup) => rules(group).map((rule) => rule.cidrIpv4),
	'from-port': (group: SecurityGroup) => rules(group).map((rule) => rule.fromPort),
	'group-id': (group: SecurityGroup) => rules(group).map((rule) => rule.referencedGroupId),
	protocol: (group: SecurityGroup) => rules(group).map((rule) => rule.ipProtocol),
	'to-port': (group: SecurityGroup) => rules(group).map((rule) => rule.toPort),
});

function prefixed(
	prefix: string,
	fields: Record<string, (group: SecurityGroup) => readonly (string | number | undefined)[]>,
) {
	return Object.fromEntries(
		Object.entries(fields).map(([name, field]) => [`${prefix}${name}`, field]),
	);
}

const securityGroupFields: FilterFields<SecurityGroup> = {
	description: (group) => [group.description],
	'group-id': (group) => [group.groupId],
	'group-name': (group) => [group.groupName],
	'vpc-id': (group) => [group.vpcId],
	...prefixed(
		'ip-permission.',
		ruleFields((group) => group.ingress),
	),
	...prefixed(
		'egress.ip-permission.',
		ruleFields((group) => group.egress),
	),
};

/** AWS groups rules that share protocol and port range into one IpPermission. */
function permissionsOf(world: World, rules: readonly SecurityGroupRule[]): WireStruct[] {
	const byKey = new Map<string, SecurityGroupRule[]>();
	for (const rule of rules) {
		const key = `${rule.ipProtocol}/${rule.fromPort ?? ''}/${rule.toPort ?? ''}`;
		byKey.set(key, [...(byKey.get(key) ?? []), rule]);
	}
	return [...byKey.values()].map((group) => {
		const [first] = group;
		const allPorts = first?.ipProtocol === '-1';
		return {
			ipProtocol: first?.ipProtocol,
			fromPort: allPorts ? undefined : first?.fromPort,
			toPort: allPorts ? undefined : first?.toPort,
			groups: group.flatMap((rule) =>
				rule.referencedGroupId === undefined
					? []
					: [
							{
								description: rule.description,
								groupId: rule.referencedGroupId,
								userId: world.accountId,
							},
						],
			),
			ipRanges: group.flatMap((rule) =>
				rule.cidrIpv4 === undefined ? [] : [{cidrIp: rule.cidrIpv4, description: rule.description}],
			),
			ipv6Ranges: [],
			prefixListIds: [],
		};
	});
}

function securityGroupShape(world: World, group: SecurityGroup): WireStruct {
	return {
		ownerId: world.accountId,
		groupName: group.groupName,
		groupId: group.groupId,
		groupDescription: group.description,
		ipPermissions: permissionsOf(world, group.ingress),
		ipPermissionsEgress: permissionsOf(world, group.egress),
		vpcId: group.vpcId,
		securityGroupArn: `arn:aws:ec2:${world.region}:${world.accountId}:security-group/${group.groupId}`,
		tagSet: [],
	};
}

export function describeSecurityGroups(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('GroupId');
	const names = params.strings('GroupName');
	let selected = selectByIds(world.securityGroups, ids, (group) => group.groupId, {
		code: 'InvalidGroup.NotFound',
		noun: 'security group',
	});
	if (names.length > 0) {
		const missing = names.find((name) => !selected.some((group) => group.groupName === name));
		if (missing !== undefined) {
			throw new SimError('InvalidGroup.NotFound', `The security group '${missing}' does not exist`);
		}
		selected = selected.filter((group) => names.includes(group.groupName));
	}
	const matching = applyFilters(selected, readFilters(params), securityGroupFields);
	const page = pageOfEc2(matching, params, {min: 5, max: 1000}, ids.length + names.length > 0);
	return {
		securityGroupInfo: page.items.map((group) => securityGroupShape(world, group)),
		nextToken: page.nextToken,
	};
}
