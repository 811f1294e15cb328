// A Running query answers every poll with its partial result, and a stats query scans on from
// where the last poll stopped: whatever the polls, each answer is what a query asked only then
// answers, and the final result is the same.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {
	asObject,
	call,
	emptyWorld,
	event,
	flowLine,
	group,
	t0,
	testContext,
} from './logs-test-world.js';

const minute = 60_000;
const duration = 10_000;

function flowEvents() {
	return Array.from({length: 120}, (_, index) => {
		const timestamp = t0 - 10 * minute + index * 5000;
		const action = index % 7 === 0 ? 'REJECT' : 'ACCEPT';
		return event(timestamp, flowLine({start: timestamp, action}), 0);
	});
}

const queries = [
	'stats count(*) as flows, sum(bytes) as bytes by bin(1m), action',
	'filter action = "ACCEPT" | stats count(*) as flows by bin(2m) | sort flows desc | limit 3',
	'stats count(*), pct(bytes, 50)',
	'fields @timestamp, action | filter action = "REJECT" | sort @timestamp desc | limit 5',
];

async function answersAt(queryString: string, moments: readonly number[]) {
	const world = emptyWorld({logGroups: [group('/vpc/flow', {'eni-0aaa-all': flowEvents()})]});
	const context = testContext(world);
	const logs = createLogsService({queryDurationMs: duration});
	const started = asObject(
		await call(
			logs,
			'StartQuery',
			{
				logGroupName: '/vpc/flow',
				startTime: Math.floor((t0 - 10 * minute) / 1000),
				endTime: Math.floor(t0 / 1000),
				queryString,
			},
			context,
		),
	);
	const answers = [];
	for (const moment of moments) {
		context.setNow(t0 + moment);
		const answer = asObject(
			await call(logs, 'GetQueryResults', {queryId: started.queryId ?? ''}, context),
		);
		answers.push({status: answer.status, results: answer.results, statistics: answer.statistics});
	}
	return answers;
}

describe('a query polled while it runs', () => {
	it('answers each poll as a query asked only then, and ends with the same result', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...queries),
				fc.uniqueArray(fc.integer({min: 0, max: duration + 1000}), {minLength: 1, maxLength: 8}),
				async (queryString, polls) => {
					const moments = [...polls].sort((left, right) => left - right);
					const polled = await answersAt(queryString, moments);
					for (const [index, moment] of moments.entries()) {
						const [alone] = await answersAt(queryString, [moment]);
						expect(polled[index]).toEqual(alone);
					}
				},
			),
			{numRuns: 40},
		);
	});
});
