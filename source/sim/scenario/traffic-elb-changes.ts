// Timed changes of Elastic Load Balancing resources in a scenario's model: target registration,
// health checks, attributes, the LB's security groups, listeners.
import {
	changeTargetGroup,
	deregisterTargets,
	type Registration,
	registerTargets,
} from '../model/config-state.js';
import type {LoadBalancer, TargetGroup} from '../world/types.js';
import {childPath, idPattern, type ObjectNode} from './reader.js';
import {healthCheckFields} from './target-groups.js';
import type {TrafficScope} from './traffic.js';
import {type Effect, elb} from './traffic-effect.js';

function targetGroupNamed(scope: TrafficScope, node: ObjectNode): TargetGroup | undefined {
	const name = scope.reader.string(node, 'targetGroup');
	if (name === undefined) return undefined;
	return (
		scope.world.targetGroups.find((group) => group.targetGroupName === name) ??
		scope.reader.report(
			childPath(node.path, 'targetGroup'),
			`unknown target group ${JSON.stringify(name)}`,
		)
	);
}

export function targetsEffect(
	scope: TrafficScope,
	node: ObjectNode,
	call: string,
): Effect | undefined {
	const {reader} = scope;
	const group = targetGroupNamed(scope, node);
	const targets = reader.list(
		node,
		'targets',
		(value, path) => {
			const item = reader.object(value, path, ['id', 'port', 'availabilityZone']);
			const id = item === undefined ? undefined : reader.string(item, 'id');
			if (item === undefined || id === undefined || group === undefined) return undefined;
			const port =
				reader.optionalNumber(item, 'port', {integer: true, min: 1, max: 65_535}) ?? group.port;
			const availabilityZone = reader.optionalString(item, 'availabilityZone');
			const registration: Registration = {
				targetGroupArn: group.targetGroupArn,
				id,
				port,
				...(availabilityZone === undefined ? {} : {availabilityZone}),
			};
			return registration;
		},
		true,
	);
	if (group === undefined) return undefined;
	const register = call === 'RegisterTargets';
	return {
		apply: (state, at) =>
			register ? registerTargets(state, targets, at) : deregisterTargets(state, targets, at),
		requestParameters: {
			targetGroupArn: group.targetGroupArn,
			targets: targets.map((target) => ({id: target.id, port: target.port})),
		},
		resources: [
			{
				resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
				resourceName: group.targetGroupArn,
			},
		],
		eventSource: elb,
	};
}

export function healthCheckEffect(scope: TrafficScope, node: ObjectNode): Effect | undefined {
	const {reader} = scope;
	const group = targetGroupNamed(scope, node);
	const check = reader.has(node, 'healthCheck')
		? reader.object(node.fields.healthCheck, childPath(node.path, 'healthCheck'), healthCheckFields)
		: reader.report(childPath(node.path, 'healthCheck'), 'is required');
	if (group === undefined || check === undefined) return undefined;
	const protocol = reader.optionalString(check, 'protocol', {oneOf: ['TCP', 'HTTP', 'HTTPS']});
	const port = reader.optionalString(check, 'port', {
		pattern: /^(?:traffic-port|\d{1,5})$/,
		patternHint: '"traffic-port" or a port number as a string',
	});
	const number = (key: string) =>
		reader.optionalNumber(check, key, {integer: true, min: 1, max: 300});
	const changes = {
		...(protocol === undefined ? {} : {protocol}),
		...(port === undefined ? {} : {port}),
		...Object.fromEntries(
			[
				'intervalSeconds',
				'timeoutSeconds',
				'healthyThresholdCount',
				'unhealthyThresholdCount',
			].flatMap((key) => {
				const value = number(key);
				return value === undefined ? [] : [[key, value]];
			}),
		),
	};
	// ModifyTargetGroup's own parameter names.
	const wireNames: Readonly<Record<string, string>> = {
		protocol: 'healthCheckProtocol',
		port: 'healthCheckPort',
		intervalSeconds: 'healthCheckIntervalSeconds',
		timeoutSeconds: 'healthCheckTimeoutSeconds',
		healthyThresholdCount: 'healthyThresholdCount',
		unhealthyThresholdCount: 'unhealthyThresholdCount',
	};
	return {
		apply: (state) =>
			changeTargetGroup(state, group.targetGroupArn, (current) => ({
				...current,
				healthCheck: {...current.healthCheck, ...changes},
			})),
		requestParameters: {
			targetGroupArn: group.targetGroupArn,
			...Object.fromEntries(
				Object.entries(changes).map(([key, value]) => [wireNames[key] ?? key, value]),
			),
		},
		resources: [
			{
				resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
				resourceName: group.targetGroupArn,
			},
		],
		eventSource: elb,
	};
}

