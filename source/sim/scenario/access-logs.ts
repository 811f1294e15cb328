// Scenario section `accessLogs`: a load balancer's access logs to S3. Each entry turns them on in
// the LB's attributes (access_logs.s3.*), names the bucket (created when the file has none) and
// optionally the Glue table over them, and says what the logs show beyond the world's metrics:
// which targets answer the failing requests (`targets[].failureWeight`), and for an NLB's TLS
// listener the handshake time, the share of clients on TLS 1.0 and the share that fail with an
// alert. The ALB's requests follow the world's RequestCount, 5XX counts and TargetResponseTime.
import {
	type AccessLogFeed,
	defaultAccessLogDelay,
	type LoggedLine,
} from '../delivery/access-log-delivery.js';
import {albLine, nlbLine} from '../delivery/access-log-lines.js';
import {accessLogTable} from '../delivery/access-log-table.js';
import {type AlbTarget, albMinute, metricIndex} from '../delivery/alb-requests.js';
import {type TlsListenerSpec, tlsMinute} from '../delivery/nlb-connections.js';
import {hashSeed} from '../demo/prng.js';
import type {DataLake, GlueTable, World} from '../world/types.js';
import {childPath, type ObjectNode, type ScenarioScope} from './reader.js';
import {durationReader, readSpan} from './traffic.js';

export type AccessLogsSection = {
	readonly feeds: readonly AccessLogFeed[];
	readonly tables: readonly GlueTable[];
};

const entryFields = [
	'loadBalancer',
	'bucket',
	'prefix',
	'glueTable',
	'targets',
	'tls',
	'seed',
	'delivery',
];

