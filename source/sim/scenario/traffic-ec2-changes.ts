// Timed changes of EC2 resources in a scenario's model: security group rules and network ACL
// entries, with the request parameters their CloudTrail records carry.
import {changeAclEntry, changeGroupRules} from '../model/config-state.js';
import {childPath, idPattern, type ObjectNode} from './reader.js';
import {readAclEntry, readRule} from './security.js';
import type {TrafficScope} from './traffic.js';
import {type Effect, ec2, ok} from './traffic-effect.js';
import {aclEntryParameters, groupRuleParameters} from './traffic-trail.js';

export function groupEffect(
	scope: TrafficScope,
	node: ObjectNode,
	call: string,
): Effect | undefined {
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

export function aclEffect(scope: TrafficScope, node: ObjectNode, call: string): Effect | undefined {
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
