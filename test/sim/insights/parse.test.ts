import {describe, expect, it} from 'vitest';
import {event, run} from './flow-log-events.js';

// A custom flow log format with the fields in another order and extra ones:
// ${vpc-id} ${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes}
// ${start} ${end} ${action} ${log-status} ${interface-id} ${account-id} ${subnet-id}
const customEvents = [
	event(
		'1',
		'vpc-11aa22bb 5 203.0.113.12 10.0.1.5 43418 80 6 10 840 1700000000 1700000060 ACCEPT OK eni-0a1b2c3d 123456789012 subnet-0123',
		0,
	),
	event(
		'2',
		'vpc-11aa22bb 5 10.0.1.5 203.0.113.12 80 43418 6 8 4200 1700000000 1700000060 ACCEPT OK eni-0a1b2c3d 123456789012 subnet-0123',
		1000,
	),
	event(
		'3',
		'vpc-11aa22bb 5 198.51.100.7 10.0.1.5 51000 22 6 1 60 1700000000 1700000060 REJECT OK eni-0a1b2c3d 123456789012 subnet-0123',
		2000,
	),
	event(
		'4',
		'vpc-11aa22bb 5 203.0.113.12 10.0.1.5 43419 80 6 4 300 1700000060 1700000120 ACCEPT OK eni-0a1b2c3d 123456789012 subnet-0123',
		61_000,
	),
];

const customFormat =
	'parse @message "* * * * * * * * * * * * * * * *" as vpcId, version, srcAddr, dstAddr, srcPort, dstPort, protocol, packets, bytes, start, end, action, logStatus, interfaceId, accountId, subnetId';

describe('parse', () => {
	it('reads a custom format with a glob, one field per wildcard', () => {
		const {rows} = run(`${customFormat} | filter srcPort = 51000`, customEvents);
		expect(rows).toEqual([
			{
				'@timestamp': '2023-11-14 22:13:22.000',
				'@message': customEvents[2]?.message,
				vpcId: 'vpc-11aa22bb',
				version: '5',
				srcAddr: '198.51.100.7',
				dstAddr: '10.0.1.5',
				srcPort: '51000',
				dstPort: '22',
				protocol: '6',
				packets: '1',
				bytes: '60',
				start: '1700000000',
				end: '1700000060',
				action: 'REJECT',
				logStatus: 'OK',
				interfaceId: 'eni-0a1b2c3d',
				accountId: '123456789012',
				subnetId: 'subnet-0123',
				'@ptr': 'ptr-3',
			},
		]);
	});

	it('feeds parsed fields to stats, reading numbers from text', () => {
		const query = `${customFormat} | filter action = "ACCEPT" | stats sum(bytes) as total, count(*) as flows by srcAddr | sort total desc`;
		expect(run(query, customEvents).rows).toEqual([
			{srcAddr: '10.0.1.5', total: '4200', flows: '1'},
			{srcAddr: '203.0.113.12', total: '1140', flows: '2'},
		]);
	});

	it('reads named groups of a regular expression, even names JavaScript would refuse', () => {
		const query =
			'parse @message /(?<eni>eni-[0-9a-f]+) (?<@account>\\d{12})/ | display eni, @account | limit 1';
		expect(run(query, customEvents).rows).toEqual([
			{eni: 'eni-0a1b2c3d', '@account': '123456789012', '@ptr': 'ptr-4'},
		]);
	});

	it('parses a field other than @message, and @message when no field is named', () => {
		expect(run('parse @logStream "eni-*-all" as eni | display eni | limit 1').rows).toEqual([
			{eni: '0e5f6a7b', '@ptr': 'ptr-G'},
		]);
		const levels = [event('L', '25 May 2019 10:24:39,474 [ERROR] {foo=2} The error was: Boom')];
		expect(run('parse "[*] * The error was: *" as level, config, exception', levels).rows).toEqual([
			{
				'@timestamp': '2023-11-14 22:13:20.000',
				'@message': levels[0]?.message,
				level: 'ERROR',
				config: '{foo=2}',
				exception: 'Boom',
				'@ptr': 'ptr-L',
			},
		]);
	});

	it('keeps events the pattern does not match, without the fields', () => {
		const events = [event('a', 'user=alice id=7'), event('b', 'no match here', 1000)];
		expect(run('parse @message "user=* id=*" as user, id | fields user', events).rows).toEqual([
			{'@ptr': 'ptr-b'},
			{user: 'alice', id: '7', '@ptr': 'ptr-a'},
		]);
	});

	it('lets a trailing wildcard take the rest of the text', () => {
		const events = [event('a', 'GET /index.html HTTP/1.1 200 512')];
		expect(run('parse "* * *" as method, path, rest | display rest', events).rows).toEqual([
			{rest: 'HTTP/1.1 200 512', '@ptr': 'ptr-a'},
		]);
	});

	it('matches regular expressions case-insensitively with (?i)', () => {
		const events = [event('a', 'Level=WARN msg=slow')];
		expect(run('parse /(?i)level=(?<level>[a-z]+)/ | display level', events).rows).toEqual([
			{level: 'WARN', '@ptr': 'ptr-a'},
		]);
	});
});
