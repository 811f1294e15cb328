// Scenario section for target groups, their targets and health. Client IP preservation defaults
// follow the NLB documentation (aws-facts.md §3) unless the file sets the attribute.
import {targetGroupArn} from '../demo/aws-names.js';
import type {Instance, Target, TargetGroup, Vpc} from '../world/types.js';
import {derivedHexId, hexId} from './ids.js';
import {readTags, vpcIdFor} from './network.js';
import {childPath, ipv4, type ObjectNode, type ScenarioScope} from './reader.js';

export type TargetGroupDraft = Omit<TargetGroup, 'loadBalancerArns'> & {readonly targets: Target[]};

type Known = {readonly vpcs: readonly Vpc[]; readonly instances: readonly Instance[]};

const healthStates = [
	'initial',
	'healthy',
	'unhealthy',
	'unused',
	'draining',
	'unavailable',
] as const;
const nlbProtocols = new Set(['TCP', 'TLS', 'UDP', 'TCP_UDP']);

/** A target group's `healthCheck` fields (also what a ModifyTargetGroup change may set). */
export const healthCheckFields = [
	'protocol',
	'port',
	'intervalSeconds',
	'timeoutSeconds',
	'healthyThresholdCount',
	'unhealthyThresholdCount',
] as const;

/** On for instance targets and for UDP; off for IP targets over TCP/TLS. Only NLB groups have it. */
function defaultPreserveClientIp(protocol: string, targetType: string): Record<string, string> {
	if (!nlbProtocols.has(protocol)) {
		return {};
	}
	const on = targetType === 'instance' || protocol === 'UDP' || protocol === 'TCP_UDP';
	return {'preserve_client_ip.enabled': String(on)};
}

function readHealth(
	scope: ScenarioScope,
	value: unknown,
	path: string,
): Target['health'] | undefined {
	const {reader} = scope;
	if (typeof value === 'string') {
		const state = healthStates.find((item) => item === value);
		return state === undefined
			? reader.report(
					path,
					`expected one of ${healthStates.map((item) => JSON.stringify(item)).join(', ')}, got ${JSON.stringify(value)}`,
				)
			: {state};
	}
	const node = reader.object(value, path, ['state', 'reason', 'description']);
	if (node === undefined) {
		return undefined;
	}
	const state = reader.choice(node, 'state', healthStates, 'healthy');
	const reason = reader.optionalString(node, 'reason');
	const description = reader.optionalString(node, 'description');
	return {
		state,
		...(reason === undefined ? {} : {reason}),
		...(description === undefined ? {} : {description}),
	};
}

function readTarget(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	group: {arn: string; port: number; targetType: string},
	known: Known,
): Target | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, ['id', 'port', 'availabilityZone', 'health']);
	if (node === undefined) {
		return undefined;
	}
	const id = reader.string(node, 'id', group.targetType === 'ip' ? ipv4 : {});
	if (
		id !== undefined &&
		group.targetType === 'instance' &&
		!known.instances.some((instance) => instance.instanceId === id)
	) {
		reader.report(
			childPath(path, 'id'),
			`unknown instance ${JSON.stringify(id)} (declare it in instances)`,
		);
	}
	const port =
		reader.optionalNumber(node, 'port', {integer: true, min: 1, max: 65_535}) ?? group.port;
	const availabilityZone = reader.optionalString(node, 'availabilityZone');
	const health = reader.has(node, 'health')
		? readHealth(scope, node.fields.health, childPath(path, 'health'))
		: {state: 'healthy' as const};
	if (id === undefined || health === undefined) {
		return undefined;
	}
	return {
		targetGroupArn: group.arn,
		id,
		port,
		...(availabilityZone === undefined ? {} : {availabilityZone}),
		health,
	};
}

function readHealthCheck(
	scope: ScenarioScope,
	node: ObjectNode,
	protocol: string,
): TargetGroup['healthCheck'] {
	const {reader} = scope;
	const defaultProtocol = nlbProtocols.has(protocol)
		? 'TCP'
		: protocol === 'HTTPS'
			? 'HTTPS'
			: 'HTTP';
	const check = reader.has(node, 'healthCheck')
		? reader.object(node.fields.healthCheck, childPath(node.path, 'healthCheck'), healthCheckFields)
		: undefined;
	const read = (key: string, fallback: number, max: number) =>
		check === undefined
			? fallback
			: (reader.optionalNumber(check, key, {integer: true, min: 1, max}) ?? fallback);
	return {
		protocol:
			(check === undefined
				? undefined
				: reader.optionalString(check, 'protocol', {oneOf: ['TCP', 'HTTP', 'HTTPS']})) ??
			defaultProtocol,
		port:
			(check === undefined
				? undefined
				: reader.optionalString(check, 'port', {
						pattern: /^(?:traffic-port|\d{1,5})$/,
						patternHint: '"traffic-port" or a port number as a string',
					})) ?? 'traffic-port',
		intervalSeconds: read('intervalSeconds', 30, 300),
		timeoutSeconds: read('timeoutSeconds', 10, 120),
		healthyThresholdCount: read('healthyThresholdCount', 5, 10),
		unhealthyThresholdCount: read('unhealthyThresholdCount', 2, 10),
	};
}

function readTargetGroup(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: Known,
): TargetGroupDraft | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'name',
		'id',
		'protocol',
		'port',
		'targetType',
		'vpcId',
		'healthCheck',
		'attributes',
		'tags',
		'targets',
	]);
	if (node === undefined) {
		return undefined;
	}
	const name = reader.string(node, 'name', {
		pattern: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/,
		patternHint: 'a name of 1-32 letters, digits and inner hyphens',
	});
	const id = reader.optionalString(node, 'id', hexId) ?? derivedHexId('targetgroup', name ?? path);
	const protocol = reader.choice(
		node,
		'protocol',
		['TCP', 'TLS', 'UDP', 'TCP_UDP', 'HTTP', 'HTTPS', 'GENEVE'],
		'TCP',
	);
	const port = reader.number(node, 'port', {integer: true, min: 1, max: 65_535});
	const targetType = reader.choice(
		node,
		'targetType',
		['instance', 'ip', 'lambda', 'alb'],
		'instance',
	);
	const vpcId = vpcIdFor(scope, node, known.vpcs);
	const healthCheck = readHealthCheck(scope, node, protocol);
	const attributes = {
		...defaultPreserveClientIp(protocol, targetType),
		...Object.fromEntries(reader.pairs(node, 'attributes').map((pair) => [pair.name, pair.value])),
	};
	const tags = readTags(scope, node);
	if (name === undefined || port === undefined || vpcId === undefined) {
		return undefined;
	}
	const arn = targetGroupArn(scope.region, scope.accountId, name, id);
	const targets = reader.list(node, 'targets', (item, itemPath) =>
		readTarget(scope, item, itemPath, {arn, port, targetType}, known),
	);
	return {
		targetGroupArn: arn,
		targetGroupName: name,
		protocol,
		port,
		vpcId,
		targetType,
		healthCheck,
		attributes,
		tags,
		targets,
	};
}

export function readTargetGroups(
	scope: ScenarioScope,
	root: ObjectNode,
	known: Known,
): TargetGroupDraft[] {
	return scope.reader.list(root, 'targetGroups', (value, path) =>
		readTargetGroup(scope, value, path, known),
	);
}
