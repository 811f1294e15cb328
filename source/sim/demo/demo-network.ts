// The demo's security groups and network ACLs. The NLB's subnets keep the default NACL; the
// targets' subnets have a custom one that allows the listener traffic and ephemeral ports.
import type {
	NetworkAcl,
	NetworkAclEntry,
	SecurityGroup,
	SecurityGroupRule,
} from '../world/types.js';

const allTraffic: SecurityGroupRule = {ipProtocol: '-1', cidrIpv4: '0.0.0.0/0'};

/** The web-sg rule the security-group incident revokes and later restores. */
export const webClientRule: SecurityGroupRule = {
	ipProtocol: 'tcp',
	fromPort: 80,
	toPort: 80,
	cidrIpv4: '0.0.0.0/0',
	description: 'HTTP from clients via demo-nlb (client IP preserved)',
};

type SecurityGroupIds = {
	readonly vpcId: string;
	readonly loadBalancer: string;
	readonly web: string;
	readonly api: string;
};

export function demoSecurityGroups(ids: SecurityGroupIds): SecurityGroup[] {
	const {vpcId} = ids;
	return [
		{
			groupId: ids.loadBalancer,
			groupName: 'demo-nlb-sg',
			description: 'demo-nlb listeners',
			vpcId,
			ingress: [
				{ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIpv4: '0.0.0.0/0', description: 'HTTP'},
				{ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0', description: 'TLS'},
			],
			egress: [allTraffic],
		},
		{
			groupId: ids.web,
			groupName: 'web-sg',
			description: 'web tier behind demo-nlb',
			vpcId,
			ingress: [
				webClientRule,
				{ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '10.0.0.0/16', description: 'SSH'},
			],
			egress: [allTraffic],
		},
		{
			groupId: ids.api,
			groupName: 'api-sg',
			description: 'api tier behind demo-nlb',
			vpcId,
			ingress: [
				{
					ipProtocol: 'tcp',
					fromPort: 8443,
					toPort: 8443,
					referencedGroupId: ids.loadBalancer,
					description: 'from demo-nlb (client IP not preserved)',
				},
			],
			egress: [allTraffic],
		},
	];
}

function entry(
	ruleNumber: number,
	egress: boolean,
	ruleAction: 'allow' | 'deny',
	cidrBlock: string,
	ports?: readonly [number, number],
): NetworkAclEntry {
	return {
		ruleNumber,
		egress,
		protocol: ports === undefined ? '-1' : '6',
		ruleAction,
		cidrBlock,
		...(ports === undefined ? {} : {portRange: {from: ports[0], to: ports[1]}}),
	};
}

type NetworkAclIds = {
	readonly vpcId: string;
	readonly defaultAclId: string;
	readonly privateAclId: string;
	readonly publicSubnetIds: readonly string[];
	readonly privateSubnetIds: readonly string[];
};

export function demoNetworkAcls(ids: NetworkAclIds): NetworkAcl[] {
	const everywhere = '0.0.0.0/0';
	return [
		{
			networkAclId: ids.defaultAclId,
			vpcId: ids.vpcId,
			isDefault: true,
			subnetIds: ids.publicSubnetIds,
			entries: [
				entry(100, false, 'allow', everywhere),
				entry(32_767, false, 'deny', everywhere),
				entry(100, true, 'allow', everywhere),
				entry(32_767, true, 'deny', everywhere),
			],
		},
		{
			networkAclId: ids.privateAclId,
			vpcId: ids.vpcId,
			isDefault: false,
			subnetIds: ids.privateSubnetIds,
			entries: [
				entry(100, false, 'allow', everywhere, [80, 80]),
				entry(110, false, 'allow', '10.0.0.0/16', [8443, 8443]),
				entry(120, false, 'allow', everywhere, [1024, 65_535]),
				entry(32_767, false, 'deny', everywhere),
				entry(100, true, 'allow', everywhere),
				entry(32_767, true, 'deny', everywhere),
			],
		},
	];
}
