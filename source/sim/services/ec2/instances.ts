// EC2 DescribeInstances: enough of each instance for lbtop to place a target (address, subnet,
// zone, security groups, interface).
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {Instance, World} from '../../world/types.js';
import {
	groupSetOf,
	macAddressOf,
	pageOfEc2,
	privateDnsNameOf,
	selectByIds,
	shortHash,
} from './common.js';
import {applyFilters, type FilterFields, readFilters} from './filters.js';

const stateCodes: Readonly<Record<Instance['state'], number>> = {
	pending: 0,
	running: 16,
	stopping: 64,
	stopped: 80,
	terminated: 48,
};

const instanceFields: FilterFields<Instance> = {
	'availability-zone': (instance) => [instance.availabilityZone],
	'instance-id': (instance) => [instance.instanceId],
	'instance-state-name': (instance) => [instance.state],
	'instance-state-code': (instance) => [stateCodes[instance.state]],
	'instance-type': (instance) => [instance.instanceType],
	'instance.group-id': (instance) => instance.securityGroupIds,
	'network-interface.network-interface-id': (instance) => [instance.networkInterfaceId],
	'network-interface.addresses.private-ip-address': (instance) => [instance.privateIpAddress],
	'private-ip-address': (instance) => [instance.privateIpAddress],
	'subnet-id': (instance) => [instance.subnetId],
	'vpc-id': (instance) => [instance.vpcId],
};

function interfaceShape(world: World, instance: Instance): WireStruct {
	const eni = world.networkInterfaces.find(
		(item) => item.networkInterfaceId === instance.networkInterfaceId,
	);
	const privateDnsName = privateDnsNameOf(world, instance.privateIpAddress);
	const association =
		eni?.publicIp === undefined ? undefined : {ipOwnerId: 'amazon', publicIp: eni.publicIp};
	return {
		association,
		attachment: {
			attachmentId: `eni-attach-${shortHash(instance.networkInterfaceId, 17)}`,
			deleteOnTermination: true,
			deviceIndex: 0,
			networkCardIndex: 0,
			status: 'attached',
		},
		description: eni?.description ?? '',
		groupSet: groupSetOf(world, instance.securityGroupIds),
		interfaceType: eni?.interfaceType ?? 'interface',
		macAddress: macAddressOf(instance.networkInterfaceId),
		networkInterfaceId: instance.networkInterfaceId,
		ownerId: world.accountId,
		privateDnsName,
		privateIpAddress: instance.privateIpAddress,
		privateIpAddressesSet: [
			{association, primary: true, privateDnsName, privateIpAddress: instance.privateIpAddress},
		],
		sourceDestCheck: true,
		status: 'in-use',
		subnetId: instance.subnetId,
		vpcId: instance.vpcId,
	};
}

function instanceShape(world: World, instance: Instance): WireStruct {
	const running = instance.state !== 'terminated';
	return {
		instanceId: instance.instanceId,
		imageId: `ami-${shortHash(instance.instanceType, 17)}`,
		instanceState: {code: stateCodes[instance.state], name: instance.state},
		privateDnsName: running ? privateDnsNameOf(world, instance.privateIpAddress) : '',
		instanceType: instance.instanceType,
		placement: {availabilityZone: instance.availabilityZone, tenancy: 'default'},
		subnetId: running ? instance.subnetId : undefined,
		vpcId: running ? instance.vpcId : undefined,
		privateIpAddress: running ? instance.privateIpAddress : undefined,
		groupSet: groupSetOf(world, instance.securityGroupIds),
		networkInterfaceSet: running ? [interfaceShape(world, instance)] : [],
		tagSet: instance.tags.map((tag) => ({key: tag.key, value: tag.value})),
	};
}

export function describeInstances(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('InstanceId');
	const selected = selectByIds(world.instances, ids, (instance) => instance.instanceId, {
		code: 'InvalidInstanceID.NotFound',
		noun: 'instance',
	});
	const matching = applyFilters(
		selected,
		readFilters(params),
		instanceFields,
		(instance) => instance.tags,
	);
	const page = pageOfEc2(matching, params, {min: 5, max: 1000}, ids.length > 0);
	return {
		// One reservation per instance: lbtop never groups by launch request.
		reservationSet: page.items.map((instance) => ({
			reservationId: `r-${shortHash(instance.instanceId, 17)}`,
			ownerId: world.accountId,
			groupSet: [],
			instancesSet: [instanceShape(world, instance)],
		})),
		nextToken: page.nextToken,
	};
}
