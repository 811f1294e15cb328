import {describe, expect, it} from 'vitest';
import type {Connection, FlowLeg} from '../../../source/domain/snapshot.js';
import {healthCheckTest} from '../../../source/domain/topology/health-checks.js';
import {client, lbA, nlbTopology, webA} from '../flows/fixtures.js';

const leg: FlowLeg = {
	role: 'backend',
	interfaceId: lbA.interfaceId,
	protocol: 6,
	srcAddr: lbA.ip,
	srcPort: 41_411,
	dstAddr: webA.ip,
	dstPort: webA.port,
	action: 'REJECT',
	packets: 3,
	bytes: 180,
	start: 1_700_000_000,
	end: 1_700_000_060,
};

const backendOnly: Connection = {
	id: 'c-1',
	kind: 'unpaired',
	clientAddr: lbA.ip,
	clientPort: 41_411,
	targetAddr: webA.ip,
	targetPort: webA.port,
	protocol: 6,
	targetView: leg,
	packets: 3,
	bytes: 180,
	start: leg.start,
	end: leg.end,
};

describe('healthCheckTest', () => {
	it.each([
		{
			case: "a backend leg from the LB's address to a target that sees client IPs",
			connection: backendOnly,
			preserveClientIp: true,
			expected: true,
		},
		{
			case: 'the same where the group does not preserve client IPs (every backend leg looks so)',
			connection: backendOnly,
			preserveClientIp: false,
			expected: false,
		},
		{
			case: 'a client address',
			connection: {...backendOnly, clientAddr: client},
			preserveClientIp: true,
			expected: false,
		},
		{
			case: 'a row with a frontend leg',
			connection: {...backendOnly, kind: 'likely', frontend: {...leg, role: 'frontend'}},
			preserveClientIp: true,
			expected: false,
		},
		{
			case: 'a target the topology does not know',
			connection: {...backendOnly, targetAddr: '10.9.9.9'},
			preserveClientIp: true,
			expected: false,
		},
	] as const)('$case: $expected', ({connection, preserveClientIp, expected}) => {
		expect(healthCheckTest(nlbTopology({preserveClientIp}))(connection)).toBe(expected);
	});

	it('claims nothing before discovery', () => {
		expect(healthCheckTest(undefined)(backendOnly)).toBe(false);
	});
});
