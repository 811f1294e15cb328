// Records parsed straight into a table (parseFlowTable) pair and aggregate exactly as the same lines
// parsed into record objects do, for any world, in the default format (its fast way in) and in a
// custom one with tcp-flags and pkt-srcaddr, with malformed and NODATA lines among them.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {aggregateRecords, aggregateTable} from '../../../source/domain/flows/aggregate.js';
import {defaultFormatFields} from '../../../source/domain/flows/flow-fields.js';
import {
	defaultFlowFormat,
	type FlowFormat,
	flowFormatOf,
} from '../../../source/domain/flows/flow-format.js';
import {
	interfaceIdFromLogStream,
	parseFlowRecords,
	parseFlowTable,
} from '../../../source/domain/flows/flow-records.js';
import {renderFlowRecord} from '../../../source/domain/flows/flow-render.js';
import {parseInsightsTime} from '../../../source/domain/flows/insights-time.js';
import {pairConnections, pairTable} from '../../../source/domain/flows/pairing.js';
import {parseResultRows} from '../../../source/domain/flows/result-rows.js';
import type {FlowRecord} from '../../../source/domain/types/flows.js';
import {buildWorld, worldSpec} from './pairing-world.js';

// Not the default format (whose fast way in the table has its own), with fields pairing reads.
const customFormat = flowFormatOf([...defaultFormatFields, 'tcp-flags', 'pkt-srcaddr', 'x-custom']);

const formats = [
	['the default format', defaultFlowFormat],
	['a custom format with tcp-flags and pkt-srcaddr', customFormat],
] as const;

const strayLines = fc.constantFrom(
	'',
	'not a flow record',
	'2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000060 - NODATA',
	'2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.10 10.0.1.27 1 2 6 1 40 1700000060 1700000000 ACCEPT OK',
	'2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.10  10.0.1.27 1 2 6 1 40 1700000000 1700000060 ACCEPT OK',
	'2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.010 10.0.1.27 1 2 6 1 40 1700000000 1700000060 ACCEPT OK',
	'2 123456789012 eni-\u001b[31m 10.0.1.10 10.0.1.27 1 2 6 1 40 1700000000 1700000060 ACCEPT OK',
);

/** Stray lines and where they go among the records. */
const strayPlaces = fc.array(fc.tuple(fc.nat(), strayLines), {maxLength: 6});

// The world's records carry no version, account, tcp-flags or rewritten source; they get them here,
// so the default format's lines take its fast way in and the custom format has something to carry.
const extra = {version: '2', 'account-id': '123456789012', 'x-custom': 'blue'};

function withPacketFields(record: FlowRecord, position: number): FlowRecord {
	const tcpFlags = [2, 18, 19, 3][position % 4] ?? 0;
	return position % 5 === 0 && record.srcAddr !== undefined
		? {...record, extra, tcpFlags, pktSrcAddr: '100.64.0.9'}
		: {...record, extra, tcpFlags};
}

// Formats with and without the interface and the start: the event's stream and time stand in for
// what the record lacks, read from the text Insights hands over only when needed.
const contextFormats = [
	['the default format', defaultFlowFormat],
	[
		'a format without interface-id and start',
		flowFormatOf(
			defaultFormatFields.filter((field) => field !== 'interface-id' && field !== 'start'),
		),
	],
] as const;

