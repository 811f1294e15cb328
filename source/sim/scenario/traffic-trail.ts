// Request parameters of EC2 changes as CloudTrail records them (ipPermissions items, NACL entries
// with `aclProtocol`), so a change reads in lbtop's changes pane as it would from AWS.
import type {JsonValue} from '../context.js';
import type {NetworkAclEntry, SecurityGroupRule} from '../world/types.js';

export function groupRuleParameters(
	groupId: string,
	rules: readonly SecurityGroupRule[],
): JsonValue {
	return {
		groupId,
		ipPermissions: {
			items: rules.map((rule) => ({
				ipProtocol: rule.ipProtocol,
				fromPort: rule.fromPort ?? null,
				toPort: rule.toPort ?? null,
				groups:
					rule.referencedGroupId === undefined ? {} : {items: [{groupId: rule.referencedGroupId}]},
				ipRanges:
					rule.cidrIpv4 === undefined
						? {}
						: {
								items: [
									{
										cidrIp: rule.cidrIpv4,
										...(rule.description === undefined ? {} : {description: rule.description}),
									},
								],
							},
				ipv6Ranges: {},
				prefixListIds: {},
			})),
		},
	};
}

export function aclEntryParameters(networkAclId: string, entry: NetworkAclEntry): JsonValue {
	return {
		networkAclId,
		ruleNumber: entry.ruleNumber,
		egress: entry.egress,
		ruleAction: entry.ruleAction,
		icmpTypeCode: {},
		...(entry.portRange === undefined
			? {}
			: {portRange: {from: entry.portRange.from, to: entry.portRange.to}}),
		aclProtocol: entry.protocol,
		cidrBlock: entry.cidrBlock,
	};
}
