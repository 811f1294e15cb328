import type {
	NetworkAcl,
	NetworkAclEntry,
	SecurityGroup,
	SecurityGroupRule,
	Subnet,
	Vpc,
} from '../world/types.js';
import {vpcIdFor} from './network.js';
import {childPath, cidr, idPattern, type ObjectNode, type ScenarioScope} from './reader.js';

const protocolNames: Readonly<Record<string, string>> = {all: '-1', tcp: '6', udp: '17', icmp: '1'};

export function readRule(
	scope: ScenarioScope,
	value: unknown,
	path: string,
): SecurityGroupRule | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'ipProtocol',
		'port',
		'fromPort',
		'toPort',
		'cidrIpv4',
		'referencedGroupId',
		'description',
	]);
	if (node === undefined) {
		return undefined;
	}
	const protocol =
		reader.optionalString(node, 'ipProtocol', {
			pattern: /^(?:tcp|udp|icmp|-1|all|\d{1,3})$/,
			patternHint: '"tcp", "udp", "icmp", "-1" (all) or a protocol number',
		}) ?? 'tcp';
	const port = reader.optionalNumber(node, 'port', {integer: true, min: 0, max: 65_535});
	const fromPort =
		reader.optionalNumber(node, 'fromPort', {integer: true, min: -1, max: 65_535}) ?? port;
	const toPort =
		reader.optionalNumber(node, 'toPort', {integer: true, min: -1, max: 65_535}) ?? port;
	const cidrIpv4 = reader.optionalString(node, 'cidrIpv4', cidr);
	const referencedGroupId = reader.optionalString(node, 'referencedGroupId', idPattern('sg'));
	const description = reader.optionalString(node, 'description');
	if (!reader.has(node, 'cidrIpv4') && !reader.has(node, 'referencedGroupId')) {
		reader.report(
			path,
			'needs cidrIpv4 or referencedGroupId (where the traffic may come from or go to)',
		);
	}
	return {
		ipProtocol: protocol === 'all' ? '-1' : protocol,
		...(fromPort === undefined ? {} : {fromPort}),
		...(toPort === undefined ? {} : {toPort}),
		...(cidrIpv4 === undefined ? {} : {cidrIpv4}),
		...(referencedGroupId === undefined ? {} : {referencedGroupId}),
		...(description === undefined ? {} : {description}),
	};
}

function readSecurityGroup(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	vpcs: readonly Vpc[],
): SecurityGroup | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'groupId',
		'groupName',
		'description',
		'vpcId',
		'ingress',
		'egress',
	]);
	if (node === undefined) {
		return undefined;
	}
	const groupId = reader.string(node, 'groupId', idPattern('sg'));
	const groupName = reader.string(node, 'groupName');
	const vpcId = vpcIdFor(scope, node, vpcs);
	const ingress = reader.list(node, 'ingress', (item, itemPath) => readRule(scope, item, itemPath));
	const egress = reader.has(node, 'egress')
		? reader.list(node, 'egress', (item, itemPath) => readRule(scope, item, itemPath))
		: [{ipProtocol: '-1', cidrIpv4: '0.0.0.0/0'}];
	if (groupId === undefined || groupName === undefined || vpcId === undefined) {
		return undefined;
	}
	return {
		groupId,
		groupName,
		description: reader.optionalString(node, 'description') ?? groupName,
		vpcId,
		ingress,
		egress,
	};
}

export function readAclEntry(
	scope: ScenarioScope,
	value: unknown,
	path: string,
): NetworkAclEntry | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'ruleNumber',
		'egress',
		'protocol',
		'ruleAction',
		'cidrBlock',
		'port',
		'portRange',
	]);
	if (node === undefined) {
		return undefined;
	}
	const ruleNumber = reader.number(node, 'ruleNumber', {integer: true, min: 1, max: 32_767});
	const protocol =
		reader.optionalString(node, 'protocol', {
			pattern: /^(?:tcp|udp|icmp|all|-1|\d{1,3})$/,
			patternHint: '"tcp", "udp", "icmp", "all", "-1" or a protocol number',
		}) ?? '-1';
	const ruleAction = reader.string(node, 'ruleAction', {oneOf: ['allow', 'deny']});
	const cidrBlock = reader.string(node, 'cidrBlock', cidr);
	const port = reader.optionalNumber(node, 'port', {integer: true, min: 0, max: 65_535});
	let portRange = port === undefined ? undefined : {from: port, to: port};
	const rangeNode = reader.has(node, 'portRange')
		? reader.object(node.fields.portRange, childPath(path, 'portRange'), ['from', 'to'])
		: undefined;
	if (rangeNode !== undefined) {
		const from = reader.number(rangeNode, 'from', {integer: true, min: 0, max: 65_535});
		const to = reader.number(rangeNode, 'to', {integer: true, min: 0, max: 65_535});
		portRange = from === undefined || to === undefined ? undefined : {from, to};
	}
	if (
		ruleNumber === undefined ||
		(ruleAction !== 'allow' && ruleAction !== 'deny') ||
		cidrBlock === undefined
	) {
		return undefined;
	}
	return {
		ruleNumber,
		egress: reader.optionalBoolean(node, 'egress') ?? false,
		protocol: protocolNames[protocol] ?? protocol,
		ruleAction,
		cidrBlock,
		...(portRange === undefined ? {} : {portRange}),
	};
}

function readNetworkAcl(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	vpcs: readonly Vpc[],
	subnets: readonly Subnet[],
): NetworkAcl | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'networkAclId',
		'vpcId',
		'isDefault',
		'subnetIds',
		'entries',
	]);
	if (node === undefined) {
		return undefined;
	}
	const networkAclId = reader.string(node, 'networkAclId', idPattern('acl'));
	const vpcId = vpcIdFor(scope, node, vpcs);
	const subnetIds = reader.stringList(node, 'subnetIds', idPattern('subnet'));
	subnetIds.forEach((subnetId, index) => {
		if (!subnets.some((subnet) => subnet.subnetId === subnetId)) {
			reader.report(`${path}.subnetIds[${index}]`, `unknown subnet ${JSON.stringify(subnetId)}`);
		}
	});
	const entries = reader.list(node, 'entries', (item, itemPath) =>
		readAclEntry(scope, item, itemPath),
	);
	if (networkAclId === undefined || vpcId === undefined) {
		return undefined;
	}
	return {
		networkAclId,
		vpcId,
		isDefault: reader.optionalBoolean(node, 'isDefault') ?? false,
		subnetIds,
		entries,
	};
}

export function readSecurityGroups(
	scope: ScenarioScope,
	root: ObjectNode,
	vpcs: readonly Vpc[],
): SecurityGroup[] {
	return scope.reader.list(root, 'securityGroups', (value, path) =>
		readSecurityGroup(scope, value, path, vpcs),
	);
}

export function readNetworkAcls(
	scope: ScenarioScope,
	root: ObjectNode,
	vpcs: readonly Vpc[],
	subnets: readonly Subnet[],
): NetworkAcl[] {
	return scope.reader.list(root, 'networkAcls', (value, path) =>
		readNetworkAcl(scope, value, path, vpcs, subnets),
	);
}
