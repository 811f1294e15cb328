// The REJECT pass's filter pattern: one slot per field of the flow log's own format, the documented
// space-delimited form, checked against the sim's implementation of that syntax.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {defaultFlowFormat, parseLogFormat} from '../../../source/domain/flows/flow-format.js';
import {rejectPattern} from '../../../source/domain/flows-window/index.js';
import {compileFilterPattern} from '../../../source/sim/services/logs/filter-pattern.js';

const custom = parseLogFormat(
	'version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status tcp-flags flow-direction',
);
const noAction = parseLogFormat('version interface-id srcaddr dstaddr start end');

describe('rejectPattern', () => {
	it('names every field of the default format, REJECT in the action slot', () => {
		expect(rejectPattern(defaultFlowFormat)).toBe(
			'[version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action="REJECT", log_status]',
		);
	});

	it('follows a custom format, and has nothing to ask of a format without action', () => {
		if (!custom.ok || !noAction.ok) {
			throw new Error('both formats parse');
		}

		expect(rejectPattern(custom.format)).toMatch(
			/^\[version, interface_id, .*, action="REJECT", log_status, tcp_flags, flow_direction\]$/,
		);
		expect(rejectPattern(noAction.format)).toBeUndefined();
	});

	it('matches exactly the REJECT records of its format', () => {
		if (!custom.ok) {
			throw new Error('the custom format parses');
		}

		const matches = compileFilterPattern(rejectPattern(custom.format));
		fc.assert(
			fc.property(
				fc.constantFrom('ACCEPT', 'REJECT', '-'),
				fc.ipV4(),
				fc.integer({min: 0, max: 65_535}),
				fc.constantFrom('OK', 'NODATA'),
				(action, address, port, status) => {
					const line = `5 eni-0a1b2c3d ${address} 10.0.1.5 ${port} 443 6 10 840 1700000000 1700000060 ${action} ${status} 2 ingress`;
					expect(matches(line)).toBe(action === 'REJECT');
				},
			),
		);
		// A line of another shape (fewer fields) is not matched: the pattern names them all.
		expect(matches('2 123456789012 eni-0a1b2c3d 1.2.3.4 10.0.1.5 1 443 6 1 1 1 2 REJECT OK')).toBe(
			false,
		);
	});
});
