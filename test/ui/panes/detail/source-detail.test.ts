import {describe, expect, it} from 'vitest';
import type {SourceAggregate} from '../../../../source/domain/snapshot.js';
import {
	connectionsFrom,
	sourceDetailLines,
} from '../../../../source/ui/panes/detail/source-detail.js';
import {lineText} from '../../../../source/ui/panes/line.js';
import {connections, context, snapshot} from '../fixture.js';

const rejectedSources = snapshot.flows?.aggregates.rejectedSources ?? [];
const [atTarget, , scanner] = rejectedSources as [
	SourceAggregate,
	SourceAggregate,
	SourceAggregate,
];

describe('connectionsFrom', () => {
	it.each([
		['203.0.113.7', ['c-203.0.113.7-51234']],
		['2001:0db8:0:0:0:0:0:1234', ['c-unpaired-1']],
		['10.0.2.41', ['c-likely-1']],
		['45.33.32.156', []],
	])('%s made %j', (addr, ids) => {
		expect(connectionsFrom(connections, addr).map((row) => row.id)).toEqual(ids);
	});
});

describe('sourceDetailLines', () => {
	it('has the counts, ports, where it was rejected and the connections it made', () => {
		const lines = sourceDetailLines(atTarget, 'rejected', connections, context({width: 120})).map(
			lineText,
		);
		expect(lines[0]).toBe('rejected source 203.0.113.7 · at target');
		expect(lines[1]).toBe('800 records · 2400 pkts · 141KB · port 8443');
		expect(lines[2]).toMatch(/^rejected at the target's interface: the target's security group/);
		expect(lines[3]).toBe('1 connection from 203.0.113.7');
		expect(lines[4]).toMatch(/^client\s+lsnr\s+target\s+FE {2}BE {2}TGT/);
		expect(lines[5]).toMatch(/^203\.0\.113\.7:51234 +-> :443 => 10\.0\.1\.10:8443 ACC ACC REJ/);
	});

	it('says so when no connection row comes from the address', () => {
		const lines = sourceDetailLines(scanner, 'rejected', connections, context({width: 120})).map(
			lineText,
		);
		expect(lines[0]).toBe('rejected source 45.33.32.156 · at LB');
		expect(lines[1]).toContain('ports 22,23,3389,5900');
		expect(lines[2]).toMatch(/^rejected at the LB's interface/);
		expect(lines.at(-1)).toBe('no connection rows from 45.33.32.156 in the records read');
	});

	it('counts the connections that do not fit', () => {
		const many = Array.from({length: 30}, (_, index) => ({
			...connections[0],
			id: `c-${index}`,
			clientPort: 40_000 + index,
		})) as typeof connections;
		const lines = sourceDetailLines(atTarget, 'rejected', many, context({width: 120, height: 12}));
		expect(lines).toHaveLength(12);
		expect(lineText(lines.at(-1) ?? [])).toBe('… 24 more connections');
	});
});