describe('parseFlowTable and the table readers', () => {
	it.each(formats)('pair and aggregate as parsed records do, in %s', (_name, format) => {
		fc.assert(
			fc.property(worldSpec, strayPlaces, (spec, strays) => {
				const world = buildWorld(spec);
				const lines: (string | undefined)[] = world.records.map((record, position) =>
					renderFlowRecord(withPacketFields(record, position), format),
				);
				for (const [at, line] of strays) {
					lines.splice(at % (lines.length + 1), 0, line);
				}

				lines.push(undefined);
				const parsed = parseFlowRecords(lines, format);
				const table = parseFlowTable(lines, format);
				expect(table.table.length).toBe(parsed.records.length);
				expect(table.malformed).toBe(parsed.malformed);
				expect(table.reasons).toEqual(parsed.reasons);
				expect(pairTable(table.table, world.topology)).toEqual(
					pairConnections(parsed.records, world.topology),
				);
				expect(aggregateTable(table.table, world.topology)).toEqual(
					aggregateRecords(parsed.records, world.topology),
				);
			}),
			{numRuns: 30},
		);
	});

	it.each(contextFormats)(
		'read the stream and the time of Insights rows as the resolved context, in %s',
		(_name, format) => {
			fc.assert(
				fc.property(worldSpec, strayPlaces, (spec, strays) => {
					const world = buildWorld(spec);
					const events = eventsOf(world.records, strays, format);
					const raw = events.map(({message, logStream, time}) => ({message, logStream, time}));
					const resolved = events.map(({message, logStream, time}) => {
						const interfaceId = interfaceIdFromLogStream(logStream);
						const timestamp = parseInsightsTime(time);
						return {
							message,
							...(interfaceId === undefined ? {} : {interfaceId}),
							...(timestamp === undefined ? {} : {timestamp}),
						};
					});
					const parsed = parseFlowRecords(resolved, format);
					const table = parseFlowTable(raw, format);
					expect(table.table.length).toBe(parsed.records.length);
					expect(table.malformed).toBe(parsed.malformed);
					expect(table.reasons).toEqual(parsed.reasons);
					expect(parseFlowRecords(raw, format)).toEqual(parsed);
					expect(pairTable(table.table, world.topology)).toEqual(
						pairConnections(parsed.records, world.topology),
					);
					expect(aggregateTable(table.table, world.topology)).toEqual(
						aggregateRecords(parsed.records, world.topology),
					);
				}),
				{numRuns: 20},
			);
		},
	);
});

describe('parseResultRows', () => {
	const cellOrder = fc.shuffledSubarray(['@timestamp', '@message', '@logStream', '@ptr'], {
		minLength: 0,
		maxLength: 4,
	});

	it.each(contextFormats)(
		'reads Insights result rows as parseFlowTable reads their messages, in %s',
		(_name, format) => {
			fc.assert(
				fc.property(
					worldSpec,
					strayPlaces,
					fc.array(fc.tuple(cellOrder, fc.boolean()), {minLength: 1, maxLength: 20}),
					(spec, strays, layouts) => {
						const events = eventsOf(buildWorld(spec).records, strays, format);
						const rows = events.map(({message, logStream, time}, position) => {
							const [order = [], twice = false] = layouts[position % layouts.length] ?? [];
							const values: Record<string, string | undefined> = {
								'@timestamp': time,
								'@message': message,
								'@logStream': logStream,
								'@ptr': 'CnQKOwo3',
							};
							const cells = order.map((field) => ({field, value: values[field]}));
							// A field named twice: its last value counts.
							return twice ? [{field: '@message', value: 'an earlier value'}, ...cells] : cells;
						});
						const messages = rows.map((cells) => {
							const value = (field: string) =>
								cells.findLast((cell) => cell.field === field)?.value;
							return {
								message: value('@message'),
								logStream: value('@logStream'),
								time: value('@timestamp'),
							};
						});
						expect(parseResultRows(rows, format)).toEqual(parseFlowTable(messages, format));
					},
				),
				{numRuns: 20},
			);
		},
	);
});

type InsightsEvent = {
	readonly message: string | undefined;
	readonly logStream: string;
	readonly time: string;
};

/** The records as Insights rows would carry them, with the stray lines put in among them. */
function eventsOf(
	records: readonly FlowRecord[],
	strays: readonly (readonly [number, string])[],
	format: FlowFormat,
): InsightsEvent[] {
	const events: InsightsEvent[] = records.map((record) => ({
		message: renderFlowRecord({...record, extra}, format),
		logStream: `${record.interfaceId}-all`,
		time: insightsTime(record.start),
	}));
	for (const [at, message] of strays) {
		events.splice(at % (events.length + 1), 0, {
			message,
			logStream: 'not-an-interface-stream',
			time: 'soon',
		});
	}

	return events;
}

/** Insights prints times as `2025-03-14 13:42:10.000` (UTC). */
function insightsTime(seconds: number): string {
	return new Date(seconds * 1000).toISOString().replace('T', ' ').replace('Z', '');
}
