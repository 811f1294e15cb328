// Security group rule changes, summarized as "sg-0abc ingress revoked: tcp/80 from 203.0.113.0/24".
// CloudTrail records EC2 lists as {"items": [...]} (empty lists as {}); listAt accepts both forms.
import {type JsonRecord, numberAt, recordAt, recordsAt, stringAt, stringsAt} from './json-value.js';
import {portRangeLabel} from './port-label.js';

const verbs: ReadonlyArray<readonly [prefix: string, verb: string]> = [
	['Authorize', 'added'],
	['Revoke', 'revoked'],
	['Modify', 'modified'],
	['Update', 'descriptions updated'],
];

export function isSecurityGroupRuleEvent(name: string): boolean {
	return /^(?:AuthorizeSecurityGroup|RevokeSecurityGroup|UpdateSecurityGroupRuleDescriptions)(?:Ingress|Egress)$/.test(
		name,
	);
}

export function summarizeSecurityGroupRules(name: string, parameters: JsonRecord): string {
	const egress = name.endsWith('Egress');
	const verb = verbs.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 'changed';
	const group =
		stringAt(parameters, 'groupId') ?? stringAt(parameters, 'groupName') ?? 'security group';
	const permissions = recordsAt(parameters, 'ipPermissions');
	const described =
		permissions.length > 0
			? permissions.map((permission) => describePermission(permission, egress))
			: legacyPermission(parameters, egress);
	const ruleIds = ruleIdsOf(parameters);
	const parts = [...described, ...ruleIds.map((id) => `rule ${id}`)];
	return `${group} ${egress ? 'egress' : 'ingress'} ${verb}: ${parts.length > 0 ? parts.join('; ') : 'no rules given'}`;
}

/**
 * ModifySecurityGroupRules records nest a capitalized request (`ModifySecurityGroupRulesRequest`
 * {GroupId, SecurityGroupRule: {SecurityGroupRuleId, SecurityGroupRule: {IpProtocol ...}}}). That
 * shape comes from observed records, not a reference, so every level is optional here.
 */
export function summarizeModifySecurityGroupRules(parameters: JsonRecord): string {
	const request = recordAt(parameters, 'ModifySecurityGroupRulesRequest') ?? parameters;
	const group = stringAt(request, 'GroupId') ?? stringAt(request, 'groupId') ?? 'security group';
	const entries = recordsAt(request, 'SecurityGroupRule');
	const single = recordAt(request, 'SecurityGroupRule');
	const rules = entries.length > 0 ? entries : single === undefined ? [] : [single];
	const described = rules.map((entry) => {
		const id = stringAt(entry, 'SecurityGroupRuleId') ?? 'rule';
		const rule = recordAt(entry, 'SecurityGroupRule');
		if (rule === undefined) {
			return id;
		}

		const port = portRangeLabel(
			stringAt(rule, 'IpProtocol'),
			numberAt(rule, 'FromPort'),
			numberAt(rule, 'ToPort'),
		);
		const peer =
			stringAt(rule, 'CidrIpv4') ??
			stringAt(rule, 'CidrIpv6') ??
			stringAt(rule, 'ReferencedGroupId') ??
			stringAt(rule, 'PrefixListId');
		return `${id} now ${port}${peer === undefined ? '' : ` ${peer}`}`;
	});
	return `${group} rules modified: ${described.length > 0 ? described.join('; ') : 'no rules given'}`;
}

function describePermission(permission: JsonRecord, egress: boolean): string {
	const port = portRangeLabel(
		stringAt(permission, 'ipProtocol'),
		numberAt(permission, 'fromPort'),
		numberAt(permission, 'toPort'),
	);
	const peers = peersOf(permission);
	return peers.length > 0 ? `${port} ${egress ? 'to' : 'from'} ${peers.join(', ')}` : port;
}

function peersOf(permission: JsonRecord): string[] {
	const cidr = stringAt(permission, 'cidrIp');
	return [
		...(cidr === undefined ? [] : [cidr]),
		...recordsAt(permission, 'ipRanges').flatMap((range) => optional(stringAt(range, 'cidrIp'))),
		...recordsAt(permission, 'ipv6Ranges').flatMap((range) =>
			optional(stringAt(range, 'cidrIpv6')),
		),
		...recordsAt(permission, 'groups').flatMap((pair) =>
			optional(stringAt(pair, 'groupId') ?? stringAt(pair, 'groupName')),
		),
		...recordsAt(permission, 'prefixListIds').flatMap((list) =>
			optional(stringAt(list, 'prefixListId')),
		),
	];
}

/** The pre-ipPermissions form: protocol, ports and CIDR directly on the request. */
function legacyPermission(parameters: JsonRecord, egress: boolean): string[] {
	const protocol = stringAt(parameters, 'ipProtocol');
	const cidr = stringAt(parameters, 'cidrIp');
	if (protocol === undefined && cidr === undefined) {
		return [];
	}

	return [describePermission(parameters, egress)];
}

function ruleIdsOf(parameters: JsonRecord): string[] {
	return [
		...stringsAt(parameters, 'securityGroupRuleIds'),
		...recordsAt(parameters, 'securityGroupRuleIds').flatMap((item) =>
			optional(stringAt(item, 'securityGroupRuleId')),
		),
	];
}

function optional(value: string | undefined): string[] {
	return value === undefined ? [] : [value];
}
