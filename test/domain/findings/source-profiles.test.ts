// The per-client view the source rules read: what each client reached, where it was rejected, and
// when its rows began and ended, from the aggregates and the connection rows together.
import {describe, expect, it} from 'vitest';
import {
	type SourceProfile,
	sourceProfiles,
} from '../../../source/domain/findings/source-profiles.js';
import {
	buildSnapshot,
	connection,
	flows,
	ids,
	minute,
	now,
	seconds,
	source,
} from './snapshot-builder.js';

function profiles(): Map<string, SourceProfile> {
	const snapshot = buildSnapshot({
		flows: flows(
			[
				// Not in time order: the rows come sorted by other things.
				connection({client: '198.51.100.1', clientPort: 40_002, at: now - 2 * minute}),
				connection({client: '198.51.100.1', clientPort: 40_001, at: now - 6 * minute}),
				connection({client: '198.51.100.1', clientPort: 40_005, at: now - 4 * minute}),
				connection({
					client: '198.51.100.2',
					clientPort: 40_003,
					listenerPort: 22,
					at: now - 4 * minute,
					frontend: 'REJECT',
					backend: 'none',
					atTarget: 'none',
				}),
				connection({
					client: '198.51.100.3',
					clientPort: 40_004,
					at: now - 3 * minute,
					atTarget: 'REJECT',
				}),
			],
			{
				acceptedSources: [
					source('198.51.100.1', [80, 8080], 3),
					// The LB's health checks and a target's replies.
					source(ids.lbIpA, [80], 4),
					source(ids.target1Ip, [40_001], 2),
				],
				rejectedSources: [source('198.51.100.4', [3389, 22], 5, 'lb')],
			},
		),
	});
	return new Map(sourceProfiles(snapshot).map((profile) => [profile.addr, profile]));
}

const sorted = (set: ReadonlySet<number | string>) => [...set].sort();

describe('source profiles', () => {
	it.each([
		{
			addr: '198.51.100.1',
			ports: [80, 8080],
			acceptedPorts: [80, 8080],
			lbRejectedPorts: [],
			rejectedAt: [],
			rows: 3,
			firstSeen: seconds(now - 6 * minute),
			lastSeen: seconds(now - 2 * minute) + 30,
		},
		{
			addr: '198.51.100.2',
			ports: [22],
			acceptedPorts: [],
			lbRejectedPorts: [22],
			rejectedAt: ['lb'],
			rows: 1,
			firstSeen: seconds(now - 4 * minute),
			lastSeen: seconds(now - 4 * minute) + 30,
		},
		// The frontend leg is what the client addressed: it was accepted, so the port counts as
		// accepted, though the target rejected the backend.
		{
			addr: '198.51.100.3',
			ports: [80],
			acceptedPorts: [80],
			lbRejectedPorts: [],
			rejectedAt: [],
			rows: 1,
			firstSeen: seconds(now - 3 * minute),
			lastSeen: seconds(now - 3 * minute) + 30,
		},
		{
			addr: '198.51.100.4',
			ports: [22, 3389],
			acceptedPorts: [],
			lbRejectedPorts: [22, 3389],
			rejectedAt: ['lb'],
			rows: 0,
			firstSeen: undefined,
			lastSeen: undefined,
		},
	])('$addr: what it reached, where it was rejected, when it was seen', (expected) => {
		const profile = profiles().get(expected.addr);
		expect(profile).toBeDefined();
		expect(sorted(profile?.ports ?? new Set())).toEqual(expected.ports.sort());
		expect(sorted(profile?.acceptedPorts ?? new Set())).toEqual(expected.acceptedPorts.sort());
		expect(sorted(profile?.lbRejectedPorts ?? new Set())).toEqual(expected.lbRejectedPorts.sort());
		expect(sorted(profile?.rejectedAt ?? new Set())).toEqual(expected.rejectedAt);
		expect(profile?.connections).toHaveLength(expected.rows);
		expect(profile?.firstSeen).toBe(expected.firstSeen);
		expect(profile?.lastSeen).toBe(expected.lastSeen);
	});

	it('counts flows from the aggregates and names every address a client reached', () => {
		const client = profiles().get('198.51.100.1');
		expect(client?.acceptedFlows).toBe(3);
		expect(client?.rejectedFlows).toBe(0);
		expect(sorted(client?.addresses ?? new Set())).toHaveLength(1);
		expect(profiles().get('198.51.100.4')?.rejectedFlows).toBe(5);
		expect(profiles().get('198.51.100.4')?.addresses.size).toBe(0);
	});

	it('leaves out the load balancer and its targets, which show up as sources too', () => {
		expect([...profiles().keys()].sort()).toEqual([
			'198.51.100.1',
			'198.51.100.2',
			'198.51.100.3',
			'198.51.100.4',
		]);
	});
});
