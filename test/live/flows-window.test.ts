// `t` to a longer window: the flows source asks Insights once for the settled time the window
// newly covers (never again for what it holds), reads that time's rows once with FilterLogEvents
// (REJECTs first, within a budget), and until the answer is in says where its aggregates start.
import {
	type FilterLogEventsCommandInput,
	GetQueryResultsCommand,
	StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Connection} from '../../source/domain/types/flows.js';
import {createFlowsSource, flowsSource} from '../../source/live/flows-source.js';
import type {LogEvent} from '../../source/sim/world/types.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {eventOf, exchange, type Spec} from '../integration/fixtures/flows-traffic.js';
import {lbA, logGroupName, pathInterfaces, web} from '../integration/fixtures/flows-world.js';

let harness: FlowsHarness;

const minute = 60_000;
const scanner = '45.155.205.3';
const earlyClient = '198.51.100.50';

/** Older traffic than the 15-minute window reaches: a probe rejected at the LB, a connection. */
function olderTraffic(now: number): Spec[] {
	const at = (minutesAgo: number) => Math.floor(now / minute) * 60 - minutesAgo * 60;
	return [
		{
			eni: lbA.eni,
			src: scanner,
			sport: 61_000,
			dst: lbA.ip,
			dport: 22,
			start: at(30),
			action: 'REJECT',
		},
		{
			eni: lbA.eni,
			src: scanner,
			sport: 61_001,
			dst: lbA.ip,
			dport: 23,
			start: at(29),
			action: 'REJECT',
		},
		...exchange({
			eni: lbA.eni,
			src: earlyClient,
			sport: 40_100,
			dst: lbA.ip,
			dport: 80,
			start: at(25),
		}),
		...exchange({
			eni: lbA.eni,
			src: earlyClient,
			sport: 40_100,
			dst: web.ip,
			dport: web.port,
			start: at(25),
		}),
	];
}

function addEvents(events: readonly LogEvent[]): void {
	const group = harness.fixture.world.logGroups.find(
		(entry) => entry.logGroupName === logGroupName,
	);
	const stream = group?.streams.find((entry) => entry.logStreamName === `${lbA.eni}-all`);
	if (stream === undefined) {
		throw new Error('the flows world has a stream for the LB interface');
	}

	stream.events = [...stream.events, ...events].sort(
		(left, right) => left.timestamp - right.timestamp,
	);
}

beforeEach(async () => {
	harness = await startFlowsHarness();
	addEvents(olderTraffic(harness.now()).map(eventOf));
	await discover(harness);
});

afterEach(async () => {
	await harness.close();
});

const windowStartOf = (now: number, windowMinutes: number) =>
	Math.floor((Math.floor(now / 1000) - windowMinutes * 60) / 60) * 60;

