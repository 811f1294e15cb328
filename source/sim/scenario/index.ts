// Scenario files: a JSON description of a world (network, load balancers, flow logs, and static
// telemetry) that the sim serves as if it were an AWS account. docs/scenario.md documents the
// format. Problems are reported as a ScenarioError listing every bad field by its path.
import {readFile} from 'node:fs/promises';
import {deliverAccessLogs} from '../delivery/access-log-delivery.js';
import {deliverModelToS3} from '../delivery/model-s3.js';
import {
	defaultAccountId,
	defaultIdentityArn,
	defaultRegion,
	defaultUserId,
} from '../demo/aws-names.js';
import type {TrafficSpec} from '../model/spec.js';
import {attachTrafficModel, type WorldModel, type WorldModelOptions} from '../model/world-model.js';
import type {World} from '../world/types.js';
import {type AccessLogsSection, readAccessLogs} from './access-logs.js';
import {readCloudTrailEvents} from './cloudtrail.js';
import {readDataLake} from './data-lake.js';
import {readLoadBalancers} from './elb.js';
import {readFlowLogs} from './flow-logs.js';
import {readInstancesAndInterfaces} from './interfaces.js';
import {readLogGroups} from './logs.js';
import {readAlarms, readMetrics} from './metrics.js';
import {readSubnets, readVpcs} from './network.js';
import {ScenarioError, ScenarioReader, type ScenarioScope} from './reader.js';
import {readNetworkAcls, readSecurityGroups} from './security.js';
import {readTargetGroups} from './target-groups.js';
import {readTraffic} from './traffic.js';

export {ScenarioError} from './reader.js';

export type ScenarioOptions = {
	/** Load time (Unix ms): relative times in the file ("-5m") count from here. */
	readonly now: number;
	/** Named in error messages, e.g. the file path. */
	readonly source?: string;
};

const topLevelFields = [
	'$schema',
	'version',
	'description',
	'accountId',
	'region',
	'identity',
	'vpcs',
	'subnets',
	'securityGroups',
	'networkAcls',
	'instances',
	'networkInterfaces',
	'loadBalancers',
	'targetGroups',
	'flowLogs',
	'logGroups',
	'metrics',
	'alarms',
	'cloudTrailEvents',
	's3Buckets',
	'glueTables',
	'athenaWorkGroups',
	'traffic',
	'accessLogs',
];

function readIdentity(
	scope: ScenarioScope,
	root: NonNullable<ReturnType<ScenarioReader['object']>>,
): World['identity'] {
	const {reader, accountId} = scope;
	const fallback = {account: accountId, arn: defaultIdentityArn(accountId), userId: defaultUserId};
	if (!reader.has(root, 'identity')) {
		return fallback;
	}
	const node = reader.object(root.fields.identity, 'identity', ['arn', 'userId']);
	if (node === undefined) {
		return fallback;
	}
	return {
		account: accountId,
		arn:
			reader.optionalString(node, 'arn', {
				pattern: /^arn:aws:(?:iam|sts)::\d{12}:.+$/,
				patternHint: 'an IAM or STS ARN',
			}) ?? fallback.arn,
		userId: reader.optionalString(node, 'userId') ?? fallback.userId,
	};
}

export type LoadedScenario = {
	readonly world: World;
	/** The file's traffic model, if it has one: the world is then driven by it (see loadScenarioModel). */
	readonly traffic?: TrafficSpec;
	/** The access logs the file turns on, delivered as ELB delivers them. */
	readonly accessLogs?: AccessLogsSection;
};

