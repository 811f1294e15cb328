// Scenario sections for VPCs and subnets, and the helpers other sections share to refer to them.
import {availabilityZoneId} from '../demo/aws-names.js';
import type {Subnet, Tag, Vpc} from '../world/types.js';
import {childPath, cidr, idPattern, type ObjectNode, type ScenarioScope} from './reader.js';

/** `vpcId` when given (and known), else the only VPC in the file. */
export function vpcIdFor(
	scope: ScenarioScope,
	node: ObjectNode,
	vpcs: readonly Vpc[],
): string | undefined {
	const {reader} = scope;
	const given = reader.optionalString(node, 'vpcId', idPattern('vpc'));
	if (given !== undefined) {
		if (!vpcs.some((vpc) => vpc.vpcId === given)) {
			reader.report(
				childPath(node.path, 'vpcId'),
				`unknown VPC ${JSON.stringify(given)} (declare it in vpcs)`,
			);
		}
		return given;
	}
	if (reader.has(node, 'vpcId')) {
		return undefined;
	}
	const only = vpcs.length === 1 ? vpcs[0] : undefined;
	if (only === undefined) {
		return reader.report(
			childPath(node.path, 'vpcId'),
			'is required when the file does not declare exactly one VPC',
		);
	}
	return only.vpcId;
}

export function readTags(scope: ScenarioScope, node: ObjectNode, extraName?: string): Tag[] {
	const tags = scope.reader
		.pairs(node, 'tags')
		.map((pair) => ({key: pair.name, value: pair.value}));
	if (extraName !== undefined && !tags.some((tag) => tag.key === 'Name')) {
		tags.unshift({key: 'Name', value: extraName});
	}
	return tags;
}

function readSubnet(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	vpcs: readonly Vpc[],
): Subnet | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'subnetId',
		'vpcId',
		'availabilityZone',
		'availabilityZoneId',
		'cidrBlock',
	]);
	if (node === undefined) {
		return undefined;
	}
	const subnetId = reader.string(node, 'subnetId', idPattern('subnet'));
	const vpcId = vpcIdFor(scope, node, vpcs);
	const availabilityZone = reader.string(node, 'availabilityZone', {
		pattern: /^[a-z]{2}(?:-[a-z]+)+-\d[a-z]$/,
		patternHint: 'a zone name like "us-east-1a"',
	});
	const cidrBlock = reader.string(node, 'cidrBlock', cidr);
	if (
		subnetId === undefined ||
		vpcId === undefined ||
		availabilityZone === undefined ||
		cidrBlock === undefined
	) {
		return undefined;
	}
	return {
		subnetId,
		vpcId,
		availabilityZone,
		availabilityZoneId:
			reader.optionalString(node, 'availabilityZoneId') ??
			availabilityZoneId(scope.region, availabilityZone),
		cidrBlock,
	};
}

export function readVpcs(scope: ScenarioScope, root: ObjectNode): Vpc[] {
	const {reader} = scope;
	return reader.list(root, 'vpcs', (value, path) => {
		const node = reader.object(value, path, ['vpcId', 'cidrBlock']);
		if (node === undefined) {
			return undefined;
		}
		const vpcId = reader.string(node, 'vpcId', idPattern('vpc'));
		const cidrBlock = reader.string(node, 'cidrBlock', cidr);
		return vpcId === undefined || cidrBlock === undefined ? undefined : {vpcId, cidrBlock};
	});
}

export function readSubnets(
	scope: ScenarioScope,
	root: ObjectNode,
	vpcs: readonly Vpc[],
): Subnet[] {
	return scope.reader.list(root, 'subnets', (value, path) => readSubnet(scope, value, path, vpcs));
}
