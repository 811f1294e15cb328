// The CloudWatch Logs path: each interface's log stream read with FilterLogEvents (no scan
// charge), exact aggregates from Logs Insights (billed per byte of the log group in the range).
import type {AwsClients} from '../aws/clients.js';
import type {InsightsRunner} from '../aws/insights-runner.js';
import {readRowsBackfill} from './flows-backfill.js';
import {queryExactSlice} from './flows-exact.js';
import {readFreshRecords} from './flows-fresh.js';
import {readRawRecords} from './flows-raw.js';
import type {FlowsReader} from './flows-reader.js';
import {StreamDirectory} from './flows-streams.js';

export function logsReader(clients: AwsClients, runner: InsightsRunner): FlowsReader {
	const streams = new StreamDirectory(clients);
	return {
		scope: (feeds, now, signal) => streams.streamsOf(feeds, now, signal),
		readRaw: (feeds, range, options, signal) =>
			readRawRecords(clients, feeds, range, options, signal),
		readRowsBackfill: (feeds, range, options, signal) =>
			readRowsBackfill(clients, feeds, range, options, signal),
		readFresh: (feeds, options, signal) => readFreshRecords(clients, feeds, options, signal),
		queryExact: (feeds, topology, range, options, signal) =>
			queryExactSlice(runner, feeds, topology, range, options, signal),
		forget: () => streams.forget(),
		notes: () => [],
		via: () => 'CloudWatch Logs + Insights',
	};
}
