import {describe, expect, it} from 'vitest';
import {event, flowEvents, run} from './flow-log-events.js';

describe('fields and display', () => {
	it('shows the requested fields with @ptr, newest first when not sorted', () => {
		expect(run('fields @timestamp, srcAddr, action | limit 2').rows).toEqual([
			{
				'@timestamp': '2023-11-14 22:15:30.000',
				srcAddr: '192.0.2.44',
				action: 'ACCEPT',
				'@ptr': 'ptr-G',
			},
			{
				'@timestamp': '2023-11-14 22:14:30.000',
				srcAddr: '198.51.100.7',
				action: 'REJECT',
				'@ptr': 'ptr-F',
			},
		]);
	});

	it('shows @timestamp and @message when the query names no fields', () => {
		expect(run('filter action = "REJECT" | limit 1').rows).toEqual([
			{
				'@timestamp': '2023-11-14 22:14:30.000',
				'@message':
					'2 123456789012 eni-0e5f6a7b 198.51.100.7 10.0.2.9 51001 3389 6 2 120 1700000060 1700000120 REJECT OK',
				'@ptr': 'ptr-F',
			},
		]);
	});

	it('leaves out fields an event does not have', () => {
		expect(run('fields srcAddr, nosuch | filter logStatus = "NODATA"').rows).toEqual([
			{'@ptr': 'ptr-D'},
		]);
	});

	it.each([
		['@logStream', 'eni-0a1b2c3d-all'],
		['@log', '/vpc/flow-logs'],
		['@ingestionTime', '2023-11-14 22:13:25.000'],
		['version', '2'],
		['accountId', '123456789012'],
		['interfaceId', 'eni-0a1b2c3d'],
		['dstAddr', '10.0.1.5'],
		['srcPort', '43418'],
		['protocol', '6'],
		['packets', '10'],
		['bytes', '840'],
		['startTime', '1700000000'],
		['start', '1700000000'],
		['endTime', '1700000060'],
		['end', '1700000060'],
		['logStatus', 'OK'],
	])('discovers %s in a default-format record', (field, value) => {
		const [row] = run(`fields ${field} | filter @ptr = "ptr-A"`).rows;
		expect(row?.[field]).toBe(value);
	});

	it('discovers no flow log fields in other formats', () => {
		const custom = event(
			'X',
			'vpc-11aa22bb 5 203.0.113.12 10.0.1.5 43418 80 6 10 840 1 2 ACCEPT OK x y z',
		);
		expect(run('fields srcAddr, action', [custom]).rows).toEqual([{'@ptr': 'ptr-X'}]);
	});

	it('names computed fields by their alias or by their own text', () => {
		const [row] = run(
			'fields bytes / packets as perPacket, concat(srcAddr, ":", srcPort), `dstPort` | filter @ptr = "ptr-A"',
		).rows;
		expect(row).toEqual({
			perPacket: '84',
			'concat(srcAddr, ":", srcPort)': '203.0.113.12:43418',
			dstPort: '80',
			'@ptr': 'ptr-A',
		});
	});

	it('lets later commands use computed fields', () => {
		const query = 'fields bytes / packets as perPacket | filter perPacket > 100 | fields srcAddr';
		expect(run(query).rows).toEqual([{perPacket: '525', srcAddr: '10.0.1.5', '@ptr': 'ptr-B'}]);
	});

	it('shows only the last display, which may compute fields too', () => {
		const query =
			'fields srcAddr, dstAddr, action | display srcAddr | display srcAddr, action = "REJECT" as isReject | filter dstPort = 22';
		expect(run(query).rows).toEqual([{srcAddr: '198.51.100.7', isReject: '1', '@ptr': 'ptr-C'}]);
	});

	it('keeps every event of a plain query, whatever order they arrive in', () => {
		expect(run('fields @ptr').rows.map((row) => row['@ptr'])).toEqual(
			['G', 'F', 'E', 'D', 'C', 'B', 'A'].map((id) => `ptr-${id}`),
		);
		expect(flowEvents[0]?.ptr).toBe('ptr-D');
	});
});