/** Runs an Insights query against the sim as any client would, to its end. */
async function insights(start: number, end: number, queryString: string) {
	const logs = await harness.environment.clients.logs();
	const {queryId} = await logs.send(
		new StartQueryCommand({logGroupName, startTime: start, endTime: end, queryString}),
	);
	for (;;) {
		const output = await logs.send(new GetQueryResultsCommand({queryId}));
		if (output.status === 'Complete') {
			return output;
		}

		if (output.status !== 'Running' && output.status !== 'Scheduled') {
			throw new Error(`query ended ${output.status}`);
		}

		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** What Insights counts over the path's interfaces in a range, by action. */
async function countByAction(start: number, end: number): Promise<Record<string, number>> {
	const scope = pathInterfaces.map((id) => `interfaceId = "${id}"`).join(' or ');
	const output = await insights(start, end, `filter ${scope} | stats count(*) as flows by action`);
	return Object.fromEntries(
		(output.results ?? []).map((row) => [
			row.find((cell) => cell.field === 'action')?.value ?? '',
			Number(row.find((cell) => cell.field === 'flows')?.value),
		]),
	);
}

/** What a query over a range scans: every byte of the log group in it. */
async function bytesScanned(start: number, end: number): Promise<number> {
	const output = await insights(start, end, 'stats count(*)');
	return output.statistics?.bytesScanned ?? 0;
}

/** Flow records on the path's interfaces since `start` (Unix seconds), as the world holds them. */
function pathRecordsSince(start: number): number {
	const group = harness.fixture.world.logGroups.find(
		(entry) => entry.logGroupName === logGroupName,
	);
	return (group?.streams ?? [])
		.filter((stream) => pathInterfaces.some((id) => stream.logStreamName.startsWith(id)))
		.flatMap((stream) => stream.events)
		.filter(
			(event) => event.timestamp >= start * 1000 && / (ACCEPT|REJECT) OK$/.test(event.message),
		).length;
}

/** Records the FilterLogEvents calls the source makes from now on. */
async function filterCalls(): Promise<FilterLogEventsCommandInput[]> {
	const calls: FilterLogEventsCommandInput[] = [];
	const logs = await harness.environment.clients.logs();
	logs.middlewareStack.add(
		(next, context) => async (args) => {
			if (context.commandName === 'FilterLogEventsCommand') {
				calls.push(args.input as FilterLogEventsCommandInput);
			}

			return next(args);
		},
		{step: 'initialize', name: 'recordFilterCalls'},
	);
	return calls;
}

const clientsOf = (connections: readonly Connection[] | undefined) =>
	new Set((connections ?? []).map((connection) => connection.clientAddr));

describe('flows after t to a longer window', () => {
	it('asks Insights once for the time it newly covers, and reads its rows once', async () => {
		const source = flowsSource(harness.environment);
		const signal = new AbortController().signal;
		const flows = () => harness.environment.store.getSnapshot().flows;
		const cost = () => harness.environment.store.getSnapshot().cost;
		await source.run(signal);
		const fifteen = windowStartOf(harness.now(), 15);
		expect(flows()?.aggregatesFrom).toBe(fifteen * 1000);
		expect(flows()?.rowsFrom).toBe(fifteen * 1000);
		expect(clientsOf(flows()?.connections).has(scanner)).toBe(false);
		const before = cost();
		expect(before.queries).toBe(1);

		const reads = await filterCalls();
		harness.setWindow(60 * minute);
		harness.advance(10_000);
		// Until the next run, what is held starts where the 15-minute window did: the hour's
		// older part is loading, not empty.
		expect(flows()?.aggregatesFrom).toBe(fifteen * 1000);
		await source.run(signal);
		// The rows' backfill: the REJECTs of the newly covered time first, then the rest.
		const backfill = reads.splice(0).filter((call) => (call.startTime ?? 0) < fifteen * 1000);
		expect(backfill.map((call) => call.filterPattern !== undefined)).toEqual([true, false]);
		expect(backfill[0]?.filterPattern).toMatch(/action="REJECT"/);

		const hour = windowStartOf(harness.now(), 60);
		expect(flows()?.aggregatesFrom).toBe(hour * 1000);
		expect(flows()?.rowsFrom).toBe(hour * 1000);
		const counted = await countByAction(hour, Math.floor(harness.now() / 1000));
		expect(flows()?.aggregates.rejected.flows).toBe(counted.REJECT);
		expect(flows()?.aggregates.accepted.flows).toBe(counted.ACCEPT);
		expect(clientsOf(flows()?.connections).has(scanner)).toBe(true);
		expect(clientsOf(flows()?.connections).has(earlyClient)).toBe(true);
		expect(flows()).toMatchObject({sampled: false});
		expect(flows()?.recordsMatched).toBe(flows()?.recordsRead);

		// One query, over the newly covered time only: its bytes are what that range holds.
		const after = cost();
		expect(after.queries).toBe(2);
		const scanned = after.bytesScanned - before.bytesScanned;
		expect(scanned).toBe(await bytesScanned(hour, fifteen - 1));

		// A refresh later nothing settled is asked for again, nor read again for the rows.
		harness.advance(10_000);
		await source.run(signal);
		expect(cost()).toEqual(after);
		expect(reads.filter((call) => (call.startTime ?? 0) < fifteen * 1000)).toEqual([]);
		await source.dispose?.();
	});

	it('reads REJECTs first when the newly covered time has more records than its budget', async () => {
		// Twenty more accepted connections in the hour's older part, newer than the probes.
		const now = harness.now();
		const at = (minutesAgo: number) => Math.floor(now / minute) * 60 - minutesAgo * 60;
		addEvents(
			Array.from({length: 20}, (_, index) =>
				eventOf({
					eni: lbA.eni,
					src: `198.51.100.${100 + index}`,
					sport: 41_000 + index,
					dst: lbA.ip,
					dport: 80,
					start: at(20),
				}),
			),
		);
		const source = createFlowsSource({backfillBudget: 4})(harness.environment);
		const signal = new AbortController().signal;
		await source.run(signal);
		harness.setWindow(60 * minute);
		harness.advance(10_000);
		await source.run(signal);

		const flows = harness.environment.store.getSnapshot().flows;
		// Both probes (REJECTs) and the newest two of the rest: four events, as budgeted.
		expect(clientsOf(flows?.connections).has(scanner)).toBe(true);
		const probes = flows?.connections.filter((connection) => connection.clientAddr === scanner);
		expect(probes).toHaveLength(2);
		expect(clientsOf(flows?.connections).has(earlyClient)).toBe(false);
		// The rows hold fewer records than the hour has (Insights counted them all): a sample.
		expect(flows?.sampled).toBe(true);
		expect(flows?.recordsMatched).toBe(pathRecordsSince(windowStartOf(harness.now(), 60)));
		expect(flows?.recordsRead).toBeLessThan(flows?.recordsMatched ?? 0);
		await source.dispose?.();
	});
});
