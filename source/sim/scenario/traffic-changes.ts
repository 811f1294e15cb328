// Timed changes of a scenario's model: AWS API calls (each changes the configuration from its
// moment on and leaves its CloudTrail record) and host changes (no AWS call, no record).
import {
	type ConfigState,
	changeAclEntry,
	changeGroupRules,
	changeHosts,
	changeTargetGroup,
	deregisterTargets,
	type Registration,
	registerTargets,
} from '../model/config-state.js';
import type {Change} from '../model/spec.js';
import type {TrailCall} from '../model/trail.js';
import type {LoadBalancer, TargetGroup} from '../world/types.js';
import {readActor} from './cloudtrail.js';
import {childPath, idPattern, type ObjectNode} from './reader.js';
import {readAclEntry, readRule} from './security.js';
import type {TrafficScope} from './traffic.js';
import {readHostSettings} from './traffic.js';
import {aclEntryParameters, groupRuleParameters} from './traffic-trail.js';

const calls = [
	'AuthorizeSecurityGroupIngress',
	'RevokeSecurityGroupIngress',
	'AuthorizeSecurityGroupEgress',
	'RevokeSecurityGroupEgress',
	'CreateNetworkAclEntry',
	'ReplaceNetworkAclEntry',
	'DeleteNetworkAclEntry',
	'RegisterTargets',
	'DeregisterTargets',
	'ModifyTargetGroup',
	'ModifyTargetGroupAttributes',
	'ModifyLoadBalancerAttributes',
	'SetSecurityGroups',
	'ModifyListener',
] as const;

type Effect = {
	readonly apply: (state: ConfigState, at: number) => ConfigState;
	readonly requestParameters: TrailCall['requestParameters'];
	readonly resources: TrailCall['resources'];
	readonly eventSource: string;
	readonly response?: TrailCall['responseElements'];
};

const elb = 'elasticloadbalancing.amazonaws.com';
const ec2 = 'ec2.amazonaws.com';
const ok: TrailCall['responseElements'] = (requestId) => ({requestId, _return: true});

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

function groupEffect(scope: TrafficScope, node: ObjectNode, call: string): Effect | undefined {
	const {reader} = scope;
	const groupId = reader.string(node, 'groupId', idPattern('sg'));
	if (
		groupId !== undefined &&
		!scope.world.securityGroups.some((group) => group.groupId === groupId)
	) {
		reader.report(childPath(node.path, 'groupId'), `unknown security group ${groupId}`);
	}
	const rules = reader.list(node, 'rules', (value, path) => readRule(scope, value, path), true);
	if (groupId === undefined) return undefined;
	const direction = call.endsWith('Egress') ? 'egress' : 'ingress';
	const add = call.startsWith('Authorize');
	return {
		apply: (state) => changeGroupRules(state, groupId, direction, rules, add),
		requestParameters: groupRuleParameters(groupId, rules),
		resources: [{resourceType: 'AWS::EC2::SecurityGroup', resourceName: groupId}],
		eventSource: ec2,
		response: ok,
	};
}

function aclEffect(scope: TrafficScope, node: ObjectNode, call: string): Effect | undefined {
	const {reader} = scope;
	const networkAclId = reader.string(node, 'networkAclId', idPattern('acl'));
	if (
		networkAclId !== undefined &&
		!scope.world.networkAcls.some((acl) => acl.networkAclId === networkAclId)
	) {
		reader.report(childPath(node.path, 'networkAclId'), `unknown network ACL ${networkAclId}`);
	}
	const resources =
		networkAclId === undefined
			? []
			: [{resourceType: 'AWS::EC2::NetworkAcl', resourceName: networkAclId}];
	if (call === 'DeleteNetworkAclEntry') {
		const ruleNumber = reader.number(node, 'ruleNumber', {integer: true, min: 1, max: 32_767});
		const egress = reader.optionalBoolean(node, 'egress') ?? false;
		if (networkAclId === undefined || ruleNumber === undefined) return undefined;
		return {
			apply: (state) => changeAclEntry(state, networkAclId, {ruleNumber, egress}, true),
			requestParameters: {networkAclId, ruleNumber, egress},
			resources,
			eventSource: ec2,
			response: ok,
		};
	}
	const entry = reader.has(node, 'entry')
		? readAclEntry(scope, node.fields.entry, childPath(node.path, 'entry'))
		: reader.report(childPath(node.path, 'entry'), 'is required');
	if (networkAclId === undefined || entry === undefined) return undefined;
	return {
		apply: (state) => changeAclEntry(state, networkAclId, entry, false),
		requestParameters: aclEntryParameters(networkAclId, entry),
		resources,
		eventSource: ec2,
		response: ok,
	};
}

