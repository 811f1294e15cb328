// Scenario sections for load balancers (with their listeners and per-AZ interfaces) and target
// groups (with their targets and health).
import {
	canonicalHostedZoneId,
	defaultLoadBalancerInterfaceType,
	type LoadBalancerType,
	listenerArn,
	loadBalancerArn,
	loadBalancerDnsName,
	loadBalancerInterfaceDescription,
} from '../demo/aws-names.js';
import type {
	Instance,
	Listener,
	LoadBalancer,
	NetworkInterface,
	SecurityGroup,
	Subnet,
	Vpc,
} from '../world/types.js';
import {derivedHexId, hexId} from './ids.js';
import {securityGroupIdsFor, subnetFor} from './interfaces.js';
import {readTags, vpcIdFor} from './network.js';
import {childPath, idPattern, ipv4, type ObjectNode, type ScenarioScope} from './reader.js';
import type {TargetGroupDraft} from './target-groups.js';

const day = 86_400_000;
const namePattern = {
	pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/,
	patternHint: 'a name of 1-32 letters, digits and inner hyphens',
};
const listenerProtocols: Readonly<Record<LoadBalancerType, readonly string[]>> = {
	network: ['TCP', 'TLS', 'UDP', 'TCP_UDP'],
	application: ['HTTP', 'HTTPS'],
	gateway: ['GENEVE'],
};

export type ElbKnown = {
	readonly vpcs: readonly Vpc[];
	readonly subnets: readonly Subnet[];
	readonly securityGroups: readonly SecurityGroup[];
	readonly instances: readonly Instance[];
	readonly targetGroups: readonly TargetGroupDraft[];
};

export type LoadBalancerSections = {
	readonly listeners: Listener[];
	/** The per-AZ interfaces the file described inline. */
	readonly networkInterfaces: NetworkInterface[];
	/** Target group ARN -> the load balancers whose listeners forward to it. */
	readonly targetGroupUsers: Map<string, string[]>;
};

type LoadBalancerIdentity = {
	readonly type: LoadBalancerType;
	readonly name: string;
	readonly id: string;
	readonly arn: string;
	readonly securityGroups: readonly string[];
};

function readZone(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: ElbKnown,
	identity: LoadBalancerIdentity,
	interfaces: NetworkInterface[],
): LoadBalancer['availabilityZones'][number] | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'subnetId',
		'zoneName',
		'allocationId',
		'networkInterface',
	]);
	if (node === undefined) {
		return undefined;
	}
	const subnet = subnetFor(scope, node, known.subnets);
	const zoneName = reader.optionalString(node, 'zoneName');
	const allocationId = reader.optionalString(node, 'allocationId', idPattern('eipalloc'));
	const eni = reader.has(node, 'networkInterface')
		? reader.object(node.fields.networkInterface, childPath(path, 'networkInterface'), [
				'networkInterfaceId',
				'privateIpAddress',
				'publicIp',
				'interfaceType',
				'description',
			])
		: undefined;
	if (subnet === undefined) {
		return undefined;
	}
	if (zoneName !== undefined && zoneName !== subnet.availabilityZone) {
		reader.report(
			childPath(path, 'zoneName'),
			`subnet ${subnet.subnetId} is in ${subnet.availabilityZone}, not ${zoneName}`,
		);
	}
	if (eni !== undefined) {
		const networkInterfaceId = reader.string(eni, 'networkInterfaceId', idPattern('eni'));
		const privateIpAddress = reader.string(eni, 'privateIpAddress', ipv4);
		const publicIp = reader.optionalString(eni, 'publicIp', ipv4);
		if (networkInterfaceId !== undefined && privateIpAddress !== undefined) {
			interfaces.push({
				networkInterfaceId,
				subnetId: subnet.subnetId,
				vpcId: subnet.vpcId,
				availabilityZone: subnet.availabilityZone,
				description:
					reader.optionalString(eni, 'description') ??
					loadBalancerInterfaceDescription(identity.type, identity.name, identity.id),
				interfaceType:
					reader.optionalString(eni, 'interfaceType') ??
					defaultLoadBalancerInterfaceType(identity.type),
				privateIpAddress,
				...(publicIp === undefined ? {} : {publicIp}),
				securityGroupIds: identity.securityGroups,
				requesterManaged: true,
				requesterId: 'amazon-elb',
				ownerId: scope.accountId,
				status: 'in-use',
			});
		}
	}
	return {
		zoneName: subnet.availabilityZone,
		subnetId: subnet.subnetId,
		...(allocationId === undefined ? {} : {allocationId}),
	};
}

