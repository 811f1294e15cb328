import {describe, expect, it} from 'vitest';
import {
	filterRows,
	type RowFacts,
	rowMatches,
} from '../../../../source/ui/panes/filter/filter-match.js';
import {parseFilter} from '../../../../source/ui/panes/filter/filter-terms.js';

const flowRow: RowFacts = {
	addresses: ['203.0.113.7', '10.0.1.37', '10.0.1.10'],
	ports: [51_234, 443, 8443],
	actions: ['ACCEPT', 'ACCEPT', 'REJECT'],
	zones: ['us-east-1a'],
	interfaces: ['eni-0lbaaaa1111', 'eni-0target1111'],
	targets: ['i-0abc1234'],
	text: ['203.0.113.7', '10.0.1.37', '10.0.1.10', 'exact', 'tcp'],
};

const acceptedRow: RowFacts = {...flowRow, actions: ['ACCEPT', 'ACCEPT']};

const changeRow: RowFacts = {
	text: ['RevokeSecurityGroupIngress', 'ops-admin', 'sg-0target tcp/8443 from 203.0.113.0/24'],
};

const seriesRow: RowFacts = {
	zones: [],
	text: ['New flows', 'NewFlowCount', 'net/web-nlb/50dc6c495c0c9188'],
};

describe('rowMatches', () => {
	it.each([
		['203.0.113.7', flowRow, true],
		['203.0.113.0/24', flowRow, true],
		['198.51.100.0/24', flowRow, false],
		['10.0.1.1', flowRow, false],
		['10.0.1', flowRow, true],
		['port:443', flowRow, true],
		['8443', flowRow, true],
		['port:80', flowRow, false],
		['reject', flowRow, true],
		['accept', flowRow, false],
		['accept', acceptedRow, true],
		['reject', acceptedRow, false],
		['us-east-1a', flowRow, true],
		['us-east-1b', flowRow, false],
		['eni-0target', flowRow, true],
		['eni-0other', flowRow, false],
		['i-0abc', flowRow, true],
		['i-0def', flowRow, false],
		['EXACT', flowRow, true],
		['203.0.113.0/24 port:8443 reject', flowRow, true],
		['203.0.113.0/24 port:80', flowRow, false],
		['203.0.113.0/24', changeRow, true],
		['203.0.113.7', changeRow, true],
		['198.51.100.7', changeRow, false],
		['203.0.0.0/16', changeRow, true],
		['203.0.113.128/25', changeRow, true],
		['203.0.114.0/24', changeRow, false],
		['8443', changeRow, true],
		['443', changeRow, false],
		['revoke ops', changeRow, true],
		['reject', changeRow, false],
		['us-east-1a', seriesRow, false],
		['flows', seriesRow, true],
	])('%j on %j: %s', (filter, facts, expected) => {
		expect(rowMatches(parseFilter(filter), facts)).toBe(expected);
	});

	it('leaves invalid terms out of the match', () => {
		expect(rowMatches(parseFilter('10.0.0.0/33 port:443'), flowRow)).toBe(true);
	});

	it('keeps every row without a filter, in order', () => {
		const rows = [3, 1, 2];
		expect(filterRows(rows, undefined, () => flowRow)).toEqual([3, 1, 2]);
		expect(
			filterRows(rows, parseFilter('reject'), (row) => (row === 1 ? flowRow : acceptedRow)),
		).toEqual([1]);
	});
});
