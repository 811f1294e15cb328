// Who sends traffic in a scenario's model: client populations (including unexpected heavy
// sources, which are populations active for a while) and probes from the internet.
import type {Active, ClientPopulation, ProbeSource} from '../model/spec.js';
import {childPath, cidr, type ObjectNode} from './reader.js';
import {readSpan, type TrafficScope} from './traffic.js';

const clientFields = [
	'name',
	'cidrs',
	'addresses',
	'skew',
	'connectionsPerMinute',
	'listeners',
	'zones',
	'durationMs',
	'longLived',
	'requestBytes',
	'responseBytes',
	'from',
	'until',
];

function readActive(scope: TrafficScope, node: ObjectNode): Active | undefined {
	const from = scope.when(node, 'from');
	const until = scope.when(node, 'until');
	if (from === undefined && until === undefined) return undefined;
	return {from: from ?? Number.NEGATIVE_INFINITY, until: until ?? Number.POSITIVE_INFINITY};
}

function readName(
	scope: TrafficScope,
	node: ObjectNode,
	taken: Set<string>,
	fallback: string,
): string {
	const name = scope.reader.optionalString(node, 'name') ?? fallback;
	if (taken.has(name))
		scope.reader.report(childPath(node.path, 'name'), `${JSON.stringify(name)} is used twice`);
	taken.add(name);
	return name;
}

function readListeners(scope: TrafficScope, node: ObjectNode): ClientPopulation['listeners'] {
	const {reader} = scope;
	if (!reader.has(node, 'listeners')) return undefined;
	return reader.pairs(node, 'listeners').flatMap(({name, value}) => {
		const port = Number(name);
		const weight = Number(value);
		if (!Number.isInteger(port) || port < 1 || port > 65_535 || !(weight >= 0)) {
			reader.report(
				childPath(childPath(node.path, 'listeners'), name),
				'expected a port and a weight, like {"80": 0.7, "443": 0.3}',
			);
			return [];
		}
		return [{port, weight}];
	});
}

function readClient(
	scope: TrafficScope,
	value: unknown,
	path: string,
	taken: Set<string>,
): ClientPopulation | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, clientFields);
	if (node === undefined) return undefined;
	const name = readName(scope, node, taken, `clients-${taken.size + 1}`);
	const cidrs = reader.stringList(node, 'cidrs', cidr);
	if (cidrs.length === 0)
		reader.report(childPath(path, 'cidrs'), 'needs at least one CIDR block the clients come from');
	// 1000 times the demo's busiest use is 120,000; far above it a minute would take minutes to build.
	const connectionsPerMinute = reader.number(node, 'connectionsPerMinute', {
		min: 0,
		max: 1_000_000,
	});
	const listeners = readListeners(scope, node);
	const zones = reader.has(node, 'zones') ? reader.stringList(node, 'zones') : undefined;
	const longLivedNode = reader.has(node, 'longLived')
		? reader.object(node.fields.longLived, childPath(path, 'longLived'), ['share', 'durationMs'])
		: undefined;
	const active = readActive(scope, node);
	if (connectionsPerMinute === undefined) return undefined;
	return {
		name,
		cidrs,
		addresses:
			reader.optionalNumber(node, 'addresses', {integer: true, min: 1, max: 1_000_000}) ?? 100,
		skew: reader.optionalNumber(node, 'skew', {min: 0, max: 4}) ?? 0.8,
		connectionsPerMinute,
		...(listeners === undefined ? {} : {listeners}),
		...(zones === undefined ? {} : {zones}),
		durationMs: readSpan(scope, node, 'durationMs', {min: 150, max: 6000}),
		longLived: {
			share:
				longLivedNode === undefined
					? 0.08
					: (reader.optionalNumber(longLivedNode, 'share', {min: 0, max: 1}) ?? 0.08),
			durationMs:
				longLivedNode === undefined
					? {min: 20_000, max: 110_000}
					: readSpan(scope, longLivedNode, 'durationMs', {min: 20_000, max: 110_000}),
		},
		requestBytes: readSpan(scope, node, 'requestBytes', {min: 250, max: 2400}),
		responseBytes: readSpan(scope, node, 'responseBytes', {min: 1500, max: 181_500}),
		...(active === undefined ? {} : {active}),
	};
}

export function readClients(scope: TrafficScope, node: ObjectNode): ClientPopulation[] {
	const taken = new Set<string>();
	const clients = scope.reader.list(node, 'clients', (value, path) =>
		readClient(scope, value, path, taken),
	);
	for (const client of clients) {
		// Connections are kept under two minutes so a window needs only the last three minutes' traffic.
		if (client.durationMs.max > 110_000 || client.longLived.durationMs.max > 110_000) {
			scope.reader.report(
				`traffic.clients (${client.name})`,
				'connection durations are at most 110000 ms in this model',
			);
		}
	}
	return clients;
}

function readProbe(
	scope: TrafficScope,
	value: unknown,
	path: string,
	taken: Set<string>,
): ProbeSource | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'name',
		'cidrs',
		'addresses',
		'ports',
		'randomPorts',
		'perMinute',
		'packets',
		'from',
		'until',
	]);
	if (node === undefined) return undefined;
	const name = readName(scope, node, taken, `probes-${taken.size + 1}`);
	const cidrs = reader.stringList(node, 'cidrs', cidr);
	if (cidrs.length === 0)
		reader.report(childPath(path, 'cidrs'), 'needs at least one CIDR block the probes come from');
	const ports = reader.list(node, 'ports', (item, itemPath) =>
		reader.checkNumber(item, itemPath, {integer: true, min: 1, max: 65_535}),
	);
	const randomNode = reader.has(node, 'randomPorts')
		? reader.object(node.fields.randomPorts, childPath(path, 'randomPorts'), [
				'share',
				'min',
				'max',
			])
		: undefined;
	const randomPorts =
		randomNode === undefined
			? undefined
			: {
					share: reader.optionalNumber(randomNode, 'share', {min: 0, max: 1}) ?? 1,
					range: {
						min:
							reader.optionalNumber(randomNode, 'min', {integer: true, min: 1, max: 65_535}) ?? 1,
						max:
							reader.optionalNumber(randomNode, 'max', {integer: true, min: 1, max: 65_535}) ??
							65_535,
					},
				};
	if (ports.length === 0 && randomPorts === undefined) {
		reader.report(childPath(path, 'ports'), 'needs ports to try (or randomPorts)');
	}
	const perMinute = reader.number(node, 'perMinute', {min: 0, max: 100_000});
	const active = readActive(scope, node);
	if (perMinute === undefined) return undefined;
	return {
		name,
		cidrs,
		addresses: reader.optionalNumber(node, 'addresses', {integer: true, min: 1}) ?? 50,
		ports,
		...(randomPorts === undefined ? {} : {randomPorts}),
		perMinute,
		packets: readSpan(scope, node, 'packets', {min: 1, max: 2}),
		...(active === undefined ? {} : {active}),
	};
}

export function readProbes(scope: TrafficScope, node: ObjectNode): ProbeSource[] {
	const taken = new Set<string>();
	return scope.reader.list(node, 'probes', (value, path) => readProbe(scope, value, path, taken));
}
