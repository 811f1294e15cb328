import {describe, expect, it} from 'vitest';
import {InsightsQueryError, parseInsightsQuery} from '../../../source/sim/insights/index.js';

function errorOf(query: string): InsightsQueryError {
	try {
		parseInsightsQuery(query);
	} catch (error) {
		if (error instanceof InsightsQueryError) {
			return error;
		}
		throw error;
	}
	throw new Error(`query was accepted: ${query}`);
}

describe('malformed queries', () => {
	it.each([
		['', 'unexpected symbol found end of query at line 1 and position 1'],
		['fields srcAddr |', 'unexpected symbol found end of query at line 1 and position 17'],
		[
			'fields srcAddr | frobnicate x',
			'unexpected symbol found frobnicate at line 1 and position 18',
		],
		['filter action = "REJECT" |\n| limit 5', 'unexpected symbol found | at line 2 and position 1'],
		['filter action == "REJECT"', 'unexpected symbol found = at line 1 and position 16'],
		['filter action & dstPort', 'unexpected symbol found & at line 1 and position 15'],
		['fields srcAddr dstAddr', 'unexpected symbol found dstAddr at line 1 and position 16'],
		['stats count(*) by bin(1m', 'unexpected symbol found end of query at line 1 and position 25'],
		['fields nosuch(srcAddr)', 'unknown function nosuch at line 1 and position 8'],
		[
			'fields strlen(srcAddr, dstAddr)',
			'wrong number of arguments to strlen at line 1 and position 8',
		],
		[
			'filter sum(bytes) > 10',
			'aggregate function sum(bytes) can only be used in stats at line 1 and position 8',
		],
		['stats srcAddr', 'stats expression srcAddr needs an aggregate function'],
		[
			'stats sum(count(*))',
			'aggregate function count(*) cannot be nested at line 1 and position 11',
		],
		['stats count(*) by bin(1x)', 'invalid time period 1x at line 1 and position 23'],
		[
			'stats count(*) by bin(srcAddr)',
			'bin needs a time period such as 5m at line 1 and position 19',
		],
		[
			'fields @timestamp + 1mo',
			'a calendar period can only be used with bin, datefloor or dateceil at line 1 and position 21',
		],
		['limit 0', 'limit must be between 1 and 10000 at line 1 and position 7'],
		['limit 10001', 'limit must be between 1 and 10000 at line 1 and position 7'],
		['limit many', 'unexpected symbol found many at line 1 and position 7'],
		[
			'dedup srcAddr | sort srcAddr',
			'only limit can follow dedup, found sort at line 1 and position 17',
		],
		[
			'parse @message "* *" as a',
			'parse pattern has 2 wildcards but 1 field names at line 1 and position 16',
		],
		[
			'parse @message /no groups/',
			'parse regular expression has no named capturing group at line 1 and position 16',
		],
		['filter srcAddr like "abc', 'unterminated string at line 1 and position 21'],
		['filter srcAddr like /abc', 'unterminated regular expression at line 1 and position 21'],
		['filter srcAddr like /(abc/', 'invalid regular expression /(abc/ at line 1 and position 21'],
		['filter srcAddr like 5', 'unexpected symbol found 5 at line 1 and position 21'],
		['fields `srcAddr', 'unterminated quoted field name at line 1 and position 8'],
		['unnest x', 'the unnest command is not supported by this endpoint at line 1 and position 1'],
		['fields as', 'unexpected symbol found as at line 1 and position 8'],
	])('%j fails with %j', (query, message) => {
		expect(errorOf(query).message).toBe(message);
	});

	it('tells where the error is', () => {
		const error = errorOf('fields srcAddr\n| filter bytes >');
		expect([error.line, error.position]).toEqual([2, 17]);
		expect(error.name).toBe('InsightsQueryError');
	});

	it('accepts what the AWS samples write', () => {
		const samples = [
			'fields @timestamp, @message | sort @timestamp desc | limit 25',
			'filter @message like /Exception/ | stats count(*) as exceptionCount by bin(1h) | sort exceptionCount desc',
			'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred  desc | limit 15',
			'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24") | stats sum(bytes) as bytesTransferred by dstAddr | sort bytesTransferred desc | limit 15',
			'filter protocol=17 | stats count(*) by srcAddr',
			'filter logStatus="SKIPDATA" | stats count(*) by bin(1h) as t | sort t',
			'FIELDS @message | PARSE @message "* [*] *" as loggingTime, loggingType, loggingMessage | FILTER loggingType IN ["ERROR", "INFO"] | DISPLAY loggingMessage, loggingType = "ERROR" as isError',
			'fields `foo-bar`, action, abs(f3-f4)',
			'fields @timestamp, @message\n    # | filter @message like /delay/\n    | limit 20',
			'fields @timestamp, server, severity, message | sort @timestamp desc | dedup server',
			'fields f1, f2, f3 | filter f1 =~ /^(?i)Exception$/',
			'fields @timestamp, @message | filter Type not in ["foo","bar",1]',
			'stats avg (f1) by f2',
		];
		for (const sample of samples) {
			expect(() => parseInsightsQuery(sample)).not.toThrow();
		}
	});
});
