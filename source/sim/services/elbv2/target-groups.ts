// ELBv2 listener and target group reads: DescribeListeners, DescribeTargetGroups,
// DescribeTargetGroupAttributes, DescribeTargetHealth.
import type {SimContext} from '../../context.js';
import {pageOf} from '../../protocol/paging.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {Listener, Target, TargetGroup, World} from '../../world/types.js';
import {
	invalidMarker,
	listenersNotFound,
	pageSizeRange,
	targetGroupsNotFound,
	validationError,
} from './errors.js';
import {findLoadBalancer} from './load-balancers.js';
import {attributesShape, listenerShape, targetGroupShape, targetHealthShape} from './shapes.js';

function findTargetGroup(world: World, arn: string): TargetGroup {
	const targetGroup = world.targetGroups.find((item) => item.targetGroupArn === arn);
	if (targetGroup === undefined) {
		throw targetGroupsNotFound();
	}
	return targetGroup;
}

function selectListeners(world: World, params: Params): readonly Listener[] {
	const loadBalancerArn = params.string('LoadBalancerArn');
	const listenerArns = params.strings('ListenerArns');
	if ((loadBalancerArn === undefined) === (listenerArns.length === 0)) {
		throw validationError('You must specify either listener ARNs or a load balancer ARN');
	}
	if (loadBalancerArn !== undefined) {
		findLoadBalancer(world, loadBalancerArn);
		return world.listeners.filter((item) => item.loadBalancerArn === loadBalancerArn);
	}
	const listeners = world.listeners.filter((item) => listenerArns.includes(item.listenerArn));
	if (listeners.length < new Set(listenerArns).size) {
		throw listenersNotFound();
	}
	return listeners;
}

export function describeListeners(params: Params, {world}: SimContext): WireStruct {
	const listeners = selectListeners(world, params);
	const page = pageOf(
		listeners,
		params.string('Marker'),
		params.integer('PageSize', pageSizeRange),
		invalidMarker,
	);
	return {Listeners: page.items.map(listenerShape), NextMarker: page.nextToken};
}

function selectTargetGroups(world: World, params: Params): readonly TargetGroup[] {
	const loadBalancerArn = params.string('LoadBalancerArn');
	const arns = params.strings('TargetGroupArns');
	const names = params.strings('Names');
	const criteria = [loadBalancerArn !== undefined, arns.length > 0, names.length > 0];
	if (criteria.filter(Boolean).length > 1) {
		throw validationError(
			'Only one of load balancer ARN, target group ARNs or target group names can be specified',
		);
	}
	if (loadBalancerArn !== undefined) {
		findLoadBalancer(world, loadBalancerArn);
		return world.targetGroups.filter((item) => item.loadBalancerArns.includes(loadBalancerArn));
	}
	if (arns.length > 0) {
		return arns.map((arn) => findTargetGroup(world, arn));
	}
	if (names.length > 0) {
		const found = world.targetGroups.filter((item) => names.includes(item.targetGroupName));
		if (found.length < new Set(names).size) {
			throw targetGroupsNotFound();
		}
		return found;
	}
	return world.targetGroups;
}

export function describeTargetGroups(params: Params, {world}: SimContext): WireStruct {
	const page = pageOf(
		selectTargetGroups(world, params),
		params.string('Marker'),
		params.integer('PageSize', pageSizeRange),
		invalidMarker,
	);
	return {TargetGroups: page.items.map(targetGroupShape), NextMarker: page.nextToken};
}

export function describeTargetGroupAttributes(params: Params, {world}: SimContext): WireStruct {
	const targetGroup = findTargetGroup(world, params.requiredString('TargetGroupArn'));
	return {Attributes: attributesShape(targetGroup.attributes)};
}

function unregistered(targetGroupArn: string, id: string, port: number): Target {
	return {
		targetGroupArn,
		id,
		port,
		health: {
			state: 'unused',
			reason: 'Target.NotRegistered',
			description: 'Target is not registered to the target group',
		},
	};
}

export function describeTargetHealth(params: Params, {world}: SimContext): WireStruct {
	const targetGroup = findTargetGroup(world, params.requiredString('TargetGroupArn'));
	const registered = world.targets.filter(
		(item) => item.targetGroupArn === targetGroup.targetGroupArn,
	);
	const requested = params.objects('Targets');
	const targets =
		requested.length === 0
			? registered
			: requested.map((entry) => {
					const id = entry.requiredString('Id');
					const port = entry.integer('Port');
					const match = registered.find(
						(item) => item.id === id && (port === undefined || item.port === port),
					);
					return match ?? unregistered(targetGroup.targetGroupArn, id, port ?? targetGroup.port);
				});
	return {
		TargetHealthDescriptions: targets.map((target) => targetHealthShape(targetGroup, target)),
	};
}
