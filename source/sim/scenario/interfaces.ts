// Scenario sections for instances and network interfaces. An instance without a listed primary
// interface gets one, so a file can stay short.

import type {Instance, NetworkInterface, SecurityGroup, Subnet} from '../world/types.js';
import {declaredIds, derivedId} from './ids.js';
import {readTags} from './network.js';
import {childPath, idPattern, ipv4, type ObjectNode, type ScenarioScope} from './reader.js';

type Known = {
	readonly subnets: readonly Subnet[];
	readonly securityGroups: readonly SecurityGroup[];
	/** Instance ids the file declares, read ahead so interface attachments can be checked in place. */
	readonly instanceIds: ReadonlySet<string>;
};

export function subnetFor(
	scope: ScenarioScope,
	node: ObjectNode,
	subnets: readonly Subnet[],
): Subnet | undefined {
	const subnetId = scope.reader.string(node, 'subnetId', idPattern('subnet'));
	if (subnetId === undefined) {
		return undefined;
	}
	const subnet = subnets.find((item) => item.subnetId === subnetId);
	if (subnet === undefined) {
		scope.reader.report(
			childPath(node.path, 'subnetId'),
			`unknown subnet ${JSON.stringify(subnetId)} (declare it in subnets)`,
		);
	}
	return subnet;
}

export function securityGroupIdsFor(
	scope: ScenarioScope,
	node: ObjectNode,
	key: string,
	groups: readonly SecurityGroup[],
): string[] {
	const ids = scope.reader.stringList(node, key, idPattern('sg'));
	ids.forEach((id, index) => {
		if (!groups.some((group) => group.groupId === id)) {
			scope.reader.report(
				`${childPath(node.path, key)}[${index}]`,
				`unknown security group ${JSON.stringify(id)} (declare it in securityGroups)`,
			);
		}
	});
	return ids;
}

function attachedInstance(
	scope: ScenarioScope,
	node: ObjectNode,
	known: Known,
): {instanceId?: string} {
	const instanceId = scope.reader.optionalString(node, 'instanceId', idPattern('i'));
	if (instanceId === undefined) {
		return {};
	}
	if (!known.instanceIds.has(instanceId)) {
		scope.reader.report(
			childPath(node.path, 'instanceId'),
			`unknown instance ${JSON.stringify(instanceId)} (declare it in instances)`,
		);
	}
	return {instanceId};
}

function readInterface(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: Known,
): NetworkInterface | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'networkInterfaceId',
		'subnetId',
		'description',
		'interfaceType',
		'privateIpAddress',
		'publicIp',
		'securityGroupIds',
		'requesterManaged',
		'requesterId',
		'ownerId',
		'attachment',
		'status',
	]);
	if (node === undefined) {
		return undefined;
	}
	const networkInterfaceId = reader.string(node, 'networkInterfaceId', idPattern('eni'));
	const subnet = subnetFor(scope, node, known.subnets);
	const privateIpAddress = reader.string(node, 'privateIpAddress', ipv4);
	const publicIp = reader.optionalString(node, 'publicIp', ipv4);
	const requesterId = reader.optionalString(node, 'requesterId');
	const status = reader.choice(node, 'status', ['in-use', 'available'], 'in-use');
	const securityGroupIds = securityGroupIdsFor(
		scope,
		node,
		'securityGroupIds',
		known.securityGroups,
	);
	const attachmentNode = reader.has(node, 'attachment')
		? reader.object(node.fields.attachment, childPath(path, 'attachment'), [
				'instanceId',
				'deviceIndex',
			])
		: undefined;
	const attachment =
		attachmentNode === undefined
			? undefined
			: {
					...attachedInstance(scope, attachmentNode, known),
					deviceIndex:
						reader.optionalNumber(attachmentNode, 'deviceIndex', {integer: true, min: 0}) ?? 0,
				};
	if (networkInterfaceId === undefined || subnet === undefined || privateIpAddress === undefined) {
		return undefined;
	}
	return {
		networkInterfaceId,
		subnetId: subnet.subnetId,
		vpcId: subnet.vpcId,
		availabilityZone: subnet.availabilityZone,
		description: reader.optionalString(node, 'description') ?? '',
		interfaceType: reader.optionalString(node, 'interfaceType') ?? 'interface',
		privateIpAddress,
		...(publicIp === undefined ? {} : {publicIp}),
		securityGroupIds,
		requesterManaged: reader.optionalBoolean(node, 'requesterManaged') ?? false,
		...(requesterId === undefined ? {} : {requesterId}),
		ownerId: reader.optionalString(node, 'ownerId') ?? scope.accountId,
		...(attachment === undefined ? {} : {attachment}),
		status,
	};
}

function readInstance(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: Known,
	interfaces: NetworkInterface[],
): Instance | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'instanceId',
		'subnetId',
		'privateIpAddress',
		'instanceType',
		'state',
		'securityGroupIds',
		'networkInterfaceId',
		'name',
		'tags',
	]);
	if (node === undefined) {
		return undefined;
	}
	const instanceId = reader.string(node, 'instanceId', idPattern('i'));
	const subnet = subnetFor(scope, node, known.subnets);
	const privateIpAddress = reader.string(node, 'privateIpAddress', ipv4);
	const state = reader.choice(
		node,
		'state',
		['pending', 'running', 'stopping', 'stopped', 'terminated'],
		'running',
	);
	const securityGroupIds = securityGroupIdsFor(
		scope,
		node,
		'securityGroupIds',
		known.securityGroups,
	);
	const givenInterfaceId = reader.optionalString(node, 'networkInterfaceId', idPattern('eni'));
	const name = reader.optionalString(node, 'name');
	const tags = readTags(scope, node, name);
	if (instanceId === undefined || subnet === undefined || privateIpAddress === undefined) {
		return undefined;
	}
	const listed = interfaces.find((item) =>
		givenInterfaceId === undefined
			? item.attachment?.instanceId === instanceId && item.attachment.deviceIndex === 0
			: item.networkInterfaceId === givenInterfaceId,
	);
	const networkInterfaceId =
		listed?.networkInterfaceId ?? givenInterfaceId ?? derivedId('eni', instanceId);
	if (listed === undefined) {
		interfaces.push({
			networkInterfaceId,
			subnetId: subnet.subnetId,
			vpcId: subnet.vpcId,
			availabilityZone: subnet.availabilityZone,
			description: 'Primary network interface',
			interfaceType: 'interface',
			privateIpAddress,
			securityGroupIds,
			requesterManaged: false,
			ownerId: scope.accountId,
			attachment: {instanceId, deviceIndex: 0},
			status: 'in-use',
		});
	}
	return {
		instanceId,
		subnetId: subnet.subnetId,
		vpcId: subnet.vpcId,
		availabilityZone: subnet.availabilityZone,
		privateIpAddress,
		instanceType: reader.optionalString(node, 'instanceType') ?? 'm6i.large',
		state,
		securityGroupIds,
		networkInterfaceId,
		tags,
	};
}

export function readInstancesAndInterfaces(
	scope: ScenarioScope,
	root: ObjectNode,
	known: Omit<Known, 'instanceIds'>,
): {instances: Instance[]; networkInterfaces: NetworkInterface[]} {
	const {reader} = scope;
	const full = {...known, instanceIds: declaredIds(root.fields.instances, 'instanceId')};
	const networkInterfaces = reader.list(root, 'networkInterfaces', (value, path) =>
		readInterface(scope, value, path, full),
	);
	const instances = reader.list(root, 'instances', (value, path) =>
		readInstance(scope, value, path, full, networkInterfaces),
	);
	return {instances, networkInterfaces};
}
