// Timed changes of a scenario's model: AWS API calls (each changes the configuration from its
// moment on and leaves its CloudTrail record) and host changes (no AWS call, no record).
import {changeHosts} from '../model/config-state.js';
import type {Change} from '../model/spec.js';
import type {LoadBalancer} from '../world/types.js';
import {readActor} from './cloudtrail.js';
import {childPath, type ObjectNode} from './reader.js';
import type {TrafficScope} from './traffic.js';
import {readHostSettings} from './traffic.js';
import {aclEffect, groupEffect} from './traffic-ec2-changes.js';
import {type Effect, elb} from './traffic-effect.js';
import {
	attributesEffect,
	healthCheckEffect,
	loadBalancerEffect,
	targetsEffect,
} from './traffic-elb-changes.js';

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
