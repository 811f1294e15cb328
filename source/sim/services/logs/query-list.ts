// DescribeQueries: the queries the sim remembers, newest first.
import type {JsonObject, JsonValue} from '../../context.js';
import {SimError} from '../../context.js';
import {invalidParameter} from './groups.js';
import {checkRange, readInput} from './input.js';
import {decodeToken, encodeToken} from './paging.js';
import type {QueryRun, QueryStatus} from './query-run.js';

/** A run with the order it was started in, which is also what DescribeQueries' token holds. */
export type NumberedRun = {readonly run: QueryRun; readonly sequence: number};

const statuses: readonly QueryStatus[] = [
	'Scheduled',
	'Running',
	'Complete',
	'Failed',
	'Cancelled',
];

export function isActive(status: QueryStatus): boolean {
	return status === 'Scheduled' || status === 'Running';
}

export function describeQueriesResponse(
	input: JsonObject,
	runs: readonly NumberedRun[],
	now: number,
): JsonValue {
	const read = readInput(input, invalidParameter);
	const status = read.optionalString('status');
	if (status !== undefined && !statuses.some((known) => known === status)) {
		throw new SimError(invalidParameter, `Unknown query status ${status}.`);
	}
	const groupName = read.optionalString('logGroupName');
	const maxResults = read.optionalNumber('maxResults') ?? 1000;
	checkRange('maxResults', maxResults, 1, 1000, invalidParameter);
	const token = read.optionalString('nextToken');
	const before = token === undefined ? Number.POSITIVE_INFINITY : decodeToken(token);
	if (typeof before !== 'number') {
		throw new SimError(invalidParameter, 'The specified nextToken is invalid.');
	}
	const matching = runs
		.filter((entry) => entry.sequence < before)
		.filter(({run}) => groupName === undefined || run.logGroupNames.includes(groupName))
		.filter(({run}) => status === undefined || run.status(now) === status)
		.sort((left, right) => right.sequence - left.sequence);
	const page = matching.slice(0, maxResults);
	const last = page.at(-1);
	return {
		queries: page.map(({run}) => {
			const current = run.status(now);
			return {
				queryLanguage: 'CWLI',
				queryId: run.queryId,
				queryString: run.queryString,
				status: current,
				createTime: run.createTime,
				logGroupName: run.logGroupNames[0] ?? '',
				...(isActive(current) ? {} : {bytesScanned: run.result(now).bytesScanned}),
			};
		}),
		...(last !== undefined && matching.length > page.length
			? {nextToken: encodeToken(last.sequence)}
			: {}),
	};
}
