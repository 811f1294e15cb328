// What a leg keeps of each direction for the findings: how many of its records were rejected
// (all of them: the direction never got through; some: late packets after a close) and the
// tcp-flags OR-ed over them (a lone SYN is a connection attempt, never a late packet).
import {describe, expect, it} from 'vitest';
import {buildLegs} from '../../../source/domain/flows/legs.js';
import type {FlowAction, FlowRecord} from '../../../source/domain/snapshot.js';
import {client, nlbTopology, t0, webA} from './fixtures.js';

const topology = nlbTopology({preserveClientIp: true});

function record(
	direction: 'in' | 'out',
	start: number,
	action: FlowAction,
	tcpFlags?: number,
): FlowRecord {
	const inbound = direction === 'in';
	return {
		interfaceId: webA.interfaceId,
		logStatus: 'OK',
		srcAddr: inbound ? client : webA.ip,
		srcPort: inbound ? 40_000 : webA.port,
		dstAddr: inbound ? webA.ip : client,
		dstPort: inbound ? webA.port : 40_000,
		protocol: 6,
		packets: 2,
		bytes: 120,
		start,
		end: start + 60,
		action,
		...(tcpFlags === undefined ? {} : {tcpFlags}),
		extra: {},
	};
}

describe('a leg per direction', () => {
	it.each([
		{
			name: 'SYNs rejected in every interval: all records rejected, flags SYN',
			records: [record('in', t0, 'REJECT', 2), record('in', t0 + 60, 'REJECT', 2)],
			forward: {records: 2, rejectedRecords: 2, tcpFlags: 2},
			reverse: undefined,
		},
		{
			name: 'a connection that ran, then one late FIN rejected: some records rejected',
			records: [
				record('in', t0, 'ACCEPT', 3),
				record('out', t0, 'ACCEPT', 19),
				record('in', t0 + 60, 'REJECT', 1),
			],
			forward: {records: 2, rejectedRecords: 1, tcpFlags: 3},
			reverse: {records: 1, rejectedRecords: undefined, tcpFlags: 19},
		},
		{
			name: 'the SYN-ACK rejected on its way out: the reply direction alone is rejected',
			records: [record('in', t0, 'ACCEPT', 2), record('out', t0, 'REJECT', 18)],
			forward: {records: 1, rejectedRecords: undefined, tcpFlags: 2},
			reverse: {records: 1, rejectedRecords: 1, tcpFlags: 18},
		},
		{
			name: 'a format without tcp-flags keeps no flags',
			records: [record('in', t0, 'REJECT')],
			forward: {records: 1, rejectedRecords: 1, tcpFlags: undefined},
			reverse: undefined,
		},
	])('$name', ({records, forward, reverse}) => {
		const [leg] = buildLegs(records, topology);
		expect(leg?.forward).toMatchObject(forward);
		expect(leg?.forward?.tcpFlags).toBe(forward.tcpFlags);
		expect(leg?.forward?.rejectedRecords).toBe(forward.rejectedRecords);
		if (reverse === undefined) {
			expect(leg?.reverse).toBeUndefined();
		} else {
			expect(leg?.reverse?.tcpFlags).toBe(reverse.tcpFlags);
			expect(leg?.reverse?.rejectedRecords).toBe(reverse.rejectedRecords);
		}
	});
});