export function attributesEffect(
	scope: TrafficScope,
	node: ObjectNode,
	call: string,
	loadBalancer: LoadBalancer,
): Effect | undefined {
	const attributes = Object.fromEntries(
		scope.reader.pairs(node, 'attributes').map((pair) => [pair.name, pair.value]),
	);
	const wire = Object.entries(attributes).map(([key, value]) => ({key, value}));
	if (call === 'ModifyLoadBalancerAttributes') {
		return {
			apply: (state) => ({
				...state,
				loadBalancer: {
					...state.loadBalancer,
					attributes: {...state.loadBalancer.attributes, ...attributes},
				},
			}),
			requestParameters: {loadBalancerArn: loadBalancer.loadBalancerArn, attributes: wire},
			resources: [
				{
					resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
					resourceName: loadBalancer.loadBalancerArn,
				},
			],
			eventSource: elb,
		};
	}
	const group = targetGroupNamed(scope, node);
	if (group === undefined) return undefined;
	return {
		apply: (state) =>
			changeTargetGroup(state, group.targetGroupArn, (current) => ({
				...current,
				attributes: {...current.attributes, ...attributes},
			})),
		requestParameters: {targetGroupArn: group.targetGroupArn, attributes: wire},
		resources: [
			{
				resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
				resourceName: group.targetGroupArn,
			},
		],
		eventSource: elb,
	};
}

export function loadBalancerEffect(
	scope: TrafficScope,
	node: ObjectNode,
	call: string,
	loadBalancer: LoadBalancer,
): Effect | undefined {
	const {reader} = scope;
	const resource = {
		resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
		resourceName: loadBalancer.loadBalancerArn,
	};
	if (call === 'SetSecurityGroups') {
		const groups = reader.stringList(node, 'securityGroups', idPattern('sg'));
		return {
			apply: (state) => ({...state, loadBalancer: {...state.loadBalancer, securityGroups: groups}}),
			requestParameters: {loadBalancerArn: loadBalancer.loadBalancerArn, securityGroups: groups},
			resources: [resource],
			eventSource: elb,
		};
	}
	const port = reader.number(node, 'port', {integer: true, min: 1, max: 65_535});
	const group = targetGroupNamed(scope, node);
	const listener = scope.world.listeners.find(
		(item) => item.loadBalancerArn === loadBalancer.loadBalancerArn && item.port === port,
	);
	if (port !== undefined && listener === undefined)
		reader.report(childPath(node.path, 'port'), `no listener on port ${port}`);
	if (listener === undefined || group === undefined) return undefined;
	const defaultActions = [{type: 'forward' as const, targetGroupArn: group.targetGroupArn}];
	return {
		apply: (state) => ({
			...state,
			listeners: state.listeners.map((item) =>
				item.listenerArn === listener.listenerArn ? {...item, defaultActions} : item,
			),
		}),
		requestParameters: {listenerArn: listener.listenerArn, defaultActions},
		resources: [
			{resourceType: 'AWS::ElasticLoadBalancingV2::Listener', resourceName: listener.listenerArn},
		],
		eventSource: elb,
	};
}
