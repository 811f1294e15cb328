import {describe, expect, it} from 'vitest';
import type {Connection} from '../../../source/domain/snapshot.js';
import {kindCell} from '../../../source/ui/panes/connection-cells.js';

function connection(kind: Connection['kind']): Connection {
	return {
		id: 'c',
		kind,
		clientAddr: '203.0.113.7',
		clientPort: 50_000,
		protocol: 6,
		packets: 3,
		bytes: 180,
		start: 1_714_564_740,
		end: 1_714_564_800,
	};
}

describe('the pairing cell', () => {
	// The snapshot decides the kind (arriving included: it depends on when the view was built), so
	// the screen, --once, y and --json say the same of every row.
	it.each([
		['exact', 'exact'],
		['likely', 'likely'],
		['ambiguous', 'ambiguous'],
		['unpaired', 'unpaired'],
		['arriving', 'arriving'],
		['health-check', 'health chk'],
	] as const)('shows a row of kind %s as %j', (kind, text) => {
		expect(
			kindCell(connection(kind))
				.map((segment) => segment.text)
				.join(''),
		).toBe(text);
	});

	it('shows a kind a newer lbtop wrote (a replayed file) as it is', () => {
		const cell = kindCell(connection('split' as Connection['kind']));
		expect(cell.map((segment) => segment.text).join('')).toBe('split');
	});
});
