// Scenario section `traffic`: a model of who connects to the load balancer and what changes when,
// from which the sim derives every flow record, datapoint and alarm state (source/sim/model).
// docs/scenario.md documents the fields.
import {everyPort, type HostBehaviour, type Span, type TrafficSpec} from '../model/spec.js';
import type {World} from '../world/types.js';
import {childPath, cidr, ipv4, type ObjectNode, type ScenarioScope} from './reader.js';
import {parseScenarioTime} from './time.js';
import {readChanges} from './traffic-changes.js';
import {readClients, readProbes} from './traffic-sources.js';

const trafficFields = [
	'seed',
	'loadBalancer',
	'start',
	'retention',
	'cycle',
	'clients',
	'probes',
	'resets',
	'lateRejects',
	'delivery',
	'hosts',
	'changes',
	'preservedBackendSource',
	'unknownServiceAccount',
];

/** How the section reads times: as times, or as offsets into the cycle when it has one. */
export type TrafficScope = ScenarioScope & {
	readonly world: World;
	readonly cyclic: boolean;
	/** A time field: a time, or (with a cycle) a duration into the cycle. */
	readonly when: (node: ObjectNode, key: string) => number | undefined;
	readonly duration: (node: ObjectNode, key: string) => number | undefined;
};

/** A duration: milliseconds, or text like "90s", "4m12s", "1.5h". */
export function parseDuration(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
	if (typeof value !== 'string' || !/^\d/.test(value.trim())) return undefined;
	return parseScenarioTime(`+${value.trim()}`, 0);
}

export function durationReader(scope: ScenarioScope) {
	return (node: ObjectNode, key: string): number | undefined => {
		const value = node.fields[key];
		if (value === undefined) return undefined;
		const parsed = parseDuration(value);
		return parsed === undefined
			? scope.reader.report(
					childPath(node.path, key),
					`expected a duration in ms or like "90s", "4m12s"; got ${JSON.stringify(value)}`,
				)
			: parsed;
	};
}

export function readSpan(
	scope: Pick<TrafficScope, 'reader' | 'duration'>,
	node: ObjectNode,
	key: string,
	fallback: Span,
	durations = false,
): Span {
	const {reader} = scope;
	if (!reader.has(node, key)) return fallback;
	const span = reader.object(node.fields[key], childPath(node.path, key), ['min', 'max']);
	if (span === undefined) return fallback;
	const read = (edge: 'min' | 'max') =>
		durations ? scope.duration(span, edge) : reader.optionalNumber(span, edge, {min: 0});
	const min = read('min') ?? fallback.min;
	const max = read('max') ?? Math.max(min, fallback.max);
	if (max < min) reader.report(childPath(span.path, 'max'), `must be at least min (${min})`);
	return {min, max: Math.max(min, max)};
}

function readHost(scope: TrafficScope, node: ObjectNode, base: HostBehaviour): HostBehaviour {
	const {reader} = scope;
	const listens = reader.has(node, 'listens')
		? reader.list(node, 'listens', (value, path) => {
				if (typeof value === 'number') {
					const port = reader.checkNumber(value, path, {integer: true, min: 1, max: 65_535});
					return port === undefined ? undefined : {port, protocol: 'any' as const};
				}
				const item = reader.object(value, path, ['port', 'protocol']);
				const port =
					item === undefined
						? undefined
						: reader.number(item, 'port', {integer: true, min: 1, max: 65_535});
				const protocol =
					item === undefined
						? 'any'
						: reader.choice(item, 'protocol', ['any', 'TCP', 'HTTP', 'HTTPS'], 'any');
				return port === undefined ? undefined : {port, protocol};
			})
		: base.listens;
	return {
		listens,
		drops: reader.has(node, 'drops') ? reader.stringList(node, 'drops', cidr) : base.drops,
		accepts: reader.has(node, 'accepts') ? reader.stringList(node, 'accepts', cidr) : base.accepts,
		resets: reader.optionalNumber(node, 'resets', {min: 0, max: 1}) ?? base.resets,
	};
}

/** Host settings: `targets` (instance ids or addresses) and what their hosts do. */
export function readHostSettings(scope: TrafficScope, value: unknown, path: string) {
	const {reader} = scope;
	const node = reader.object(value, path, ['targets', 'listens', 'drops', 'accepts', 'resets']);
	if (node === undefined) return undefined;
	const targets = reader.list(
		node,
		'targets',
		(item, itemPath) => {
			const id = reader.checkString(item, itemPath);
			const known =
				id !== undefined &&
				(scope.world.instances.some((instance) => instance.instanceId === id) ||
					(ipv4.pattern.test(id) && scope.world.targets.some((target) => target.id === id)));
			return id === undefined || known
				? id
				: reader.report(
						itemPath,
						`unknown target ${JSON.stringify(id)} (an instance id, or the address of an IP target)`,
					);
		},
		true,
	);
	return {
		targets,
		change: (base: HostBehaviour | undefined) => readHost(scope, node, base ?? everyPort),
	};
}

