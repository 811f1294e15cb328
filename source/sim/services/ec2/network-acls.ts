// EC2 DescribeNetworkAcls: the subnet-level rules that can reject a load balancer's traffic.
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {NetworkAcl, NetworkAclEntry, World} from '../../world/types.js';
import {pageOfEc2, selectByIds, shortHash} from './common.js';
import {applyFilters, type FilterFields, readFilters} from './filters.js';

const networkAclFields: FilterFields<NetworkAcl> = {
	'association.network-acl-id': (acl) => acl.subnetIds.map(() => acl.networkAclId),
	'association.subnet-id': (acl) => acl.subnetIds,
	default: (acl) => [acl.isDefault],
	'entry.cidr': (acl) => acl.entries.map((entry) => entry.cidrBlock),
	'entry.egress': (acl) => acl.entries.map((entry) => entry.egress),
	'entry.protocol': (acl) => acl.entries.map((entry) => entry.protocol),
	'entry.rule-action': (acl) => acl.entries.map((entry) => entry.ruleAction),
	'entry.rule-number': (acl) => acl.entries.map((entry) => entry.ruleNumber),
	'network-acl-id': (acl) => [acl.networkAclId],
	'vpc-id': (acl) => [acl.vpcId],
};

const catchAllRule = 32_767;

/** Every network ACL ends with AWS's own deny-all rule in each direction. */
function withCatchAll(entries: readonly NetworkAclEntry[]): NetworkAclEntry[] {
	const complete = [...entries];
	for (const egress of [false, true]) {
		if (!entries.some((entry) => entry.egress === egress && entry.ruleNumber === catchAllRule)) {
			complete.push({
				ruleNumber: catchAllRule,
				egress,
				protocol: '-1',
				ruleAction: 'deny',
				cidrBlock: '0.0.0.0/0',
			});
		}
	}
	return complete.sort(
		(left, right) =>
			Number(left.egress) - Number(right.egress) || left.ruleNumber - right.ruleNumber,
	);
}

function networkAclShape(world: World, acl: NetworkAcl): WireStruct {
	return {
		associationSet: acl.subnetIds.map((subnetId) => ({
			networkAclAssociationId: `aclassoc-${shortHash(`${acl.networkAclId}/${subnetId}`, 17)}`,
			networkAclId: acl.networkAclId,
			subnetId,
		})),
		entrySet: withCatchAll(acl.entries).map((entry) => ({
			cidrBlock: entry.cidrBlock,
			egress: entry.egress,
			portRange:
				entry.portRange === undefined
					? undefined
					: {from: entry.portRange.from, to: entry.portRange.to},
			protocol: entry.protocol,
			ruleAction: entry.ruleAction,
			ruleNumber: entry.ruleNumber,
		})),
		default: acl.isDefault,
		networkAclId: acl.networkAclId,
		tagSet: [],
		vpcId: acl.vpcId,
		ownerId: world.accountId,
	};
}

export function describeNetworkAcls(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('NetworkAclId');
	const selected = selectByIds(world.networkAcls, ids, (acl) => acl.networkAclId, {
		code: 'InvalidNetworkAclID.NotFound',
		noun: 'networkAcl',
	});
	const matching = applyFilters(selected, readFilters(params), networkAclFields);
	const page = pageOfEc2(matching, params, {min: 5, max: 1000}, ids.length > 0);
	return {
		networkAclSet: page.items.map((acl) => networkAclShape(world, acl)),
		nextToken: page.nextToken,
	};
}
