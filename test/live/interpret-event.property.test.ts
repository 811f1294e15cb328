// A log event is read by its feed's format straight through the record reader: for any message, in
// the default format or a custom one, from a stream named for an interface or not, it is what
// parseFlowRecord makes of it with the event's stream and time, as a record, a malformed line or a
// row without traffic.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {defaultFlowFormat, parseLogFormat} from '../../source/domain/flows/flow-format.js';
import {parseFlowRecord} from '../../source/domain/flows/flow-record.js';
import {interfaceIdFromLogStream} from '../../source/domain/flows/flow-records.js';
import type {FlowFeed} from '../../source/domain/flows-window/index.js';
import {interpretEvent, type KnownEvent} from '../../source/live/flows-raw.js';

const parsedFormat = parseLogFormat(
	`\${version} \${interface-id} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${protocol} \${packets} \${bytes} \${start} \${end} \${action} \${log-status} \${pkt-srcaddr} \${flow-direction}`,
);
if (!parsedFormat.ok) {
	throw new Error('the custom format does not parse');
}
const customFormat = parsedFormat.format;

const lines = [
	'2 123456789012 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.1.10 40000 80 6 10 840 1700000000 1700000060 ACCEPT OK',
	'2 123456789012 eni-0aa0000000000a001 10.0.1.10 10.0.1.27 8443 40000 17 1 90 0 0 REJECT OK',
	'2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000060 - NODATA',
	'2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1700000000 1700000060 - SKIPDATA',
	'2 123456789012 eni-0a1b2c3d4e5f60718 2001:db8::1 2001:db8::2 443 50000 6 3 180 1700000000 1700000060 ACCEPT OK',
	'5 eni-0a1b2c3d4e5f60718 198.51.100.7 10.0.1.10 40000 80 6 10 840 1700000000 1700000060 ACCEPT OK 198.51.100.7 ingress',
	'5 - 198.51.100.7 10.0.1.10 40000 80 6 10 840 1700000000 1700000060 ACCEPT OK - egress',
	'',
	'   ',
	'not a record',
];

const message = fc.oneof(
	fc.constantFrom(...lines),
	fc
		.tuple(fc.constantFrom(...lines), fc.nat(), fc.string({maxLength: 3, unit: 'binary'}))
		.map(([line, at, added]) => {
			const place = at % (line.length + 1);
			return line.slice(0, place) + added + line.slice(place + 1);
		}),
	fc.string({maxLength: 40, unit: 'binary'}),
);

const stream = fc.constantFrom(
	'eni-0a1b2c3d4e5f60718-all',
	'eni-0aa0000000000a001-accept',
	'other',
	'',
);

const feedOf = (format: FlowFeed['format']): FlowFeed => ({
	logGroupName: '/vpc/flow-logs',
	format,
	aggregationSeconds: 60,
	interfaceIds: [],
});

function expected(
	event: {message: string; logStreamName: string; timestamp: number; eventId: string},
	feed: FlowFeed,
): KnownEvent {
	const interfaceId = interfaceIdFromLogStream(event.logStreamName);
	const parsed = parseFlowRecord(event.message, feed.format, {
		...(interfaceId === undefined ? {} : {interfaceId}),
		timestamp: Math.floor(event.timestamp / 1000),
	});
	if (!parsed.ok) {
		return 'malformed';
	}
	return parsed.record.logStatus === 'OK'
		? {eventId: event.eventId, timestamp: event.timestamp, record: parsed.record}
		: 'no-traffic';
}

describe('an event read by its feed', () => {
	it.each([
		['the default format', defaultFlowFormat],
		['a custom format', customFormat],
	])('in %s is what parseFlowRecord makes of it', (_name, format) => {
		const feed = feedOf(format);
		fc.assert(
			fc.property(
				message,
				stream,
				fc.integer({min: 0, max: 2_000_000_000_000}),
				(text, name, timestamp) => {
					const event = {message: text, logStreamName: name, timestamp, eventId: `e${timestamp}`};
					expect(interpretEvent(event, feed)).toEqual(expected(event, feed));
				},
			),
			{numRuns: 2000},
		);
	});
});