function targetsEffect(scope: TrafficScope, node: ObjectNode, call: string): Effect | undefined {
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

function healthCheckEffect(scope: TrafficScope, node: ObjectNode): Effect | undefined {
	const {reader} = scope;
	const group = targetGroupNamed(scope, node);
	const check = reader.has(node, 'healthCheck')
		? reader.object(node.fields.healthCheck, childPath(node.path, 'healthCheck'), [
				'protocol',
				'port',
				'intervalSeconds',
				'timeoutSeconds',
				'healthyThresholdCount',
				'unhealthyThresholdCount',
			])
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

function attributesEffect(
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

function loadBalancerEffect(
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

function effectOf(
	scope: TrafficScope,
	node: ObjectNode,
	call: string,
	loadBalancer: LoadBalancer,
): Effect | undefined {
	if (call.includes('SecurityGroup') && call !== 'SetSecurityGroups')
		return groupEffect(scope, node, call);
	if (call.includes('NetworkAclEntry')) return aclEffect(scope, node, call);
	if (call.endsWith('Targets')) return targetsEffect(scope, node, call);
	if (call === 'ModifyTargetGroup') return healthCheckEffect(scope, node);
	if (call.endsWith('Attributes')) return attributesEffect(scope, node, call, loadBalancer);
	return loadBalancerEffect(scope, node, call, loadBalancer);
}

const changeFields = [
	'at',
	'call',
	'host',
	'user',
	'sourceIPAddress',
	'userAgent',
	'groupId',
	'rules',
	'networkAclId',
	'entry',
	'ruleNumber',
	'egress',
	'targetGroup',
	'targets',
	'healthCheck',
	'attributes',
	'securityGroups',
	'port',
	'requestParameters',
];

function readChange(
	scope: TrafficScope,
	value: unknown,
	path: string,
	loadBalancer: LoadBalancer,
): Change | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, changeFields);
	if (node === undefined) return undefined;
	const at = reader.has(node, 'at')
		? scope.when(node, 'at')
		: reader.report(childPath(path, 'at'), 'is required');
	if (reader.has(node, 'host') === reader.has(node, 'call')) {
		return reader.report(
			path,
			'needs exactly one of "call" (an AWS API call) or "host" (a change on the targets\' hosts)',
		);
	}
	if (reader.has(node, 'host')) {
		const settings = readHostSettings(scope, node.fields.host, childPath(path, 'host'));
		if (at === undefined || settings === undefined) return undefined;
		return {at, apply: (state) => changeHosts(state, settings.targets, settings.change)};
	}
	const call = reader.string(node, 'call');
	const readOnly = call !== undefined && /^(?:Describe|Get|List)/.test(call);
	if (call !== undefined && !readOnly && !calls.some((known) => known === call)) {
		reader.report(
			childPath(path, 'call'),
			`expected a read-only call (Describe*, Get*, List*) or one of ${calls.join(', ')}; got ${JSON.stringify(call)}`,
		);
	}
	const effect: Effect | undefined =
		call === undefined || readOnly
			? {
					apply: (state) => state,
					requestParameters: reader.optionalJson(node, 'requestParameters') ?? null,
					resources: [],
					eventSource: elb,
				}
			: effectOf(scope, node, call, loadBalancer);
	const sourceIPAddress = reader.optionalString(node, 'sourceIPAddress');
	const userAgent = reader.optionalString(node, 'userAgent');
	if (at === undefined || call === undefined || effect === undefined) return undefined;
	return {
		at,
		apply: (state) => effect.apply(state, at),
		trail: {
			eventName: call,
			eventSource: effect.eventSource,
			actor: readActor(scope, node),
			...(sourceIPAddress === undefined ? {} : {sourceIPAddress}),
			...(userAgent === undefined ? {} : {userAgent}),
			requestParameters: effect.requestParameters,
			...(effect.response === undefined ? {} : {responseElements: effect.response}),
			readOnly,
			resources: effect.resources,
		},
	};
}

export function readChanges(
	scope: TrafficScope,
	node: ObjectNode,
	loadBalancer: LoadBalancer,
): Change[] {
	return scope.reader.list(node, 'changes', (value, path) =>
		readChange(scope, value, path, loadBalancer),
	);
}
