// ELBv2 load balancer reads: DescribeLoadBalancers, DescribeLoadBalancerAttributes, DescribeTags.
import type {SimContext} from '../../context.js';
import {pageOf} from '../../protocol/paging.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {LoadBalancer, Tag, World} from '../../world/types.js';
import {
	invalidMarker,
	listenersNotFound,
	loadBalancersNotFound,
	pageSizeRange,
	targetGroupsNotFound,
	validationError,
} from './errors.js';
import {attributesShape, loadBalancerShape, tagsShape} from './shapes.js';

export function findLoadBalancer(world: World, arn: string): LoadBalancer {
	const loadBalancer = world.loadBalancers.find((item) => item.loadBalancerArn === arn);
	if (loadBalancer === undefined) {
		throw loadBalancersNotFound();
	}
	return loadBalancer;
}

function selectLoadBalancers(world: World, params: Params): readonly LoadBalancer[] {
	const names = params.strings('Names');
	const arns = params.strings('LoadBalancerArns');
	if (names.length > 0 && arns.length > 0) {
		throw validationError(
			'Load balancer names and load balancer ARNs cannot be specified at the same time',
		);
	}
	if (names.length > 0) {
		const missing = names.filter(
			(name) => !world.loadBalancers.some((item) => item.loadBalancerName === name),
		);
		if (missing.length > 0) {
			throw loadBalancersNotFound(missing);
		}
		return world.loadBalancers.filter((item) => names.includes(item.loadBalancerName));
	}
	if (arns.length > 0) {
		return arns.map((arn) => findLoadBalancer(world, arn));
	}
	return world.loadBalancers;
}

export function describeLoadBalancers(params: Params, {world}: SimContext): WireStruct {
	const selected = selectLoadBalancers(world, params);
	const page = pageOf(
		selected,
		params.string('Marker'),
		params.integer('PageSize', pageSizeRange),
		invalidMarker,
	);
	return {
		LoadBalancers: page.items.map((item) => loadBalancerShape(world, item)),
		NextMarker: page.nextToken,
	};
}

export function describeLoadBalancerAttributes(params: Params, {world}: SimContext): WireStruct {
	const loadBalancer = findLoadBalancer(world, params.requiredString('LoadBalancerArn'));
	return {Attributes: attributesShape(loadBalancer.attributes)};
}

function tagsOf(world: World, arn: string): readonly Tag[] {
	if (arn.includes(':loadbalancer/')) {
		return findLoadBalancer(world, arn).tags;
	}
	if (arn.includes(':targetgroup/')) {
		const targetGroup = world.targetGroups.find((item) => item.targetGroupArn === arn);
		if (targetGroup === undefined) {
			throw targetGroupsNotFound();
		}
		return targetGroup.tags;
	}
	if (arn.includes(':listener/')) {
		if (!world.listeners.some((item) => item.listenerArn === arn)) {
			throw listenersNotFound();
		}
		// The world model keeps no listener tags.
		return [];
	}
	throw validationError(`'${arn}' is not a valid resource ARN`);
}

export function describeTags(params: Params, {world}: SimContext): WireStruct {
	const arns = params.strings('ResourceArns');
	if (arns.length === 0) {
		throw params.missing('ResourceArns');
	}
	if (arns.length > 20) {
		throw validationError('You can specify up to 20 resource ARNs');
	}
	return {
		TagDescriptions: arns.map((arn) => ({ResourceArn: arn, Tags: tagsShape(tagsOf(world, arn))})),
	};
}
