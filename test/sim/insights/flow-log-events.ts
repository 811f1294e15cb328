// Hand-written VPC flow log events (default format) and a helper that runs a query over them and
// returns rows as plain objects, for tables that read like query results.
import {
	executeInsightsQuery,
	type InsightsEvent,
	parseInsightsQuery,
	type QueryOutcome,
} from '../../../source/sim/insights/index.js';

/** 2023-11-14 22:13:20.000 UTC. */
export const base = 1_700_000_000_000;

type Line = {
	readonly id: string;
	readonly at: number;
	readonly stream: string;
	readonly message: string;
};

const lines: readonly Line[] = [
	{
		id: 'A',
		at: 0,
		stream: 'eni-0a1b2c3d-all',
		message:
			'2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.1.5 43418 80 6 10 840 1700000000 1700000060 ACCEPT OK',
	},
	{
		id: 'B',
		at: 1000,
		stream: 'eni-0a1b2c3d-all',
		message:
			'2 123456789012 eni-0a1b2c3d 10.0.1.5 203.0.113.12 80 43418 6 8 4200 1700000000 1700000060 ACCEPT OK',
	},
	{
		id: 'C',
		at: 2000,
		stream: 'eni-0a1b2c3d-all',
		message:
			'2 123456789012 eni-0a1b2c3d 198.51.100.7 10.0.1.5 51000 22 6 1 60 1700000000 1700000060 REJECT OK',
	},
	{
		id: 'D',
		at: 3000,
		stream: 'eni-0a1b2c3d-all',
		message: '2 123456789012 eni-0a1b2c3d - - - - - - - 1700000000 1700000060 - NODATA',
	},
	{
		id: 'E',
		at: 65_000,
		stream: 'eni-0e5f6a7b-all',
		message:
			'2 123456789012 eni-0e5f6a7b 203.0.113.12 10.0.2.9 43500 443 6 20 1600 1700000060 1700000120 ACCEPT OK',
	},
	{
		id: 'F',
		at: 70_000,
		stream: 'eni-0e5f6a7b-all',
		message:
			'2 123456789012 eni-0e5f6a7b 198.51.100.7 10.0.2.9 51001 3389 6 2 120 1700000060 1700000120 REJECT OK',
	},
	{
		id: 'G',
		at: 130_000,
		stream: 'eni-0e5f6a7b-all',
		message:
			'2 123456789012 eni-0e5f6a7b 192.0.2.44 10.0.2.9 33000 53 17 3 210 1700000120 1700000180 ACCEPT OK',
	},
];

export function event(id: string, message: string, at = 0, stream = 'stream'): InsightsEvent {
	return {
		timestamp: base + at,
		ingestionTime: base + at + 5000,
		message,
		logStream: stream,
		logGroup: '/vpc/flow-logs',
		ptr: `ptr-${id}`,
	};
}

/** Events A..G, deliberately not in time order (Logs hands them over per stream). */
export const flowEvents: readonly InsightsEvent[] = [...lines]
	.reverse()
	.sort((a, b) => a.stream.localeCompare(b.stream))
	.map((line) => event(line.id, line.message, line.at, line.stream));

export type Result = {
	readonly rows: ReadonlyArray<Readonly<Record<string, string>>>;
	readonly outcome: QueryOutcome;
};

export function run(
	query: string,
	events: readonly InsightsEvent[] = flowEvents,
	options: {readonly limit?: number} = {},
): Result {
	const outcome = executeInsightsQuery(parseInsightsQuery(query), events, options);
	const rows = outcome.rows.map((row) =>
		Object.fromEntries(row.map((cell) => [cell.field, cell.value])),
	);
	return {rows, outcome};
}

/** The events a query returned, by their letters (from `ptr-X`). */
export function ids(query: string, events: readonly InsightsEvent[] = flowEvents): string {
	return run(query, events)
		.rows.map((row) => (row['@ptr'] ?? '?').replace('ptr-', ''))
		.join('');
}
