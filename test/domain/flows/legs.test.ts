import {describe, expect, it} from 'vitest';
import {buildLegs} from '../../../source/domain/flows/legs.js';
import {exchange, lbA, line, nlbTopology, records, webA} from './fixtures.js';

const t0 = 1_700_000_000;
const client = '198.51.100.7';
const topology = nlbTopology({preserveClientIp: true});

describe('buildLegs', () => {
	it.each([
		{
			name: 'client to the listener on the LB interface is a frontend leg',
			lines: exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: lbA.ip,
				dport: 80,
				start: t0,
			}),
			role: 'frontend',
			server: [lbA.ip, 80],
		},
		{
			name: 'the reply direction alone still has the listener as server',
			lines: [
				line({eni: lbA.interfaceId, src: lbA.ip, sport: 80, dst: client, dport: 40_000, start: t0}),
			],
			role: 'frontend',
			server: [lbA.ip, 80],
		},
		{
			name: 'LB interface traffic to a registered target is a backend leg',
			lines: exchange({
				eni: lbA.interfaceId,
				src: client,
				sport: 40_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			role: 'backend',
			server: [webA.ip, webA.port],
		},
		{
			name: "records on a target's interface are the target view",
			lines: exchange({
				eni: webA.interfaceId,
				src: lbA.ip,
				sport: 51_000,
				dst: webA.ip,
				dport: webA.port,
				start: t0,
			}),
			role: 'target',
			server: [webA.ip, webA.port],
		},
		{
			name: "a scan of the LB's address on a port that is no listener is still frontend",
			lines: [
				line({
					eni: lbA.interfaceId,
					src: client,
					sport: 40_000,
					dst: lbA.ip,
					dport: 22,
					start: t0,
					action: 'REJECT',
				}),
			],
			role: 'frontend',
			server: [lbA.ip, 22],
		},
	])('$name', ({lines, role, server}) => {
		const legs = buildLegs(records(lines), topology);
		expect(legs).toHaveLength(1);
		expect(legs[0]).toMatchObject({role, dstAddr: server[0], dstPort: server[1]});
	});

	it('ignores interfaces that are neither the LB nor a target', () => {
		const lines = exchange({
			eni: 'eni-0unrelated',
			src: client,
			sport: 1,
			dst: '10.9.9.9',
			dport: 443,
			start: t0,
		});
		expect(buildLegs(records(lines), topology)).toEqual([]);
	});

	it('ignores NODATA and SKIPDATA rows', () => {
		const lines = [
			`2 123456789012 ${lbA.interfaceId} - - - - - - - ${t0} ${t0 + 60} - NODATA`,
			`2 123456789012 ${lbA.interfaceId} - - - - - - - ${t0} ${t0 + 60} - SKIPDATA`,
		];
		expect(buildLegs(records(lines), topology)).toEqual([]);
	});

	it('keeps both directions with their own action; a REJECT either way rejects the leg', () => {
		const lines = exchange({
			eni: webA.interfaceId,
			src: client,
			sport: 40_000,
			dst: webA.ip,
			dport: webA.port,
			start: t0,
			packets: 3,
			bytes: 180,
			action: 'ACCEPT',
			replyAction: 'REJECT',
		});
		const [leg] = buildLegs(records(lines), topology);
		expect(leg).toMatchObject({
			srcAddr: client,
			srcPort: 40_000,
			action: 'REJECT',
			packets: 6,
			bytes: 360,
			forward: {action: 'ACCEPT', packets: 3, bytes: 180, records: 1},
			reverse: {action: 'REJECT', packets: 3, bytes: 180, records: 1},
		});
	});

	it('merges a conversation across consecutive aggregation intervals', () => {
		const spec = {
			eni: lbA.interfaceId,
			src: client,
			sport: 40_000,
			dst: lbA.ip,
			dport: 80,
			packets: 5,
			bytes: 500,
		};
		const lines = [0, 60, 120].flatMap((offset) => exchange({...spec, start: t0 + offset}));
		const legs = buildLegs(records(lines), topology, {aggregationSeconds: 60});
		expect(legs).toHaveLength(1);
		expect(legs[0]).toMatchObject({start: t0, end: t0 + 180, packets: 30, bytes: 3000});
		expect(legs[0]?.forward?.records).toBe(3);
	});

	it('splits a source port reused after a long silence into a new leg', () => {
		const spec = {eni: lbA.interfaceId, src: client, sport: 40_000, dst: lbA.ip, dport: 80};
		const lines = [...exchange({...spec, start: t0}), ...exchange({...spec, start: t0 + 3600})];
		const legs = buildLegs(records(lines), topology, {aggregationSeconds: 60});
		expect(legs.map((leg) => leg.start).sort()).toEqual([t0, t0 + 3600]);
	});

	it('names the AZ of the LB interface', () => {
		const lines = exchange({
			eni: lbA.interfaceId,
			src: client,
			sport: 40_000,
			dst: lbA.ip,
			dport: 80,
			start: t0,
		});
		expect(buildLegs(records(lines), topology)[0]?.availabilityZone).toBe(lbA.zone);
	});
});
