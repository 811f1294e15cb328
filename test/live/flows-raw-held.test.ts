// A read that is told what the last one parsed (the full read of the unsettled stretch every
// refresh, the fresh edge every 2 s) comes to what a read from nothing comes to: its records,
// counts, coverage and events by id. The events held come back as what was made of them, unparsed.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import {defaultFlowFormat} from '../../source/domain/flows/flow-format.js';
import type {FlowFeed} from '../../source/domain/flows-window/index.js';
import {readFreshRecords} from '../../source/live/flows-fresh.js';
import {type FeedStreams, readRawRecords} from '../../source/live/flows-raw.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import type {LogEvent} from '../../source/sim/world/types.js';
import {emptyWorld, event, flowLine, group, t0} from '../sim/logs-test-world.js';

const minute = 60_000;
const feed: FlowFeed = {
	logGroupName: '/vpc/flows',
	format: defaultFlowFormat,
	aggregationSeconds: 60,
	interfaceIds: ['eni-0abc', 'eni-0def'],
};
const feeds: FeedStreams[] = [{feed, streams: ['eni-0abc-all', 'eni-0def-all']}];
const range = {start: t0 / 1000, end: t0 / 1000 + 20 * 60};
const options = {bucketSeconds: 60, budget: 20_000, busy: new Set<string>()};

/** Records with traffic, a line that does not parse and one with no data, minute by minute. */
function eventsOf(eni: string, from: number, count: number): LogEvent[] {
	return Array.from({length: count}, (_, index) => {
		const at = t0 + (from + index) * minute;
		if (index % 7 === 3) {
			return event(at, 'not a flow log record');
		}

		const line = flowLine({eni, start: at, srcPort: 40_000 + index});
		return event(at, index % 5 === 4 ? line.replace(/ OK$/, ' NODATA') : line);
	});
}

let sim: RunningSim;
let clients: AwsClients;
let streams: Record<string, LogEvent[]>;

beforeEach(async () => {
	streams = {
		'eni-0abc-all': eventsOf('eni-0abc', 0, 12),
		'eni-0def-all': eventsOf('eni-0def', 1, 9),
	};
	sim = await startSim({
		world: emptyWorld({logGroups: [group('/vpc/flows', streams)]}),
		jsonServices: [createLogsService()],
		clock: {now: () => t0 + 30 * minute},
	});
	clients = new AwsClients({
		endpointUrl: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
});

afterEach(async () => {
	await clients.destroy();
	await sim.close();
});

/** Late deliveries: events older than what is held, landing between two reads. */
function deliverLate(): void {
	for (const [name, late] of [
		['eni-0abc-all', eventsOf('eni-0abc', 2, 3)],
		['eni-0def-all', eventsOf('eni-0def', 12, 2)],
	] as const) {
		const stream = streams[name];
		stream?.push(...late);
		stream?.sort((left, right) => left.timestamp - right.timestamp);
	}
}

describe('a flows read told what the last read parsed', () => {
	it('comes to what a read from nothing comes to, and keeps the records already made', async () => {
		const signal = new AbortController().signal;
		const first = await readRawRecords(clients, feeds, range, options, signal);
		deliverLate();
		const told = await readRawRecords(
			clients,
			feeds,
			range,
			{...options, known: first.known},
			signal,
		);
		const fromNothing = await readRawRecords(clients, feeds, range, options, signal);

		expect(told).toEqual(fromNothing);
		expect([...told.known.keys()]).toEqual([...fromNothing.known.keys()]);
		expect(told.read.records.length).toBeGreaterThan(first.read.records.length);
		// The records held are the very ones the first read made: they were not parsed again.
		const made = new Set(first.read.records);
		expect(told.read.records.filter((record) => made.has(record))).toHaveLength(
			first.read.records.length,
		);
		expect(first.known.size).toBeGreaterThan(first.read.records.length);
	});

	it('reads at the fresh edge only what no read returned', async () => {
		const signal = new AbortController().signal;
		const first = await readRawRecords(clients, feeds, range, options, signal);
		deliverLate();
		const freshOptions = {bucketSeconds: 60, since: [t0], untilMs: t0 + 30 * minute};
		const fresh = await readFreshRecords(
			clients,
			feeds,
			{...freshOptions, known: first.known},
			signal,
		);
		const all = await readFreshRecords(clients, feeds, {...freshOptions, known: new Map()}, signal);

		expect([...fresh.known.keys()]).toEqual(
			[...all.known.keys()].filter((eventId) => !first.known.has(eventId)),
		);
		expect(fresh.known.size).toBe(5);
		expect(fresh.records).toEqual(all.records.filter((record) => fresh.known.has(record.eventId)));
		expect(fresh.newest).toEqual(all.newest);
	});
});
