// EC2 DescribeNetworkInterfaces: how lbtop finds a load balancer's interfaces (by description
// `ELB net/<name>/<id>`) and its targets' interfaces (by address or instance).
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {NetworkInterface, World} from '../../world/types.js';
import {
	availabilityZoneIdOf,
	groupSetOf,
	macAddressOf,
	pageOfEc2,
	privateDnsNameOf,
	publicDnsNameOf,
	selectByIds,
	shortHash,
} from './common.js';
import {applyFilters, type FilterFields, readFilters} from './filters.js';

const networkInterfaceFields: FilterFields<NetworkInterface> = {
	'addresses.private-ip-address': (eni) => [eni.privateIpAddress],
	'addresses.primary': () => ['true'],
	'association.public-ip': (eni) => [eni.publicIp],
	'attachment.device-index': (eni) => [eni.attachment?.deviceIndex],
	'attachment.instance-id': (eni) => [eni.attachment?.instanceId],
	'attachment.status': (eni) => [eni.attachment === undefined ? undefined : 'attached'],
	'availability-zone': (eni) => [eni.availabilityZone],
	description: (eni) => [eni.description],
	'group-id': (eni) => eni.securityGroupIds,
	'interface-type': (eni) => [eni.interfaceType],
	'network-interface-id': (eni) => [eni.networkInterfaceId],
	'owner-id': (eni) => [eni.ownerId],
	'private-ip-address': (eni) => [eni.privateIpAddress],
	'requester-id': (eni) => [eni.requesterId],
	'requester-managed': (eni) => [eni.requesterManaged],
	status: (eni) => [eni.status],
	'subnet-id': (eni) => [eni.subnetId],
	'vpc-id': (eni) => [eni.vpcId],
};

function associationOf(world: World, eni: NetworkInterface) {
	return eni.publicIp === undefined
		? undefined
		: {
				ipOwnerId: 'amazon',
				publicDnsName: publicDnsNameOf(world, eni.publicIp),
				publicIp: eni.publicIp,
			};
}

function attachmentOf(world: World, eni: NetworkInterface) {
	const {attachment} = eni;
	if (attachment === undefined) {
		return undefined;
	}
	return {
		attachmentId: `eni-attach-${shortHash(eni.networkInterfaceId, 17)}`,
		deleteOnTermination: attachment.instanceId !== undefined && attachment.deviceIndex === 0,
		deviceIndex: attachment.deviceIndex,
		networkCardIndex: 0,
		instanceId: attachment.instanceId,
		// Service-managed interfaces (load balancers) are attached by AWS itself.
		instanceOwnerId: attachment.instanceId === undefined ? 'amazon-aws' : world.accountId,
		status: 'attached',
	};
}

export function networkInterfaceShape(world: World, eni: NetworkInterface): WireStruct {
	const association = associationOf(world, eni);
	const privateDnsName = privateDnsNameOf(world, eni.privateIpAddress);
	return {
		association,
		attachment: attachmentOf(world, eni),
		availabilityZone: eni.availabilityZone,
		availabilityZoneId: availabilityZoneIdOf(world, eni.subnetId),
		description: eni.description,
		groupSet: groupSetOf(world, eni.securityGroupIds),
		interfaceType: eni.interfaceType,
		ipv6AddressesSet: [],
		macAddress: macAddressOf(eni.networkInterfaceId),
		networkInterfaceId: eni.networkInterfaceId,
		ownerId: eni.ownerId,
		privateDnsName,
		privateIpAddress: eni.privateIpAddress,
		privateIpAddressesSet: [
			{association, primary: true, privateDnsName, privateIpAddress: eni.privateIpAddress},
		],
		requesterId: eni.requesterId,
		requesterManaged: eni.requesterManaged,
		sourceDestCheck: true,
		status: eni.status,
		subnetId: eni.subnetId,
		tagSet: [],
		vpcId: eni.vpcId,
	};
}

export function describeNetworkInterfaces(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('NetworkInterfaceId');
	const selected = selectByIds(world.networkInterfaces, ids, (eni) => eni.networkInterfaceId, {
		code: 'InvalidNetworkInterfaceID.NotFound',
		noun: 'networkInterface',
	});
	const matching = applyFilters(selected, readFilters(params), networkInterfaceFields);
	const page = pageOfEc2(matching, params, {min: 5, max: 1000}, ids.length > 0);
	return {
		networkInterfaceSet: page.items.map((eni) => networkInterfaceShape(world, eni)),
		nextToken: page.nextToken,
	};
}
