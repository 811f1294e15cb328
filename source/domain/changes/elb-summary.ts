// Elastic Load Balancing (v2) API calls, summarized with the resource first and the new value after.
import {shortArn} from './arn.js';
import {summarizeParameters} from './generic-summary.js';
import {type JsonRecord, numberAt, recordAt, recordsAt, stringAt, stringsAt} from './json-value.js';

export function summarizeElb(
	name: string,
	parameters: JsonRecord | undefined,
	response: JsonRecord | undefined,
): string {
	const loadBalancer = arnAt(parameters, 'loadBalancerArn') ?? 'load balancer';
	const targetGroup = arnAt(parameters, 'targetGroupArn') ?? 'target group';
	const listener = arnAt(parameters, 'listenerArn');

	switch (name) {
		case 'CreateLoadBalancer': {
			return createdLoadBalancer(parameters, response);
		}

		case 'SetSecurityGroups': {
			return `${loadBalancer} security groups now ${listText(stringsAt(parameters, 'securityGroups'))}`;
		}

		case 'SetSubnets': {
			return `${loadBalancer} subnets now ${listText(subnetsOf(parameters))}`;
		}

		case 'ModifyLoadBalancerAttributes':
		case 'ModifyTargetGroupAttributes':
		case 'ModifyListenerAttributes': {
			const subject =
				arnAt(parameters, 'loadBalancerArn') ??
				arnAt(parameters, 'targetGroupArn') ??
				listener ??
				'resource';
			return `${subject}: ${attributesText(parameters)}`;
		}

		case 'RegisterTargets':
		case 'DeregisterTargets': {
			const verb = name === 'RegisterTargets' ? 'registered' : 'deregistered';
			return `${targetGroup}: ${verb} ${listText(targetsOf(parameters))}`;
		}

		case 'CreateListener':
		case 'ModifyListener': {
			return `${listener ?? loadBalancer}: ${listenerText(parameters)}`;
		}

		case 'CreateTargetGroup': {
			return createdTargetGroup(parameters);
		}

		default: {
			return deletedOrGeneric(name, parameters);
		}
	}
}

function deletedOrGeneric(name: string, parameters: JsonRecord | undefined): string {
	const subject =
		arnAt(parameters, 'loadBalancerArn') ??
		arnAt(parameters, 'listenerArn') ??
		arnAt(parameters, 'targetGroupArn') ??
		arnAt(parameters, 'ruleArn');
	if (name.startsWith('Delete') && subject !== undefined) {
		return `${subject} deleted`;
	}

	return summarizeParameters(parameters);
}

function createdLoadBalancer(
	parameters: JsonRecord | undefined,
	response: JsonRecord | undefined,
): string {
	const created = recordsAt(response, 'loadBalancers')[0];
	const type = stringAt(parameters, 'type') ?? stringAt(created, 'type') ?? 'application';
	const scheme = stringAt(parameters, 'scheme') ?? stringAt(created, 'scheme') ?? 'internet-facing';
	const groups = stringsAt(parameters, 'securityGroups');
	const base = `${stringAt(parameters, 'name') ?? '?'} (${scheme} ${type}) in ${listText(subnetsOf(parameters))}`;
	return groups.length > 0 ? `${base}; security groups ${groups.join(', ')}` : base;
}

function createdTargetGroup(parameters: JsonRecord | undefined): string {
	const protocol = stringAt(parameters, 'protocol') ?? '?';
	const port = numberAt(parameters, 'port');
	const type = stringAt(parameters, 'targetType') ?? 'instance';
	return `${stringAt(parameters, 'name') ?? '?'} ${protocol}${port === undefined ? '' : `:${port}`} (${type} targets)`;
}

function listenerText(parameters: JsonRecord | undefined): string {
	const port = numberAt(parameters, 'port');
	const protocol = stringAt(parameters, 'protocol');
	const groups = recordsAt(parameters, 'defaultActions').flatMap((action) => {
		const direct = stringAt(action, 'targetGroupArn');
		const weighted = recordsAt(recordAt(action, 'forwardConfig'), 'targetGroups').flatMap((group) =>
			optional(stringAt(group, 'targetGroupArn')),
		);
		return [...optional(direct), ...weighted].map((arn) => shortArn(arn));
	});
	const head = [port === undefined ? undefined : `port ${port}`, protocol].filter(
		(part) => part !== undefined,
	);
	const parts = [head.join(' '), groups.length > 0 ? `-> ${groups.join(', ')}` : ''];
	const text = parts.filter((part) => part !== '').join(' ');
	return text === '' ? summarizeParameters(parameters) : text;
}

function attributesText(parameters: JsonRecord | undefined): string {
	const pairs = recordsAt(parameters, 'attributes').map(
		(attribute) => `${stringAt(attribute, 'key') ?? '?'}=${stringAt(attribute, 'value') ?? ''}`,
	);
	return pairs.length > 0 ? pairs.join(', ') : 'no attributes given';
}

function targetsOf(parameters: JsonRecord | undefined): string[] {
	return recordsAt(parameters, 'targets').flatMap((target) => {
		const id = stringAt(target, 'id');
		const port = numberAt(target, 'port');
		return id === undefined ? [] : [port === undefined ? id : `${id}:${port}`];
	});
}

function subnetsOf(parameters: JsonRecord | undefined): string[] {
	const mapped = recordsAt(parameters, 'subnetMappings').flatMap((mapping) =>
		optional(stringAt(mapping, 'subnetId')),
	);
	return [...stringsAt(parameters, 'subnets'), ...mapped];
}

function arnAt(parameters: JsonRecord | undefined, key: string): string | undefined {
	const value = stringAt(parameters, key);
	return value === undefined ? undefined : shortArn(value);
}

function listText(items: readonly string[]): string {
	return items.length > 0 ? items.join(', ') : 'none';
}

function optional(value: string | undefined): string[] {
	return value === undefined ? [] : [value];
}
