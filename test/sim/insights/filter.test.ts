import {describe, expect, it} from 'vitest';
import {ids} from './flow-log-events.js';

// Events (oldest first): A 203.0.113.12->10.0.1.5:80 ACCEPT 840B, B reply 4200B, C 198.51.100.7:22
// REJECT, D NODATA, E 203.0.113.12->:443 ACCEPT, F 198.51.100.7->:3389 REJECT, G UDP :53 ACCEPT.
// Results come newest first.
describe('filter', () => {
	it.each([
		['action = "REJECT"', 'FC'],
		["action = 'REJECT'", 'FC'],
		['dstPort = 80', 'A'],
		['dstPort = "80"', 'A'],
		['srcPort > "50000"', 'FC'],
		['accountId = 123456789012', 'GFEDCBA'],
		['bytes >= 1600 or protocol = 17', 'GEB'],
		['(action = "ACCEPT" and dstPort < 100) or logStatus = "NODATA"', 'GDA'],
		['action = "ACCEPT" and not (dstPort = 80 or dstPort = 443)', 'GB'],
		['dstPort in [22, 3389]', 'FC'],
		['action in ["REJECT", "NODATA"]', 'FC'],
		['dstPort not in [22, 3389] and ispresent(dstPort)', 'GEBA'],
		['srcAddr like "198.51"', 'FC'],
		['srcAddr like /^203\\.0\\.113\\.\\d+$/', 'EA'],
		['srcAddr =~ /^192\\./', 'G'],
		['interfaceId like /0E5F/', ''],
		['interfaceId like /(?i)0E5F/', 'GFE'],
		['@message like "REJECT"', 'FC'],
		['@message not like /ACCEPT|REJECT/', 'D'],
		['not ispresent(srcAddr)', 'D'],
		['isempty(srcAddr)', 'D'],
		['@logStream = "eni-0e5f6a7b-all" and action = "ACCEPT"', 'GE'],
		['@timestamp >= 1700000065000', 'GFE'],
		['strlen(srcAddr) > 11', 'FECA'],
		['bytes / packets > 100', 'B'],
		['isIpv4InSubnet(srcAddr, "203.0.113.0/24")', 'EA'],
		['toupper(logStatus) = "NODATA"', 'D'],
		['srcAddr < "199"', 'GFCB'],
	])('filter %s', (condition, expected) => {
		expect(ids(`filter ${condition}`)).toBe(expected);
	});

	it('treats a missing field as different from any value and never ordered', () => {
		expect(ids('filter action != "ACCEPT"')).toBe('FDC');
		expect(ids('filter dstPort < 100000')).toBe('GFECBA');
	});

	it('accepts command names and keywords in upper case, as the AWS samples write them', () => {
		expect(ids('FILTER action IN ["REJECT"] AND dstPort > 1000')).toBe('F');
	});

	it('ignores comments', () => {
		const query = '# rejected flows only\nfilter action = "REJECT" # the blocked ones\n| limit 1';
		expect(ids(query)).toBe('F');
	});

	it('applies several filter commands in turn', () => {
		expect(ids('filter action = "ACCEPT" | filter dstPort > 100 | filter protocol = 6')).toBe('EB');
	});
});
