// Log streams: DescribeLogStreams and CreateLogStream.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {LogStream} from '../../world/types.js';
import {findLogGroup, invalidParameter, logStreamArn, requestedLogGroup} from './groups.js';
import {checkRange, invalidValue, readInput} from './input.js';
import {compareStrings, decodeToken, pageOf} from './paging.js';
import {visibleStreamStats} from './visible.js';

type SortKey = readonly [number, string];

function isSortKey(value: unknown): value is SortKey {
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'string'
	);
}

function compareKeys(left: SortKey, right: SortKey): number {
	return left[0] - right[0] || compareStrings(left[1], right[1]);
}

export function describeLogStreams(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const group = requestedLogGroup(input, context.world);
	const prefix = read.optionalString('logStreamNamePrefix');
	const orderBy = read.optionalString('orderBy') ?? 'LogStreamName';
	const descending = read.optionalBoolean('descending') ?? false;
	const limit = read.optionalNumber('limit') ?? 50;
	checkRange('limit', limit, 1, 50, invalidParameter);
	if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
		throw invalidValue(
			'orderBy',
			'Member must satisfy enum value set: [LogStreamName, LastEventTime]',
			invalidParameter,
		);
	}
	if (orderBy === 'LastEventTime' && prefix !== undefined) {
		throw new SimError(
			invalidParameter,
			'Cannot order by LastEventTime with a logStreamNamePrefix.',
		);
	}
	const now = context.clock.now();
	const keyOf = (stream: LogStream): SortKey => [
		orderBy === 'LastEventTime' ? (visibleStreamStats(stream, now).lastEventTimestamp ?? 0) : 0,
		stream.logStreamName,
	];
	const direction = descending ? -1 : 1;
	const nextToken = read.optionalString('nextToken');
	const after = nextToken === undefined ? undefined : decodeToken(nextToken);
	if (after !== undefined && !isSortKey(after)) {
		throw new SimError(invalidParameter, 'The specified nextToken is invalid.');
	}
	const remaining = group.streams
		.filter((stream) => prefix === undefined || stream.logStreamName.startsWith(prefix))
		.map((stream) => ({stream, key: keyOf(stream)}))
		.filter(({key}) => after === undefined || direction * compareKeys(key, after) > 0)
		.sort((left, right) => direction * compareKeys(left.key, right.key));
	const page = pageOf(remaining, limit, ({key}) => key);
	return {
		logStreams: page.items.map(({stream}) => {
			const stats = visibleStreamStats(stream, now);
			return {
				logStreamName: stream.logStreamName,
				creationTime: stream.creationTime,
				...(stats.firstEventTimestamp === undefined
					? {}
					: {firstEventTimestamp: stats.firstEventTimestamp}),
				...(stats.lastEventTimestamp === undefined
					? {}
					: {lastEventTimestamp: stats.lastEventTimestamp}),
				...(stats.lastIngestionTime === undefined
					? {}
					: {lastIngestionTime: stats.lastIngestionTime}),
				arn: logStreamArn(context.world, group.logGroupName, stream.logStreamName),
				storedBytes: stats.storedBytes,
			};
		}),
		...(page.nextToken === undefined ? {} : {nextToken: page.nextToken}),
	};
}

export function createLogStream(input: JsonObject, context: SimContext): JsonValue {
	const read = readInput(input, invalidParameter);
	const group = findLogGroup(context.world, read.requiredString('logGroupName'));
	const name = read.requiredString('logStreamName');
	if (name.length === 0 || name.length > 512 || /[:*]/.test(name)) {
		throw invalidValue(
			'logStreamName',
			'Member must satisfy regular expression pattern: [^:*]*',
			invalidParameter,
		);
	}
	if (group.streams.some((stream) => stream.logStreamName === name)) {
		throw new SimError('ResourceAlreadyExistsException', 'The specified log stream already exists');
	}
	group.streams.push({logStreamName: name, creationTime: context.clock.now(), events: []});
	return {};
}
