import {defaultFlowLogFormat, parseFlowLogFormat} from '../demo/flow-log-format.js';
import type {
	FlowLog,
	FlowLogDestinationOptions,
	NetworkInterface,
	Subnet,
	Vpc,
} from '../world/types.js';
import {derivedId} from './ids.js';
import {childPath, type ObjectNode, type ScenarioScope} from './reader.js';

const day = 86_400_000;

/** The resources a flow log or a log stream can refer to. */
export type KnownNetwork = {
	readonly vpcs: readonly Vpc[];
	readonly subnets: readonly Subnet[];
	readonly networkInterfaces: readonly NetworkInterface[];
};

function readFlowLog(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: KnownNetwork,
): FlowLog | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'flowLogId',
		'resourceId',
		'trafficType',
		'logDestinationType',
		'logGroupName',
		'logDestination',
		'logFormat',
		'maxAggregationInterval',
		'deliverLogsStatus',
		'creationTime',
		'destinationOptions',
		'records',
	]);
	if (node === undefined) {
		return undefined;
	}
	const resourceId = reader.string(node, 'resourceId', {
		pattern: /^(?:eni|subnet|vpc)-[0-9a-zA-Z]+$/,
		patternHint: 'an interface, subnet or VPC id ("eni-...", "subnet-...", "vpc-...")',
	});
	if (
		resourceId !== undefined &&
		!known.networkInterfaces.some((item) => item.networkInterfaceId === resourceId) &&
		!known.subnets.some((item) => item.subnetId === resourceId) &&
		!known.vpcs.some((item) => item.vpcId === resourceId)
	) {
		reader.report(
			childPath(path, 'resourceId'),
			`unknown resource ${JSON.stringify(resourceId)} (no such interface, subnet or VPC in the file)`,
		);
	}
	const trafficType = reader.choice(node, 'trafficType', ['ACCEPT', 'REJECT', 'ALL'], 'ALL');
	const logDestinationType = reader.choice(
		node,
		'logDestinationType',
		['cloud-watch-logs', 's3', 'kinesis-data-firehose'],
		'cloud-watch-logs',
	);
	const logGroupName =
		logDestinationType === 'cloud-watch-logs'
			? reader.string(node, 'logGroupName')
			: reader.optionalString(node, 'logGroupName');
	const logDestination =
		logDestinationType === 's3'
			? reader.string(node, 'logDestination', {
					pattern: /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/.*)?$/,
					patternHint: 'a bucket ARN like "arn:aws:s3:::my-bucket/my-logs/"',
				})
			: reader.optionalString(node, 'logDestination');
	const destinationOptions = readDestinationOptions(scope, node);
	const logFormat = reader.optionalString(node, 'logFormat') ?? defaultFlowLogFormat;
	if (parseFlowLogFormat(logFormat) === undefined) {
		reader.report(
			childPath(path, 'logFormat'),
			`expected fields like "\${version} \${srcaddr} ..." separated by spaces`,
		);
	}
	const interval = reader.optionalNumber(node, 'maxAggregationInterval', {integer: true}) ?? 600;
	if (interval !== 60 && interval !== 600) {
		reader.report(childPath(path, 'maxAggregationInterval'), `expected 60 or 600, got ${interval}`);
	}
	const deliverLogsStatus = reader.choice(
		node,
		'deliverLogsStatus',
		['SUCCESS', 'FAILED'],
		'SUCCESS',
	);
	const creationTime = reader.optionalTime(node, 'creationTime') ?? scope.now - 30 * day;
	if (resourceId === undefined) {
		return undefined;
	}
	const destination =
		logDestination ??
		(logGroupName === undefined
			? undefined
			: `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${logGroupName}`);
	return {
		flowLogId:
			reader.optionalString(node, 'flowLogId', {
				pattern: /^fl-[0-9a-zA-Z]+$/,
				patternHint: 'an id like "fl-0a1b2c3d4e5f67890"',
			}) ?? derivedId('fl', resourceId, logGroupName ?? logDestination ?? ''),
		resourceId,
		trafficType,
		logDestinationType,
		...(logGroupName === undefined ? {} : {logGroupName}),
		...(destination === undefined ? {} : {logDestination: destination}),
		...(logDestinationType === 's3' ? {destinationOptions} : {}),
		logFormat,
		maxAggregationInterval: interval === 60 ? 60 : 600,
		deliverLogsStatus,
		creationTime,
	};
}

function readDestinationOptions(scope: ScenarioScope, node: ObjectNode): FlowLogDestinationOptions {
	const {reader} = scope;
	const options = reader.has(node, 'destinationOptions')
		? reader.object(node.fields.destinationOptions, childPath(node.path, 'destinationOptions'), [
				'fileFormat',
				'hiveCompatiblePartitions',
				'perHourPartition',
			])
		: undefined;
	if (options === undefined) {
		return {fileFormat: 'plain-text', hiveCompatiblePartitions: false, perHourPartition: false};
	}
	return {
		fileFormat: reader.choice(options, 'fileFormat', ['plain-text', 'parquet'], 'plain-text'),
		hiveCompatiblePartitions: reader.optionalBoolean(options, 'hiveCompatiblePartitions') ?? false,
		perHourPartition: reader.optionalBoolean(options, 'perHourPartition') ?? false,
	};
}

export function readFlowLogs(
	scope: ScenarioScope,
	root: ObjectNode,
	known: KnownNetwork,
): FlowLog[] {
	return scope.reader.list(root, 'flowLogs', (value, path) =>
		readFlowLog(scope, value, path, known),
	);
}
