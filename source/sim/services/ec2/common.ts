// What the EC2 reads share: id lookups with EC2's not-found errors, MaxResults/NextToken paging,
// and the derived names (DNS names, MAC addresses) that AWS computes from ids and addresses.
import {createHash} from 'node:crypto';
import {SimError} from '../../context.js';
import {type Page, pageOf} from '../../protocol/paging.js';
import type {Params} from '../../protocol/params.js';
import type {World} from '../../world/types.js';

/**
 * Keeps the items whose id was asked for, or all when none was; unknown ids fail the call like
 * AWS (`InvalidInstanceID.NotFound`: "The instance ID 'i-1' does not exist").
 */
export function selectByIds<T>(
	items: readonly T[],
	ids: readonly string[],
	idOf: (item: T) => string,
	notFound: {readonly code: string; readonly noun: string},
): readonly T[] {
	if (ids.length === 0) {
		return items;
	}
	const missing = ids.filter((id) => !items.some((item) => idOf(item) === id));
	if (missing.length === 1) {
		throw new SimError(notFound.code, `The ${notFound.noun} ID '${missing[0]}' does not exist`);
	}
	if (missing.length > 1) {
		throw new SimError(
			notFound.code,
			`The ${notFound.noun} IDs '${missing.join(', ')}' do not exist`,
		);
	}
	return items.filter((item) => ids.includes(idOf(item)));
}

export function pageOfEc2<T>(
	items: readonly T[],
	params: Params,
	range: {readonly min: number; readonly max: number},
	idsGiven = false,
): Page<T> {
	const maxResults = params.integer('MaxResults', range);
	if (idsGiven && maxResults !== undefined) {
		throw new SimError(
			'InvalidParameterCombination',
			'The parameter MaxResults cannot be used together with resource IDs',
		);
	}
	return pageOf(
		items,
		params.string('NextToken'),
		maxResults,
		() => new SimError('InvalidPaginationToken', 'The specified pagination token is not valid'),
	);
}

export function shortHash(text: string, length: number): string {
	return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export function macAddressOf(networkInterfaceId: string): string {
	const hex = `0e${shortHash(networkInterfaceId, 10)}`;
	return hex.match(/../g)?.join(':') ?? hex;
}

export function privateDnsNameOf(world: World, address: string): string {
	const host = `ip-${address.replaceAll('.', '-')}`;
	return world.region === 'us-east-1'
		? `${host}.ec2.internal`
		: `${host}.${world.region}.compute.internal`;
}

export function publicDnsNameOf(world: World, address: string): string {
	const host = `ec2-${address.replaceAll('.', '-')}`;
	return world.region === 'us-east-1'
		? `${host}.compute-1.amazonaws.com`
		: `${host}.${world.region}.compute.amazonaws.com`;
}

export function groupSetOf(world: World, groupIds: readonly string[]) {
	return groupIds.map((groupId) => ({
		groupId,
		groupName: world.securityGroups.find((group) => group.groupId === groupId)?.groupName,
	}));
}

export function availabilityZoneIdOf(world: World, subnetId: string): string | undefined {
	return world.subnets.find((subnet) => subnet.subnetId === subnetId)?.availabilityZoneId;
}
