// Log groups: lookup by name or ARN, DescribeLogGroups, CreateLogGroup.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogGroup, LogStream, World} from '../../world/types.js';
import {checkRange, invalidValue, readInput} from './input.js';
import {pageByName} from './paging.js';
import {visibleStreamStats} from './visible.js';

export const invalidParameter = 'InvalidParameterException';

const logGroupNamePattern = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export function logGroupArn(world: World, name: string): string {
	return `arn:aws:logs:${world.region}:${world.accountId}:log-group:${name}`;
}

export function logStreamArn(world: World, group: string, stream: string): string {
	return `${logGroupArn(world, group)}:log-stream:${stream}`;
}

/** Accepts a bare name or an ARN, with or without the `:*` suffix DescribeLogGroups prints. */
export function logGroupNameOf(identifier: string): string {
	const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(identifier);
	return match?.[1] ?? identifier;
}

export function groupNotFound(): SimError {
	return new SimError('ResourceNotFoundException', 'The specified log group does not exist.');
}

export function streamNotFound(): SimError {
	return new SimError('ResourceNotFoundException', 'The specified log stream does not exist.');
}

export function findLogGroup(world: World, identifier: string): LogGroup {
	const name = logGroupNameOf(identifier);
	const group = world.logGroups.find((candidate) => candidate.logGroupName === name);
	if (!group) throw groupNotFound();
	return group;
}

/** The group named by exactly one of `logGroupName` / `logGroupIdentifier`, as the read APIs need. */
export function requestedLogGroup(input: JsonObject, world: World): LogGroup {
	const read = readInput(input, invalidParameter);
	const name = read.optionalString('logGroupName');
	const identifier = read.optionalString('logGroupIdentifier');
	if (name !== undefined && identifier !== undefined) {
		throw new SimError(
			invalidParameter,
			'LogGroup name and LogGroup ARN are mutually exclusive parameters.',
		);
	}
	const chosen = name ?? identifier;
	if (chosen === undefined) {
		throw new SimError(invalidParameter, 'Should provide either name or ARN of the LogGroup.');
	}
	return findLogGroup(world, chosen);
}

export function findLogStream(group: LogGroup, name: string): LogStream {
	const stream = group.streams.find((candidate) => candidate.logStreamName === name);
	if (!stream) throw streamNotFound();
	return stream;
}

function describeGroup(world: World, group: LogGroup, now: number): JsonObject {
	const arn = logGroupArn(world, group.logGroupName);
	const storedBytes = group.streams.reduce(
		(total, stream) => total + visibleStreamStats(stream, now).storedBytes,
		0,
	);
	return {
		logGroupName: group.logGroupName,
		creationTime: group.creationTime,
		...(group.retentionInDays === undefined ? {} : {retentionInDays: group.retentionInDays}),
		metricFilterCount: 0,
		arn: `${arn}:*`,
		logGroupArn: arn,
		storedBytes,
		logGroupClass: 'STANDARD',
	};
}

export function describeLogGroups(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const prefix = read.optionalString('logGroupNamePrefix');
	const pattern = read.optionalString('logGroupNamePattern');
	const limit = read.optionalNumber('limit');
	checkRange('limit', limit, 1, 50, invalidParameter);
	if (prefix !== undefined && pattern !== undefined) {
		throw new SimError(
			invalidParameter,
			'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
		);
	}
	const matching = context.world.logGroups.filter(
		(group) =>
			(prefix === undefined || group.logGroupName.startsWith(prefix)) &&
			(pattern === undefined || group.logGroupName.includes(pattern)),
	);
	const page = pageByName(
		matching,
		(group) => group.logGroupName,
		limit ?? 50,
		read.optionalString('nextToken'),
	);
	const now = context.clock.now();
	return {
		logGroups: page.items.map((group) => describeGroup(context.world, group, now)),
		...(page.nextToken === undefined ? {} : {nextToken: page.nextToken}),
	};
}

export function createLogGroup(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const name = read.requiredString('logGroupName');
	if (!logGroupNamePattern.test(name)) {
		throw invalidValue(
			'logGroupName',
			'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+',
			invalidParameter,
		);
	}
	if (context.world.logGroups.some((group) => group.logGroupName === name)) {
		throw new SimError('ResourceAlreadyExistsException', 'The specified log group already exists');
	}
	context.world.logGroups.push({
		logGroupName: name,
		creationTime: context.clock.now(),
		streams: [],
	});
	return {};
}