/** Builds a world from a parsed scenario; throws ScenarioError (never anything else) when it is invalid. */
export function readScenario(json: unknown, options: ScenarioOptions): LoadedScenario {
	const reader = new ScenarioReader(options.now);
	const root = reader.object(json, '', topLevelFields);
	if (root === undefined) {
		throw new ScenarioError(reader.issues, options.source);
	}
	const version = reader.optionalNumber(root, 'version');
	if (version !== undefined && version !== 1) {
		reader.report('version', `this sim reads version 1, got ${version}`);
	}
	reader.optionalString(root, 'description');
	reader.optionalString(root, '$schema');
	const accountId =
		reader.optionalString(root, 'accountId', {
			pattern: /^\d{12}$/,
			patternHint: 'a 12-digit account id',
		}) ?? defaultAccountId;
	const region =
		reader.optionalString(root, 'region', {
			pattern: /^[a-z]{2}(?:-[a-z]+)+-\d$/,
			patternHint: 'a region like "us-east-1"',
		}) ?? defaultRegion;
	const scope: ScenarioScope = {reader, accountId, region, now: options.now};

	const vpcs = readVpcs(scope, root);
	const subnets = readSubnets(scope, root, vpcs);
	const securityGroups = readSecurityGroups(scope, root, vpcs);
	const networkAcls = readNetworkAcls(scope, root, vpcs, subnets);
	const {instances, networkInterfaces} = readInstancesAndInterfaces(scope, root, {
		subnets,
		securityGroups,
	});
	const drafts = readTargetGroups(scope, root, {vpcs, instances});
	const elb = readLoadBalancers(scope, root, {
		vpcs,
		subnets,
		securityGroups,
		instances,
		targetGroups: drafts,
	});
	const allInterfaces = [...networkInterfaces, ...elb.networkInterfaces];
	const flowLogs = readFlowLogs(scope, root, {vpcs, subnets, networkInterfaces: allInterfaces});
	const logGroups = readLogGroups(
		scope,
		root,
		{vpcs, subnets, networkInterfaces: allInterfaces},
		flowLogs,
	);
	const dataLake = readDataLake(scope, root, flowLogs, {
		vpcs,
		subnets,
		networkInterfaces: allInterfaces,
	});
	const metrics = readMetrics(scope, root);
	const alarms = readAlarms(scope, root, metrics);
	const cloudTrailEvents = readCloudTrailEvents(scope, root);
	const identity = readIdentity(scope, root);
	const world: World = {
		region,
		accountId,
		identity,
		vpcs,
		subnets,
		securityGroups,
		networkAcls,
		instances,
		networkInterfaces: allInterfaces,
		loadBalancers: elb.loadBalancers,
		listeners: elb.listeners,
		targetGroups: drafts.map(({targets: _targets, ...group}) => ({
			...group,
			loadBalancerArns: elb.targetGroupUsers.get(group.targetGroupArn) ?? [],
		})),
		targets: drafts.flatMap((group) => group.targets),
		flowLogs,
		logGroups,
		metrics,
		alarms,
		cloudTrailEvents,
		...(dataLake === undefined ? {} : {dataLake}),
	};
	const accessLogs = readAccessLogs(scope, root, world);
	const traffic = readTraffic(scope, root, world);
	if (reader.issues.length > 0) {
		throw new ScenarioError(reader.issues, options.source);
	}
	return {world, accessLogs, ...(traffic === undefined ? {} : {traffic})};
}

export type ScenarioModel = {
	readonly world: World;
	/** Brings a modelled world to the clock; does nothing for a static one. */
	readonly advanceTo: (now: number) => void;
	/** The model itself, for a world with a traffic section. */
	readonly model?: WorldModel;
};

/** How far back a static world's access logs reach (its metrics cover less). */
const staticAccessLogHistoryMs = 60 * 60_000;

/** A scenario's world, driven by its traffic model when it has one. */
export function loadScenarioModel(
	json: unknown,
	options: ScenarioOptions & WorldModelOptions,
): ScenarioModel {
	const {world, traffic, accessLogs} = readScenario(json, options);
	const logs = deliverAccessLogs(accessLogs?.feeds ?? [], {
		from: options.now - staticAccessLogHistoryMs,
		...(traffic?.retentionMs === undefined ? {} : {retentionMs: traffic.retentionMs}),
	});
	if (traffic === undefined) {
		// A static world's files, up to the interval under way, each visible from its delivery.
		logs.deliverThrough(Math.ceil(options.now / 300_000) * 300_000);
		return {world, advanceTo: () => undefined};
	}
	const model = attachTrafficModel(world, traffic, options.now, options);
	const s3 = deliverModelToS3(world, model, {
		seed: traffic.seed,
		from: traffic.historyStart,
		...(traffic.retentionMs === undefined ? {} : {retentionMs: traffic.retentionMs}),
	});
	s3.advanceTo(options.now);
	logs.advanceTo(options.now);
	const advanceTo = (now: number) => {
		model.advanceTo(now);
		s3.advanceTo(now);
		logs.advanceTo(now);
	};
	return {world, advanceTo, model};
}

/** The world of a scenario, as of load time. */
export function loadScenario(json: unknown, options: ScenarioOptions): World {
	return loadScenarioModel(json, options).world;
}

function jsonErrorLocation(text: string, message: string): string {
	const position = /position (\d+)/.exec(message)?.[1];
	if (position === undefined) {
		return '';
	}
	const before = text.slice(0, Number(position));
	const line = before.split('\n').length;
	const column = Number(position) - before.lastIndexOf('\n');
	return ` (line ${line}, column ${column})`;
}

/** Reads and parses a scenario file; throws ScenarioError when it cannot be read or is not JSON. */
export async function parseScenarioFile(path: string): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
		throw new ScenarioError(
			[`cannot read the file (${code === 'ENOENT' ? 'no such file' : code})`],
			path,
		);
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new ScenarioError(
			[`not valid JSON${jsonErrorLocation(text, message)}: ${message}`],
			path,
		);
	}
}

export async function loadScenarioModelFile(
	path: string,
	options: {readonly now: number} & WorldModelOptions,
): Promise<ScenarioModel> {
	return loadScenarioModel(await parseScenarioFile(path), {...options, source: path});
}

export async function loadScenarioFile(
	path: string,
	options: {readonly now: number},
): Promise<World> {
	return (await loadScenarioModelFile(path, options)).world;
}
