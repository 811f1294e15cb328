// GetQueryResults' response (rows pageable with maxItems / nextToken) and GetLogRecord's lookup.
import type {JsonObject, JsonValue} from '../../context.js';
import {SimError} from '../../context.js';
import type {World} from '../../world/types.js';
import {invalidParameter} from './groups.js';
import {checkRange, readInput} from './input.js';
import {decodeToken, encodeToken} from './paging.js';
import type {QueryRun} from './query-run.js';
import {eventAt} from './stream-view.js';
import {isVisible} from './visible.js';

export function queryResultsResponse(input: JsonObject, run: QueryRun, now: number): JsonValue {
	const read = readInput(input, invalidParameter);
	const maxItems = read.optionalNumber('maxItems') ?? 10_000;
	checkRange('maxItems', maxItems, 1, 10_000, invalidParameter);
	const token = read.optionalString('nextToken');
	const offset = token === undefined ? 0 : decodeToken(token);
	if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
		throw new SimError(invalidParameter, 'The specified nextToken is invalid.');
	}
	const status = run.status(now);
	const result = run.result(now);
	const rows = result.rows.slice(offset, offset + maxItems);
	const more = offset + rows.length < result.rows.length;
	return {
		queryLanguage: 'CWLI',
		results: rows.map((row) => row.map(({field, value}) => ({field, value}))),
		statistics: {
			recordsMatched: result.recordsMatched,
			recordsScanned: result.recordsScanned,
			estimatedRecordsSkipped: 0,
			bytesScanned: result.bytesScanned,
			estimatedBytesSkipped: 0,
			logGroupsScanned: run.logGroupNames.length,
		},
		status,
		...(more ? {nextToken: encodeToken(offset + rows.length)} : {}),
	};
}

export function findRecord(world: World, pointer: string, now: number): JsonValue {
	const parts = /^([^:]+):(.+):(\d+):(\d+)$/.exec(pointer);
	if (!parts) throw new SimError(invalidParameter, 'The specified log record pointer is invalid.');
	const [, groupName = '', streamName = '', timeText = '', ordinalText = ''] = parts;
	const timestamp = Number(timeText);
	const ordinal = Number(ordinalText);
	const group = world.logGroups.find((candidate) => candidate.logGroupName === groupName);
	const stream = group?.streams.find((candidate) => candidate.logStreamName === streamName);
	const event = stream === undefined ? undefined : eventAt(stream, timestamp, ordinal, now);
	if (!event || !isVisible(event, now)) {
		throw new SimError('ResourceNotFoundException', 'The specified log record does not exist.');
	}
	return {
		'@message': event.message,
		'@timestamp': String(event.timestamp),
		'@ingestionTime': String(event.ingestionTime),
		'@logStream': streamName,
		'@log': `${world.accountId}:${groupName}`,
	};
}