function readCycle(scope: ScenarioScope, root: ObjectNode) {
	const {reader} = scope;
	if (!reader.has(root, 'cycle')) return undefined;
	const node = reader.object(root.fields.cycle, 'traffic.cycle', ['every', 'start']);
	if (node === undefined) return undefined;
	const every = durationReader(scope)(node, 'every');
	if (every === undefined || every < 60_000) {
		reader.report('traffic.cycle.every', 'is required: a duration of at least a minute');
		return undefined;
	}
	return {every, origin: reader.optionalTime(node, 'start') ?? scope.now};
}

function findLoadBalancer(scope: ScenarioScope, node: ObjectNode, world: World) {
	const name = scope.reader.optionalString(node, 'loadBalancer');
	const networks = world.loadBalancers.filter((item) => item.type === 'network');
	if (name === undefined) {
		if (networks.length === 1) return networks[0];
		return scope.reader.report(
			'traffic.loadBalancer',
			`is required when the file has ${networks.length} network load balancers`,
		);
	}
	const found = networks.find((item) => item.loadBalancerName === name);
	return (
		found ??
		scope.reader.report(
			'traffic.loadBalancer',
			`no network load balancer named ${JSON.stringify(name)} (the model drives NLBs)`,
		)
	);
}

export function readTraffic(
	scope: ScenarioScope,
	root: ObjectNode,
	world: World,
): TrafficSpec | undefined {
	const {reader} = scope;
	if (!reader.has(root, 'traffic')) return undefined;
	const node = reader.object(root.fields.traffic, 'traffic', trafficFields);
	if (node === undefined) return undefined;
	const cycle = readCycle(scope, node);
	const duration = durationReader(scope);
	const traffic: TrafficScope = {
		...scope,
		world,
		cyclic: cycle !== undefined,
		duration,
		when: (item, key) =>
			cycle === undefined ? reader.optionalTime(item, key) : duration(item, key),
	};
	const loadBalancer = findLoadBalancer(scope, node, world);
	const hosts = new Map<string, HostBehaviour>();
	for (const settings of reader.list(node, 'hosts', (value, path) =>
		readHostSettings(traffic, value, path),
	)) {
		for (const id of settings.targets) hosts.set(id, settings.change(hosts.get(id)));
	}
	const resets = reader.has(node, 'resets')
		? reader.object(node.fields.resets, 'traffic.resets', ['client', 'elb', 'target'])
		: undefined;
	const share = (key: 'client' | 'elb' | 'target', fallback: number) =>
		resets === undefined
			? fallback
			: (reader.optionalNumber(resets, key, {min: 0, max: 1}) ?? fallback);
	const delivery = reader.has(node, 'delivery')
		? reader.object(node.fields.delivery, 'traffic.delivery', ['flowLogs', 'cloudTrail'])
		: undefined;
	const span = (key: string, fallback: Span) =>
		delivery === undefined ? fallback : readSpan(traffic, delivery, key, fallback, true);
	const retentionMs = duration(node, 'retention');
	const spec = {
		seed: reader.optionalNumber(node, 'seed', {integer: true}) ?? 1,
		historyStart:
			Math.floor((reader.optionalTime(node, 'start') ?? scope.now - 3 * 3_600_000) / 60_000) *
			60_000,
		...(retentionMs === undefined ? {} : {retentionMs}),
		clients: readClients(traffic, node),
		probes: readProbes(traffic, node),
		resets: {
			client: share('client', 0.01),
			elb: share('elb', 0.002),
			target: share('target', 0.003),
		},
		lateRejects: reader.optionalNumber(node, 'lateRejects', {min: 0, max: 1}) ?? 0,
		flowLogDelay: span('flowLogs', {min: 90_000, max: 180_000}),
		trailDelay: span('cloudTrail', {min: 120_000, max: 210_000}),
		hosts,
		defaultHost: everyPort,
		changes: loadBalancer === undefined ? [] : readChanges(traffic, node, loadBalancer),
		...(cycle === undefined ? {} : {cycle}),
		preservedBackendSource: reader.choice(
			node,
			'preservedBackendSource',
			['client', 'load-balancer'],
			'client',
		),
		unknownServiceAccount: reader.optionalBoolean(node, 'unknownServiceAccount') ?? true,
	};
	return loadBalancer === undefined
		? undefined
		: {...spec, loadBalancerArn: loadBalancer.loadBalancerArn};
}
