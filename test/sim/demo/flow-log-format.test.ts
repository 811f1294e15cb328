import {describe, expect, it} from 'vitest';
import {
	defaultFlowLogFormat,
	flowLogFormatVersion,
	parseFlowLogFormat,
	renderFlowRecord,
} from '../../../source/sim/demo/flow-log-format.js';
import {splitCounts} from '../../../source/sim/model/pieces.js';

describe('flow log formats', () => {
	it('reads the field names of a format in order', () => {
		expect(parseFlowLogFormat(`\${srcaddr} \${pkt-srcaddr}  \${action}`)).toEqual([
			'srcaddr',
			'pkt-srcaddr',
			'action',
		]);
		expect(parseFlowLogFormat(defaultFlowLogFormat)).toHaveLength(14);
	});

	it.each(['', 'srcaddr dstaddr', `\${srcaddr} dstaddr`, `\${SrcAddr}`])('rejects %j', (format) => {
		expect(parseFlowLogFormat(format)).toBeUndefined();
	});

	it.each([
		{fields: ['version', 'srcaddr', 'action'], version: 2},
		{fields: ['srcaddr', 'tcp-flags'], version: 3},
		{fields: ['az-id', 'pkt-srcaddr'], version: 4},
		{fields: ['flow-direction', 'srcaddr'], version: 5},
		{fields: ['ecs-cluster-name'], version: 5},
	])('gives version $version to $fields', ({fields, version}) => {
		expect(flowLogFormatVersion(fields)).toBe(version);
	});

	it('writes "-" for fields without a value', () => {
		expect(
			renderFlowRecord(['version', 'srcaddr', 'pkt-srcaddr', 'action'], {
				version: 3,
				srcaddr: '10.0.0.1',
				action: 'ACCEPT',
			}),
		).toBe('3 10.0.0.1 - ACCEPT');
	});
});

describe('splitCounts', () => {
	it.each([
		{total: 10, weights: [1, 1], parts: [5, 5]},
		{total: 7, weights: [30, 10], parts: [5, 2]},
		{total: 1, weights: [10, 50], parts: [0, 1]},
		{total: 0, weights: [1, 2, 3], parts: [0, 0, 0]},
	])('splits $total over $weights into $parts', ({total, weights, parts}) => {
		expect(splitCounts(total, weights)).toEqual(parts);
	});
});
