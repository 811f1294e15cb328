// EC2 DescribeSubnets and DescribeVpcs.
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {Subnet, Vpc, World} from '../../world/types.js';
import {pageOfEc2, selectByIds, shortHash} from './common.js';
import {applyFilters, type FilterFields, readFilters} from './filters.js';

const subnetFields: FilterFields<Subnet> = {
	'availability-zone': (subnet) => [subnet.availabilityZone],
	'availability-zone-id': (subnet) => [subnet.availabilityZoneId],
	'cidr-block': (subnet) => [subnet.cidrBlock],
	cidrBlock: (subnet) => [subnet.cidrBlock],
	'default-for-az': () => [false],
	state: () => ['available'],
	'subnet-id': (subnet) => [subnet.subnetId],
	'vpc-id': (subnet) => [subnet.vpcId],
};

const vpcFields: FilterFields<Vpc> = {
	cidr: (vpc) => [vpc.cidrBlock],
	'cidr-block-association.cidr-block': (vpc) => [vpc.cidrBlock],
	'is-default': () => [false],
	state: () => ['available'],
	'vpc-id': (vpc) => [vpc.vpcId],
};

/** AWS reserves five addresses in every subnet; each interface uses one more. */
function availableAddresses(world: World, subnet: Subnet): number {
	const prefix = Number(subnet.cidrBlock.split('/')[1] ?? 32);
	const used = world.networkInterfaces.filter((eni) => eni.subnetId === subnet.subnetId).length;
	return Math.max(0, 2 ** (32 - prefix) - 5 - used);
}

function subnetShape(world: World, subnet: Subnet): WireStruct {
	return {
		availabilityZoneId: subnet.availabilityZoneId,
		ownerId: world.accountId,
		tagSet: [],
		subnetArn: `arn:aws:ec2:${world.region}:${world.accountId}:subnet/${subnet.subnetId}`,
		subnetId: subnet.subnetId,
		state: 'available',
		vpcId: subnet.vpcId,
		cidrBlock: subnet.cidrBlock,
		availableIpAddressCount: availableAddresses(world, subnet),
		availabilityZone: subnet.availabilityZone,
		defaultForAz: false,
		mapPublicIpOnLaunch: false,
	};
}

function vpcShape(world: World, vpc: Vpc): WireStruct {
	return {
		ownerId: world.accountId,
		instanceTenancy: 'default',
		cidrBlockAssociationSet: [
			{
				associationId: `vpc-cidr-assoc-${shortHash(vpc.vpcId, 17)}`,
				cidrBlock: vpc.cidrBlock,
				cidrBlockState: {state: 'associated'},
			},
		],
		isDefault: false,
		tagSet: [],
		vpcId: vpc.vpcId,
		state: 'available',
		cidrBlock: vpc.cidrBlock,
		dhcpOptionsId: `dopt-${shortHash(world.accountId, 17)}`,
	};
}

export function describeSubnets(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('SubnetId');
	const selected = selectByIds(world.subnets, ids, (subnet) => subnet.subnetId, {
		code: 'InvalidSubnetID.NotFound',
		noun: 'subnet',
	});
	const matching = applyFilters(selected, readFilters(params), subnetFields);
	const page = pageOfEc2(matching, params, {min: 5, max: 1000}, ids.length > 0);
	return {
		subnetSet: page.items.map((subnet) => subnetShape(world, subnet)),
		nextToken: page.nextToken,
	};
}

export function describeVpcs(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('VpcId');
	const selected = selectByIds(world.vpcs, ids, (vpc) => vpc.vpcId, {
		code: 'InvalidVpcID.NotFound',
		noun: 'vpc',
	});
	const matching = applyFilters(selected, readFilters(params), vpcFields);
	const page = pageOfEc2(matching, params, {min: 5, max: 1000}, ids.length > 0);
	return {vpcSet: page.items.map((vpc) => vpcShape(world, vpc)), nextToken: page.nextToken};
}
