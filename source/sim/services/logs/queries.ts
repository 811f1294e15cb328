// Logs Insights operations: StartQuery, GetQueryResults, StopQuery, DescribeQueries, GetLogRecord.
// Queries run on the sim clock, count against a concurrency quota while Scheduled or Running,
// and their scanned bytes are summed so tests and benchmarks can see what watching costs.
import {randomUUID} from 'node:crypto';
import type {JsonObject, JsonValue, SimClock, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import {InsightsQueryError, type ParsedQuery, parseInsightsQuery} from '../../insights/index.js';
import type {World} from '../../world/types.js';
import {findLogGroup, invalidParameter, logGroupNameOf} from './groups.js';
import {checkRange, readInput} from './input.js';
import {describeQueriesResponse, isActive, type NumberedRun} from './query-list.js';
import {findRecord, queryResultsResponse} from './query-results.js';
import {createQueryRun, type QueryRun} from './query-run.js';
import {createScanGate} from './scan-gate.js';

export type QueryOptions = {
	readonly maxConcurrentQueries: number;
	readonly queryDurationMs: number;
	/** Records a scan reads before other requests are served (see scan-gate). */
	readonly sliceRecords?: number;
};

export type QueryRegistry = {
	readonly startQuery: (input: JsonObject, context: SimContext) => Answer;
	readonly getQueryResults: (input: JsonObject, context: SimContext) => Answer;
	readonly stopQuery: (input: JsonObject, context: SimContext) => Answer;
	readonly describeQueries: (input: JsonObject, context: SimContext) => Answer;
	readonly getLogRecord: (input: JsonObject, context: SimContext) => JsonValue;
	readonly runningQueryCount: () => number;
	readonly totalBytesScanned: () => number;
};

type Answer = JsonValue | Promise<JsonValue>;

/** Ended queries kept for DescribeQueries / GetQueryResults; older ones are forgotten. */
const keptQueries = 1000;

function requestedGroups(input: JsonObject, world: World): string[] {
	const read = readInput(input, invalidParameter);
	const single = read.optionalString('logGroupName');
	const names = read.optionalStringList('logGroupNames');
	const identifiers = read.optionalStringList('logGroupIdentifiers');
	const given = [single, names, identifiers].filter((value) => value !== undefined);
	if (given.length !== 1) {
		throw new SimError(
			invalidParameter,
			'Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.',
		);
	}
	const list = single === undefined ? (names ?? identifiers ?? []) : [single];
	if (list.length === 0 || list.length > 50) {
		throw new SimError(invalidParameter, 'Between 1 and 50 log groups can be queried at once.');
	}
	return list.map((identifier) => {
		if (identifier.endsWith('*') && !identifier.endsWith(':*')) {
			throw new SimError(invalidParameter, `Log group identifier ${identifier} must not end in *.`);
		}
		const name = logGroupNameOf(identifier);
		if (!world.logGroups.some((group) => group.logGroupName === name)) {
			throw new SimError('ResourceNotFoundException', `Log group '${name}' does not exist.`);
		}
		return name;
	});
}

export function createQueryRegistry(options: QueryOptions): QueryRegistry {
	const runs = new Map<string, NumberedRun>();
	let sequence = 0;
	let forgottenBytes = 0;
	let clock: SimClock | undefined;
	const now = () => clock?.now() ?? Date.now();
	// Scheduled or Running: known from the clock alone (a query past its end is not active whether
	// it completes or fails), so counting settles no query and reads no scan.
	const runningCount = (at: number) =>
		[...runs.values()].filter(({run}) => run.activeAt(at)).length;
	const knownRun = (input: JsonObject): QueryRun => {
		const queryId = readInput(input, invalidParameter).requiredString('queryId');
		const entry = runs.get(queryId);
		if (!entry) throw new SimError('ResourceNotFoundException', `Query ${queryId} does not exist.`);
		return entry.run;
	};
	const forgetOldest = (at: number) => {
		for (const [queryId, {run}] of runs) {
			if (runs.size <= keptQueries) return;
			if (isActive(run.status(at))) continue;
			forgottenBytes += run.result(at).bytesScanned;
			runs.delete(queryId);
		}
	};

	const gate = createScanGate(options.sliceRecords);
	const allRuns = () => [...runs.values()].map(({run}) => run);
	const noRuns = () => [];
	/** The run an operation names, if it exists (the operation itself says when it does not). */
	const namedRun = (input: JsonObject) => () => {
		const queryId = input.queryId;
		const entry = typeof queryId === 'string' ? runs.get(queryId) : undefined;
		return entry === undefined ? [] : [entry.run];
	};
	/**
	 * The operation at the moment it was asked, once the scans it reads are through: the clock it
	 * reads is stopped there, whatever time the scans took.
	 */
	const gated =
		(
			reads: (input: JsonObject) => () => Iterable<QueryRun>,
			operation: (input: JsonObject, context: SimContext) => JsonValue,
		) =>
		(input: JsonObject, context: SimContext): Answer => {
			clock = context.clock;
			const asked = context.clock.now();
			return gate.at(asked, reads(input), () =>
				operation(input, {...context, clock: {now: () => asked}}),
			);
		};

	return {
		startQuery: gated(
			() => noRuns,
			(input, context) => {
				const read = readInput(input, invalidParameter);
				const language = read.optionalString('queryLanguage') ?? 'CWLI';
				if (language !== 'CWLI') {
					throw new SimError(
						invalidParameter,
						`queryLanguage ${language} is not supported by lbtop's sim.`,
					);
				}
				const groups = requestedGroups(input, context.world).map((name) =>
					findLogGroup(context.world, name),
				);
				const startTime = read.requiredNumber('startTime');
				const endTime = read.requiredNumber('endTime');
				if (endTime < startTime) {
					throw new SimError(
						invalidParameter,
						'endTime must be greater than or equal to startTime.',
					);
				}
				const queryString = read.requiredString('queryString');
				if (queryString.length === 0 || queryString.length > 10_000) {
					throw new SimError(invalidParameter, 'queryString must be 1 to 10000 characters long.');
				}
				const limit = read.optionalNumber('limit') ?? 10_000;
				checkRange('limit', limit, 1, 10_000, invalidParameter);
				let parsed: ParsedQuery;
				try {
					parsed = parseInsightsQuery(queryString);
				} catch (error) {
					if (error instanceof InsightsQueryError) {
						throw new SimError('MalformedQueryException', error.message);
					}
					throw error;
				}
				const createTime = context.clock.now();
				if (runningCount(createTime) >= options.maxConcurrentQueries) {
					throw new SimError(
						'LimitExceededException',
						`Account maximum query concurrency limit of [${options.maxConcurrentQueries}] reached.`,
					);
				}
				const queryId = randomUUID();
				const run = createQueryRun({
					queryId,
					queryString,
					parsed,
					groups,
					accountId: context.world.accountId,
					// The API takes whole seconds, both ends inclusive: the end second is included whole.
					startMs: Math.floor(startTime) * 1000,
					endMs: Math.floor(endTime) * 1000 + 999,
					limit,
					createTime,
					durationMs: options.queryDurationMs,
				});
				sequence += 1;
				runs.set(queryId, {run, sequence});
				forgetOldest(createTime);
				return {queryId};
			},
		),

		getQueryResults: gated(namedRun, (input, context) => {
			const run = knownRun(input);
			return queryResultsResponse(input, run, context.clock.now());
		}),

		stopQuery: gated(namedRun, (input, context) => {
			const run = knownRun(input);
			if (!run.cancel(context.clock.now())) {
				throw new SimError(invalidParameter, `Query ${run.queryId} is not running.`);
			}
			return {success: true};
		}),

		describeQueries: gated(
			() => allRuns,
			(input, context) => {
				const at = context.clock.now();
				// A query started while this one waited for scans did not exist when it was asked.
				const known = [...runs.values()].filter(({run}) => run.createTime <= at);
				return describeQueriesResponse(input, known, at);
			},
		),

		getLogRecord(input, context) {
			clock = context.clock;
			const pointer = readInput(input, invalidParameter).requiredString('logRecordPointer');
			return {logRecord: findRecord(context.world, pointer, context.clock.now())};
		},

		runningQueryCount: () => runningCount(now()),
		totalBytesScanned() {
			const at = now();
			let total = forgottenBytes;
			for (const {run} of runs.values()) total += run.result(at).bytesScanned;
			return total;
		},
	};
}
