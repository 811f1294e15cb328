// The modelled load balancer's path through the world: its nodes (one interface per zone), the
// hosts behind its targets, and which network ACL guards which subnet. Resolved once; only the
// ACLs are looked up per configuration state, because changes replace them.
import {blockContains, type Ipv4Block, ipv4ToNumber, parseIpv4Cidr} from '../world/ipv4.js';
import type {LoadBalancer, NetworkAcl, NetworkInterface, Subnet, World} from '../world/types.js';
import type {ConfigState} from './config-state.js';

export type LbNode = {
	readonly index: number;
	readonly zone: string;
	readonly subnetId: string;
	readonly interfaceId: string;
	readonly ip: string;
	readonly address: number;
};

export type Host = {
	readonly ip: string;
	readonly address: number;
	/** The interface holding the address, when the world has it (records are written there). */
	readonly interfaceId?: string;
	readonly subnetId?: string;
	readonly zone?: string;
	readonly securityGroupIds: readonly string[];
};

export type ModelTopology = {
	readonly world: World;
	readonly loadBalancer: LoadBalancer;
	readonly nodes: readonly LbNode[];
	readonly vpcBlocks: readonly Ipv4Block[];
	readonly interfaces: ReadonlyMap<string, NetworkInterface>;
	readonly subnets: ReadonlyMap<string, Subnet>;
	/** The host a target id (instance id or IPv4 address) stands for. */
	readonly hostOf: (targetId: string) => Host | undefined;
	readonly aclOf: (state: ConfigState, subnetId: string | undefined) => NetworkAcl | undefined;
	readonly insideVpc: (address: number) => boolean;
};

function address(ip: string): number {
	const value = ipv4ToNumber(ip);
	if (value === undefined) throw new RangeError(`not an IPv4 address: ${ip}`);
	return value;
}

function findNodes(world: World, loadBalancer: LoadBalancer): LbNode[] {
	const tail = loadBalancer.loadBalancerArn.split(':loadbalancer/')[1] ?? '';
	return loadBalancer.availabilityZones.flatMap((zone, index) => {
		const networkInterface = world.networkInterfaces.find(
			(item) => item.subnetId === zone.subnetId && item.description === `ELB ${tail}`,
		);
		return networkInterface === undefined
			? []
			: [
					{
						index,
						zone: zone.zoneName,
						subnetId: zone.subnetId,
						interfaceId: networkInterface.networkInterfaceId,
						ip: networkInterface.privateIpAddress,
						address: address(networkInterface.privateIpAddress),
					},
				];
	});
}

export function buildModelTopology(world: World, loadBalancer: LoadBalancer): ModelTopology {
	const interfaces = new Map(
		world.networkInterfaces.map((item) => [item.networkInterfaceId, item]),
	);
	const subnets = new Map(world.subnets.map((subnet) => [subnet.subnetId, subnet]));
	const subnetBlocks = world.subnets.flatMap((subnet) => {
		const block = parseIpv4Cidr(subnet.cidrBlock);
		return block === undefined ? [] : [{subnet, block}];
	});
	const vpc = world.vpcs.find((item) => item.vpcId === loadBalancer.vpcId);
	const vpcBlock = vpc === undefined ? undefined : parseIpv4Cidr(vpc.cidrBlock);
	const hosts = new Map<string, Host | undefined>();
	const hostByAddress = (ip: string): Host | undefined => {
		const value = ipv4ToNumber(ip);
		if (value === undefined) return undefined;
		const networkInterface = world.networkInterfaces.find((item) => item.privateIpAddress === ip);
		const subnet =
			(networkInterface === undefined ? undefined : subnets.get(networkInterface.subnetId)) ??
			subnetBlocks.find((item) => blockContains(item.block, value))?.subnet;
		return {
			ip,
			address: value,
			...(networkInterface === undefined ? {} : {interfaceId: networkInterface.networkInterfaceId}),
			...(subnet === undefined ? {} : {subnetId: subnet.subnetId, zone: subnet.availabilityZone}),
			securityGroupIds: networkInterface?.securityGroupIds ?? [],
		};
	};
	const resolve = (targetId: string): Host | undefined => {
		const instance = world.instances.find((item) => item.instanceId === targetId);
		if (instance === undefined) return hostByAddress(targetId);
		const networkInterface = interfaces.get(instance.networkInterfaceId);
		return {
			ip: instance.privateIpAddress,
			address: address(instance.privateIpAddress),
			interfaceId: instance.networkInterfaceId,
			subnetId: instance.subnetId,
			zone: instance.availabilityZone,
			securityGroupIds: networkInterface?.securityGroupIds ?? instance.securityGroupIds,
		};
	};
	const aclsByState = new WeakMap<readonly NetworkAcl[], Map<string, NetworkAcl | undefined>>();
	return {
		world,
		loadBalancer,
		nodes: findNodes(world, loadBalancer),
		vpcBlocks: vpcBlock === undefined ? [] : [vpcBlock],
		interfaces,
		subnets,
		hostOf: (targetId) => {
			if (!hosts.has(targetId)) hosts.set(targetId, resolve(targetId));
			return hosts.get(targetId);
		},
		aclOf: (state, subnetId) => {
			if (subnetId === undefined) return undefined;
			let bySubnet = aclsByState.get(state.networkAcls);
			if (bySubnet === undefined) {
				bySubnet = new Map();
				aclsByState.set(state.networkAcls, bySubnet);
			}
			if (!bySubnet.has(subnetId)) {
				const vpcId = subnets.get(subnetId)?.vpcId;
				bySubnet.set(
					subnetId,
					state.networkAcls.find((acl) => acl.subnetIds.includes(subnetId)) ??
						state.networkAcls.find((acl) => acl.isDefault && acl.vpcId === vpcId),
				);
			}
			return bySubnet.get(subnetId);
		},
		insideVpc: (value) => vpcBlock !== undefined && blockContains(vpcBlock, value),
	};
}