/** Reads the section into `world` (attributes, buckets, tables); the feeds deliver the files. */
export function readAccessLogs(
	scope: ScenarioScope,
	root: ObjectNode,
	world: World,
): AccessLogsSection {
	const {reader} = scope;
	const index = metricIndex(world.metrics);
	const feeds: AccessLogFeed[] = [];
	const tables: GlueTable[] = [];
	reader.list(root, 'accessLogs', (value, path) => {
		const node = reader.object(value, path, entryFields);
		if (node === undefined) return undefined;
		const name = reader.string(node, 'loadBalancer');
		const lb = world.loadBalancers.find((item) => item.loadBalancerName === name);
		if (lb === undefined || lb.type === 'gateway') {
			return reader.report(childPath(path, 'loadBalancer'), 'names no ALB or NLB of the file');
		}
		const bucketName = reader.string(node, 'bucket', {
			pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
			patternHint: 'a bucket name (3-63 lower-case letters, digits, dots, hyphens)',
		});
		const prefix = (reader.optionalString(node, 'prefix') ?? '').replace(/^\/+|\/+$/g, '');
		const seed = reader.optionalNumber(node, 'seed', {integer: true}) ?? 1;
		const delay = readSpan(
			{reader, duration: durationReader(scope)},
			node,
			'delivery',
			defaultAccessLogDelay,
			true,
		);
		if (bucketName === undefined) return undefined;
		lb.attributes = {
			...lb.attributes,
			'access_logs.s3.enabled': 'true',
			'access_logs.s3.bucket': bucketName,
			'access_logs.s3.prefix': prefix,
		};
		const lake = dataLakeOf(world);
		let bucket = lake.buckets.find((item) => item.name === bucketName);
		if (bucket === undefined) {
			bucket = {name: bucketName, creationDate: scope.now - 90 * 86_400_000, objects: []};
			lake.buckets.push(bucket);
		}
		const [, , , , , resource = ''] = lb.loadBalancerArn.split(':');
		const [, lbName = '', id = ''] = resource.replace(/^loadbalancer\//, '').split('/');
		const elb = resource.replace(/^loadbalancer\//, '');
		const keyPrefix = prefix === '' ? '' : `${prefix}/`;
		const table = readTable(scope, node, path);
		if (table !== undefined) {
			tables.push(
				accessLogTable({
					...table,
					type: lb.type,
					bucket: bucketName,
					prefix: keyPrefix,
					accountId: world.accountId,
					region: world.region,
					createTime: scope.now - 30 * 86_400_000,
				}),
			);
		}
		const nodes = lbNodes(world, elb);
		const minute =
			lb.type === 'application'
				? albFeed(world, node, path, scope, {elb, nodes, seed, index, arn: lb.loadBalancerArn})
				: nlbFeed(world, node, path, scope, {elb, nodes, seed, index, arn: lb.loadBalancerArn});
		if (minute === undefined) return undefined;
		feeds.push({
			bucket,
			prefix: keyPrefix,
			account: world.accountId,
			region: world.region,
			type: lb.type,
			name: lbName,
			id,
			seed,
			delay,
			minute,
		});
		return undefined;
	});
	const lake = world.dataLake;
	if (lake !== undefined && tables.length > 0) {
		lake.glueTables.push(...tables);
		for (const database of new Set(tables.map((table) => table.databaseName))) {
			if (!lake.glueDatabases.some((item) => item.name === database)) {
				lake.glueDatabases.push({name: database, createTime: scope.now - 30 * 86_400_000});
			}
		}
	}
	return {feeds, tables};
}

function dataLakeOf(world: World): DataLake {
	world.dataLake ??= {
		buckets: [],
		glueDatabases: [],
		glueTables: [],
		athenaWorkGroups: [{name: 'primary', managedQueryResults: true}],
	};
	return world.dataLake;
}

function readTable(scope: ScenarioScope, node: ObjectNode, path: string) {
	const {reader} = scope;
	if (!reader.has(node, 'glueTable')) return undefined;
	const table = reader.object(node.fields.glueTable, childPath(path, 'glueTable'), [
		'database',
		'name',
	]);
	if (table === undefined) return undefined;
	const naming = {
		pattern: /^[a-z0-9_]{1,128}$/,
		patternHint: 'lower-case letters, digits and underscores',
	};
	const database = reader.string(table, 'database', naming);
	const name = reader.string(table, 'name', naming);
	return database === undefined || name === undefined ? undefined : {databaseName: database, name};
}

/** The LB's nodes: its interfaces in each zone, by their description `ELB <type>/<name>/<id>`. */
function lbNodes(world: World, elb: string): {zone: string; ip: string}[] {
	return world.networkInterfaces
		.filter((item) => item.description === `ELB ${elb}`)
		.map((item) => ({zone: item.availabilityZone, ip: item.privateIpAddress}));
}

type FeedContext = {
	readonly elb: string;
	readonly arn: string;
	readonly nodes: readonly {zone: string; ip: string}[];
	readonly seed: number;
	readonly index: ReturnType<typeof metricIndex>;
};

function albFeed(
	world: World,
	node: ObjectNode,
	path: string,
	scope: ScenarioScope,
	context: FeedContext,
) {
	const {reader} = scope;
	const weights = new Map<string, number>();
	reader.list(node, 'targets', (value, itemPath) => {
		const item = reader.object(value, itemPath, ['id', 'failureWeight']);
		if (item === undefined) return undefined;
		const id = reader.string(item, 'id');
		const weight = reader.number(item, 'failureWeight', {min: 0});
		if (id !== undefined && weight !== undefined) weights.set(id, weight);
		return undefined;
	});
	const groups = new Set(
		world.listeners
			.filter((listener) => listener.loadBalancerArn === context.arn)
			.flatMap((listener) => listener.defaultActions.map((action) => action.targetGroupArn)),
	);
	const targets: AlbTarget[] = world.targets
		.filter((target) => groups.has(target.targetGroupArn))
		.map((target) => {
			const instance = world.instances.find((item) => item.instanceId === target.id);
			return {
				endpoint: `${instance?.privateIpAddress ?? target.id}:${target.port}`,
				targetGroupArn: target.targetGroupArn,
				failureWeight: weights.get(target.id) ?? 1,
			};
		});
	for (const id of weights.keys()) {
		if (!world.targets.some((target) => target.id === id && groups.has(target.targetGroupArn))) {
			reader.report(childPath(path, 'targets'), `${id} is no target of the load balancer`);
		}
	}
	const host =
		world.loadBalancers.find((lb) => lb.loadBalancerArn === context.arn)?.dnsName ?? 'example.com';
	const spec = {elb: context.elb, host, nodes: context.nodes, targets, seed: context.seed};
	return (minute: number): LoggedLine[] =>
		albMinute(spec, context.index, minute).map(({node: lbNode, request}) => ({
			node: lbNode.ip,
			line: albLine(request),
		}));
}

function nlbFeed(
	world: World,
	node: ObjectNode,
	path: string,
	scope: ScenarioScope,
	context: FeedContext,
) {
	const {reader} = scope;
	const tls = reader.object(node.fields.tls, childPath(path, 'tls'), [
		'listenerPort',
		'perMinute',
		'handshakeMs',
		'oldTlsShare',
		'failingShare',
		'alert',
		'sni',
	]);
	if (tls === undefined) return undefined;
	const port = reader.number(tls, 'listenerPort', {integer: true, min: 1, max: 65_535});
	const listener = world.listeners.find(
		(item) => item.loadBalancerArn === context.arn && item.port === port,
	);
	if (listener === undefined || listener.protocol !== 'TLS') {
		return reader.report(
			childPath(path, 'tls.listenerPort'),
			'names no TLS listener of the load balancer',
		);
	}
	const spec: TlsListenerSpec = {
		elb: context.elb,
		listener: listener.listenerArn.split('/').at(-1) ?? '-',
		destinations: context.nodes.map((lbNode) => `${lbNode.ip}:${listener.port}`),
		certArn:
			listener.certificates?.[0]?.certificateArn ??
			`arn:aws:acm:${world.region}:${world.accountId}:certificate/${hashSeed(context.seed, 'cert').toString(16)}`,
		perMinute: reader.optionalNumber(tls, 'perMinute', {min: 0}) ?? 30,
		handshakeMs: reader.optionalNumber(tls, 'handshakeMs', {min: 0}) ?? 8,
		oldTlsShare: reader.optionalNumber(tls, 'oldTlsShare', {min: 0, max: 1}) ?? 0,
		failingShare: reader.optionalNumber(tls, 'failingShare', {min: 0, max: 1}) ?? 0,
		alert: reader.optionalNumber(tls, 'alert', {integer: true, min: 0, max: 255}) ?? 48,
		sni: reader.has(tls, 'sni') ? reader.stringList(tls, 'sni') : [],
		seed: context.seed,
	};
	const byDestination = new Map(
		context.nodes.map((lbNode) => [`${lbNode.ip}:${listener.port}`, lbNode.ip]),
	);
	return (minute: number): LoggedLine[] =>
		tlsMinute(spec, context.index, minute).map(({destination, connection}) => ({
			node: byDestination.get(destination) ?? destination,
			line: nlbLine(connection),
		}));
}
