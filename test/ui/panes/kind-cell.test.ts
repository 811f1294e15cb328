import {describe, expect, it} from 'vitest';
import type {Connection} from '../../../source/domain/snapshot.js';
import {kindCell, partnerMayArriveMs} from '../../../source/ui/panes/connection-cells.js';

const now = 1_714_564_800_000;

function connection(kind: Connection['kind'], ageMs: number): Connection {
	const end = (now - ageMs) / 1000;
	return {
		id: 'c',
		kind,
		clientAddr: '203.0.113.7',
		clientPort: 50_000,
		protocol: 6,
		packets: 3,
		bytes: 180,
		start: end - 60,
		end,
	};
}

describe('the pairing cell', () => {
	it.each([
		['a young unpaired leg whose partner may still be in delivery', 'unpaired', 60_000, 'arriving'],
		[
			'an unpaired leg older than the delivery delay',
			'unpaired',
			partnerMayArriveMs + 1000,
			'unpaired',
		],
		['an exact pair, whatever its age', 'exact', 0, 'exact'],
		['a likely pair', 'likely', 60_000, 'likely'],
	] as const)('shows %s as %j', (_name, kind, ageMs, text) => {
		expect(
			kindCell(connection(kind, ageMs), now)
				.map((segment) => segment.text)
				.join(''),
		).toBe(text);
	});

	it.each([
		['young', 60_000],
		['old', partnerMayArriveMs + 1000],
	])('names a %s health check as one, neither arriving nor unpaired', (_age, ageMs) => {
		expect(
			kindCell(connection('unpaired', ageMs), now, true)
				.map((segment) => segment.text)
				.join(''),
		).toBe('health chk');
	});
});
