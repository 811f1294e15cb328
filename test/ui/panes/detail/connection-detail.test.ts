import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Connection} from '../../../../source/domain/snapshot.js';
import {
	connectionDetailLines,
	pairingText,
} from '../../../../source/ui/panes/detail/connection-detail.js';
import {type Line, lineText} from '../../../../source/ui/panes/line.js';
import {connections, context, topology} from '../fixture.js';

const [rejected, , likely, unpaired] = connections as [
	Connection,
	Connection,
	Connection,
	Connection,
];

const texts = (lines: readonly Line[]) => lines.map(lineText);

describe('pairingText', () => {
	it.each([
		[rejected, /^exact pair: .*same client address and port 203\.0\.113\.7:51234$/],
		[likely, /^likely pair: .*interface\/AZ, time overlap and packet\/byte shape$/],
		[unpaired, /^unpaired: a frontend leg with no backend leg/],
		[
			{...rejected, kind: 'unpaired', frontend: undefined} as unknown as Connection,
			/^unpaired: a backend leg with no frontend leg/,
		],
		[
			{...unpaired, kind: 'ambiguous', candidates: 3},
			/^ambiguous: 3 backend legs fit this frontend leg by .*so no pair is claimed$/,
		],
		[
			{...unpaired, kind: 'ambiguous', candidates: 1},
			/^ambiguous: 1 backend leg fits this frontend leg .*but other frontend legs fit that one too;/,
		],
		[{...unpaired, kind: 'arriving'}, /^arriving: no backend leg yet, .*minutes late/],
		[
			{...unpaired, kind: 'health-check', frontend: undefined},
			/^health check: from the load balancer's own address/,
		],
		[
			{...unpaired, listenerPort: 22, frontend: {...unpaired.frontend, dstPort: 22}},
			/^unpaired: no listener on port 22, so the load balancer forwards it nowhere$/,
		],
	] as const)('%#: %s', (connection, expected) => {
		expect(pairingText(connection as Connection, topology)).toMatch(expected);
	});
});

describe('connectionDetailLines', () => {
	it('shows each leg with its interface, AZ, addresses, actions per direction and times', () => {
		const lines = texts(
			connectionDetailLines(rejected, topology, context({width: 100, height: 30})),
		);
		expect(lines).toEqual([
			'tcp 203.0.113.7:51234 -> :443 => 10.0.1.10:8443  ACC ACC REJ  exact',
			'exact pair: frontend and backend legs carry the same client address and port 203.0.113.7:51234',
			'11 pkts · 660B · 13:39:00Z-13:40:00Z',
			'target i-0abc1234 · web-tg · healthy',
			'frontend · client -> LB · eni-0lbaaaa1111 · us-east-1a · tcp',
			'  203.0.113.7:51234 -> 10.0.1.37:443',
			'  -> ACCEPT 2 pkts 120B (1 record) · <- ACCEPT 2 pkts 120B (1 record)',
			'  13:39:00Z-13:40:00Z',
			'backend · LB -> target · eni-0lbaaaa1111 · us-east-1a · tcp',
			'  203.0.113.7:51234 -> 10.0.1.10:8443',
			'  ACCEPT 4 pkts 240B',
			'  13:39:00Z-13:40:00Z',
			"target view · the backend leg at the target's interface · eni-0target1111 · us-east-1a · tcp",
			'  203.0.113.7:51234 -> 10.0.1.10:8443',
			'  -> REJECT 3 pkts 180B (1 record) · <- not logged',
			'  13:39:00Z-13:40:00Z',
		]);
	});

	it('colours the REJECT red', () => {
		const lines = connectionDetailLines(rejected, topology, context({width: 100, height: 30}));
		const reject = lines.flat().find((segment) => segment.text === 'REJECT');
		expect(reject?.tone).toBe('red');
	});

	it('says which legs were not seen', () => {
		const lines = texts(
			connectionDetailLines(unpaired, topology, context({width: 200, height: 30})),
		);
		expect(lines).toContain(
			'backend  none seen: not forwarded by the LB, or outside the records read',
		);
		expect(lines).toContain(
			"target view  none: no flow logs on the target's interface, or nothing logged there",
		);
		expect(lines.join('\n')).not.toContain('target i-');
	});

	it('names a likely pair as not certain, in yellow', () => {
		const lines = connectionDetailLines(likely, topology, context({width: 200, height: 30}));
		expect(lineText(lines[1] ?? [])).toMatch(/^likely pair/);
		expect(lines[1]?.[0]?.tone).toBe('yellow');
	});

	it('goes to two lines a leg when four do not fit, keeping all three legs', () => {
		for (const height of [8, 11, 12, 15]) {
			const lines = texts(connectionDetailLines(rejected, topology, context({width: 120, height})));
			const legStarts = lines.filter((text) => /^(frontend|backend|target view)\b/.test(text));
			expect(legStarts).toHaveLength(3);
			if (height < 16) {
				expect(lines.find((text) => text.startsWith('target view'))).toContain(
					'203.0.113.7:51234 -> 10.0.1.10:8443',
				);
			}
		}
	});

	describe('in local time', () => {
		const zone = process.env.TZ;
		beforeEach(() => {
			process.env.TZ = 'Asia/Kolkata';
		});
		afterEach(() => {
			if (zone === undefined) {
				delete process.env.TZ;
			} else {
				process.env.TZ = zone;
			}
		});

		it('shows UTC and local times, and the offset once', () => {
			const lines = texts(
				connectionDetailLines(
					rejected,
					topology,
					context({width: 120, height: 30, timeZone: 'local'}),
				),
			);
			expect(lines[2]).toBe(
				'11 pkts · 660B · 13:39:00Z-13:40:00Z · local 19:09:00-19:10:00 UTC+05:30',
			);
			expect(lines).toContain('  13:39:00Z-13:40:00Z · local 19:09:00-19:10:00');
			expect(lines.join('\n').match(/UTC\+05:30/g)).toHaveLength(1);
		});
	});
});
