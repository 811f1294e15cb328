// The demo's target instances: each with its own primary interface in a private subnet.
import type {Instance, NetworkInterface, Subnet} from '../world/types.js';
import {defaultAccountId} from './aws-names.js';
import type {DemoTarget} from './demo-topology.js';
import type {Random} from './prng.js';

/** An EC2-style id: `vpc-0` + 16 hex digits. */
export function awsId(random: Random, prefix: string): string {
	return `${prefix}-0${random.hex(16)}`;
}

export function subnetAt(subnets: readonly Subnet[], index: number): Subnet {
	const subnet = subnets[index];
	if (subnet === undefined) {
		throw new RangeError(`no subnet ${index}`);
	}
	return subnet;
}

export type TargetFactory = {
	readonly instances: Instance[];
	readonly interfaces: NetworkInterface[];
	readonly make: (
		name: string,
		zoneIndex: number,
		host: number,
		securityGroupId: string,
		port: number,
		registerByIp: boolean,
	) => DemoTarget;
};

export function targetFactory(
	random: Random,
	vpcId: string,
	privateSubnets: readonly Subnet[],
): TargetFactory {
	const instances: Instance[] = [];
	const interfaces: NetworkInterface[] = [];
	const make: TargetFactory['make'] = (
		name,
		zoneIndex,
		host,
		securityGroupId,
		port,
		registerByIp,
	) => {
		const subnet = subnetAt(privateSubnets, zoneIndex);
		const instanceId = `i-0${random.hex(16)}`;
		const networkInterfaceId = awsId(random, 'eni');
		const privateIp = `10.0.${10 + zoneIndex}.${host}`;
		const placement = {subnetId: subnet.subnetId, vpcId, availabilityZone: subnet.availabilityZone};
		instances.push({
			instanceId,
			...placement,
			privateIpAddress: privateIp,
			instanceType: registerByIp ? 'c6i.large' : 'm6i.large',
			state: 'running',
			securityGroupIds: [securityGroupId],
			networkInterfaceId,
			tags: [{key: 'Name', value: name}],
		});
		interfaces.push({
			networkInterfaceId,
			...placement,
			description: 'Primary network interface',
			interfaceType: 'interface',
			privateIpAddress: privateIp,
			securityGroupIds: [securityGroupId],
			requesterManaged: false,
			ownerId: defaultAccountId,
			attachment: {instanceId, deviceIndex: 0},
			status: 'in-use',
		});
		const targetId = registerByIp ? privateIp : instanceId;
		return {
			name,
			instanceId,
			networkInterfaceId,
			privateIp,
			availabilityZone: subnet.availabilityZone,
			targetId,
			port,
		};
	};
	return {instances, interfaces, make};
}