function readListener(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: ElbKnown,
	identity: LoadBalancerIdentity,
	users: Map<string, string[]>,
): Listener | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'port',
		'protocol',
		'targetGroup',
		'id',
		'certificateArn',
		'sslPolicy',
	]);
	if (node === undefined) {
		return undefined;
	}
	const port = reader.number(node, 'port', {integer: true, min: 1, max: 65_535});
	const protocol = reader.string(node, 'protocol', {oneOf: listenerProtocols[identity.type]});
	const targetGroupName = reader.string(node, 'targetGroup');
	const id =
		reader.optionalString(node, 'id', hexId) ??
		derivedHexId('listener', `${identity.arn}:${String(port)}`);
	const certificateArn = reader.optionalString(node, 'certificateArn');
	const sslPolicy = reader.optionalString(node, 'sslPolicy');
	const group = known.targetGroups.find((item) => item.targetGroupName === targetGroupName);
	if (targetGroupName !== undefined && group === undefined) {
		reader.report(
			childPath(path, 'targetGroup'),
			`unknown target group ${JSON.stringify(targetGroupName)} (declare it in targetGroups by name)`,
		);
	}
	if (port === undefined || protocol === undefined || group === undefined) {
		return undefined;
	}
	users.set(group.targetGroupArn, [...(users.get(group.targetGroupArn) ?? []), identity.arn]);
	return {
		listenerArn: listenerArn(identity.arn, id),
		loadBalancerArn: identity.arn,
		port,
		protocol,
		defaultActions: [{type: 'forward', targetGroupArn: group.targetGroupArn}],
		...(certificateArn === undefined ? {} : {certificates: [{certificateArn}]}),
		...(sslPolicy === undefined ? {} : {sslPolicy}),
	};
}

const defaultAttributes: Readonly<Record<LoadBalancerType, Readonly<Record<string, string>>>> = {
	network: {'deletion_protection.enabled': 'false', 'load_balancing.cross_zone.enabled': 'false'},
	application: {'deletion_protection.enabled': 'false', 'idle_timeout.timeout_seconds': '60'},
	gateway: {'deletion_protection.enabled': 'false', 'load_balancing.cross_zone.enabled': 'false'},
};

function readLoadBalancer(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: ElbKnown,
	sections: LoadBalancerSections,
): LoadBalancer | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'name',
		'id',
		'type',
		'scheme',
		'vpcId',
		'ipAddressType',
		'state',
		'securityGroups',
		'createdTime',
		'dnsName',
		'attributes',
		'tags',
		'availabilityZones',
		'listeners',
	]);
	if (node === undefined) {
		return undefined;
	}
	const name = reader.string(node, 'name', namePattern);
	const type = reader.choice<LoadBalancerType>(
		node,
		'type',
		['network', 'application', 'gateway'],
		'network',
	);
	const scheme = reader.choice(node, 'scheme', ['internet-facing', 'internal'], 'internet-facing');
	const id = reader.optionalString(node, 'id', hexId) ?? derivedHexId('loadbalancer', name ?? path);
	const vpcId = vpcIdFor(scope, node, known.vpcs);
	const state = reader.choice(
		node,
		'state',
		['active', 'provisioning', 'active_impaired', 'failed'],
		'active',
	);
	const ipAddressType = reader.choice(node, 'ipAddressType', ['ipv4', 'dualstack'], 'ipv4');
	const securityGroups = securityGroupIdsFor(scope, node, 'securityGroups', known.securityGroups);
	const createdTime = reader.optionalTime(node, 'createdTime') ?? scope.now - 30 * day;
	const dnsName = reader.optionalString(node, 'dnsName');
	const attributes = {
		...defaultAttributes[type],
		...Object.fromEntries(reader.pairs(node, 'attributes').map((pair) => [pair.name, pair.value])),
	};
	const tags = readTags(scope, node);
	if (name === undefined) {
		return undefined;
	}
	const identity: LoadBalancerIdentity = {
		type,
		name,
		id,
		arn: loadBalancerArn(scope.region, scope.accountId, type, name, id),
		securityGroups,
	};
	const availabilityZones = reader.list(
		node,
		'availabilityZones',
		(item, itemPath) =>
			readZone(scope, item, itemPath, known, identity, sections.networkInterfaces),
		true,
	);
	const listeners = reader.list(node, 'listeners', (item, itemPath) =>
		readListener(scope, item, itemPath, known, identity, sections.targetGroupUsers),
	);
	if (vpcId === undefined) {
		return undefined;
	}
	sections.listeners.push(...listeners);
	return {
		loadBalancerArn: identity.arn,
		loadBalancerName: name,
		type,
		scheme,
		vpcId,
		dnsName: dnsName ?? loadBalancerDnsName(type, scheme, name, id, scope.region),
		canonicalHostedZoneId: canonicalHostedZoneId(type),
		createdTime,
		state,
		ipAddressType,
		securityGroups,
		availabilityZones,
		attributes,
		tags,
	};
}

export function readLoadBalancers(
	scope: ScenarioScope,
	root: ObjectNode,
	known: ElbKnown,
): LoadBalancerSections & {readonly loadBalancers: LoadBalancer[]} {
	const sections: LoadBalancerSections = {
		listeners: [],
		networkInterfaces: [],
		targetGroupUsers: new Map(),
	};
	const loadBalancers = scope.reader.list(root, 'loadBalancers', (value, path) =>
		readLoadBalancer(scope, value, path, known, sections),
	);
	return {...sections, loadBalancers};
}
