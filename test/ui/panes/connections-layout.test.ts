import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Connection, PairingKind} from '../../../source/domain/snapshot.js';
import {
	connectionsLayout,
	connectionVariants,
} from '../../../source/ui/panes/connections-layout.js';
import {lineText} from '../../../source/ui/panes/line.js';
import {paneTime} from '../../../source/ui/panes/pane-context.js';
import {type TableLayout, tableHeader, tableRow} from '../../../source/ui/panes/table.js';
import {bestLayout} from '../../../source/ui/panes/table-variants.js';
import {connections, context, now} from './fixture.js';

const kinds: readonly PairingKind[] = [
	'exact',
	'likely',
	'ambiguous',
	'unpaired',
	'arriving',
	'health-check',
];
const [template] = connections as [Connection];
let generated = 0;

const address = fc.oneof(
	fc.ipV4(),
	fc.ipV6(),
	fc.constantFrom('10.0.1.10', '203.0.113.7', '2001:db8::1'),
);

// Rows that differ in every cell a column measures: addresses of any length, legs present or not,
// counts of any size, ages around the minute, hour and day marks.
const connection = fc
	.record({
		kind: fc.constantFrom(...kinds),
		clientAddr: address,
		clientPort: fc.integer({min: 0, max: 65_535}),
		listenerPort: fc.option(fc.integer({min: 1, max: 65_535}), {nil: undefined}),
		targetAddr: fc.option(address, {nil: undefined}),
		targetPort: fc.option(fc.integer({min: 1, max: 65_535}), {nil: undefined}),
		protocol: fc.constantFrom(1, 6, 17, 58, 47),
		backend: fc.boolean(),
		packets: fc.nat({max: 2_000_000_000}),
		bytes: fc.nat({max: Number.MAX_SAFE_INTEGER}),
		ageSeconds: fc.oneof(
			fc.integer({min: -5, max: 200}),
			fc.integer({min: 500, max: 4_000}),
			fc.integer({min: 35_000, max: 90_000}),
		),
	})
	.map((fields): Connection => {
		const {frontend, backend, targetView, listenerPort, targetAddr, targetPort, ...rest} = template;
		generated += 1;
		return {
			...rest,
			...(frontend === undefined ? {} : {frontend}),
			...(targetView === undefined ? {} : {targetView}),
			...(fields.backend && backend !== undefined ? {backend} : {}),
			...(fields.listenerPort === undefined ? {} : {listenerPort: fields.listenerPort}),
			...(fields.targetAddr === undefined ? {} : {targetAddr: fields.targetAddr}),
			...(fields.targetPort === undefined ? {} : {targetPort: fields.targetPort}),
			id: `generated-${generated}`,
			kind: fields.kind,
			clientAddr: fields.clientAddr,
			clientPort: fields.clientPort,
			protocol: fields.protocol,
			packets: fields.packets,
			bytes: fields.bytes,
			end: Math.floor(now / 1000) - fields.ageSeconds,
		};
	});

function drawn(layout: TableLayout<Connection>, rows: readonly Connection[]): string[] {
	return [
		lineText(tableHeader(layout, '…')),
		...rows.map((row) => lineText(tableRow(layout, row, '…'))),
	];
}

// The table as laid out from nothing kept: every cell of every row measured at this clock.
function fresh(rows: readonly Connection[], width: number, at: number): string[] {
	return drawn(bestLayout(connectionVariants(at), rows, width), rows);
}

describe('connectionsLayout', () => {
	it('draws what a layout of every cell at that clock draws, whatever was laid out before', () => {
		fc.assert(
			fc.property(
				fc.array(connection, {minLength: 1, maxLength: 40}),
				fc.array(
					fc.record({
						picks: fc.array(fc.nat(), {minLength: 1, maxLength: 40}),
						// Undefined keeps the width before: only the clock or the rows move.
						width: fc.option(fc.integer({min: 20, max: 200}), {nil: undefined}),
						later: fc.oneof(fc.integer({min: 0, max: 3}), fc.integer({min: 0, max: 4_000})),
						sameRows: fc.boolean(),
					}),
					{minLength: 1, maxLength: 6},
				),
				(pool, steps) => {
					let at = now;
					let width = 120;
					let rows: readonly Connection[] = [];
					for (const step of steps) {
						at += step.later * 1000;
						width = step.width ?? width;
						if (!step.sameRows || rows.length === 0) {
							rows = step.picks.map((pick) => pool[pick % pool.length] as Connection);
						}
						const laid = connectionsLayout(rows, width, context({width, now: at}));
						expect(drawn(laid, rows)).toEqual(fresh(rows, width, at));
					}
				},
			),
			{numRuns: 200},
		);
	});

	it('is drawn again when the widest age changes width, not before', () => {
		// 59s turns 1m a second later: the column's widest cell narrows.
		const rows = [{...template, id: 'a', end: Math.floor(now / 1000) - 59}];
		const at = context({width: 200, now});
		expect(drawn(connectionsLayout(rows, 200, at), rows)).toEqual(fresh(rows, 200, now));
		expect(paneTime(at).until).toBe(now + 1000);
	});
});
