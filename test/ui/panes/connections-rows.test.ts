import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Connection, FlowsView} from '../../../source/domain/snapshot.js';
import {legActions} from '../../../source/ui/panes/connection-cells.js';
import {connectionsLines} from '../../../source/ui/panes/connections-rows.js';
import {flowsFreshnessLine} from '../../../source/ui/panes/flows-freshness.js';
import {lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {connections, context, now, snapshot} from './fixture.js';

const flows = snapshot.flows as FlowsView;
const input = {flows, state: snapshot.sources.flows};
const [rejected, , likely, unpaired] = connections as [
	Connection,
	Connection,
	Connection,
	Connection,
];

describe('legActions', () => {
	it.each([
		['rejected at the target', rejected, 'ACC ACC REJ', 'A A R'],
		['likely pair without target view', likely, 'ACC ACC ---', 'A A -'],
		['frontend only', unpaired, 'ACC --- ---', 'A - -'],
	])('%s reads %j, or %j when short', (_name, connection, long, short) => {
		expect(lineText(legActions(connection, 'long'))).toBe(long);
		expect(lineText(legActions(connection, 'short'))).toBe(short);
	});

	it('colours REJECT red and ACCEPT green', () => {
		const tones = legActions(rejected, 'long').flatMap((segment) =>
			segment.tone === undefined ? [] : [segment.tone],
		);
		expect(tones).toEqual(['green', 'green', 'red']);
	});
});

describe('flowsFreshnessLine', () => {
	it.each([
		[
			200,
			'flows through 13:40:10Z · lag 4m50s · aggregation 60 s · sample of 2000 of 48.2k records · 3 malformed skipped',
		],
		[78, 'flows through 13:40:10Z · lag 4m50s · sample of 2000 of 48.2k records'],
		[38, 'flows through 13:40:10Z · sampled 4.1%'],
	])('at %i cells: %j', (width, expected) => {
		expect(lineText(flowsFreshnessLine(flows, false, context({width})))).toBe(expected);
	});

	it('says nothing about sampling when every record was read', () => {
		const whole = {...flows, sampled: false, malformedRecords: 0};
		expect(lineText(flowsFreshnessLine(whole, false, context({width: 200})))).toBe(
			'flows through 13:40:10Z · lag 4m50s · aggregation 60 s',
		);
	});

	it('names the path the records came by when there is room', () => {
		const fromS3 = {...flows, sampled: false, malformedRecords: 0, via: 'S3 + Athena'};
		expect(lineText(flowsFreshnessLine(fromS3, false, context({width: 200})))).toBe(
			'flows through 13:40:10Z · lag 4m50s · aggregation 60 s · via S3 + Athena',
		);
		expect(lineText(flowsFreshnessLine(fromS3, false, context({width: 38})))).toBe(
			'flows through 13:40:10Z · lag 4m50s',
		);
	});

	it('marks stale data', () => {
		expect(lineText(flowsFreshnessLine(flows, true, context({width: 200})))).toMatch(
			/^STALE flows through/,
		);
	});

	it('says when no record has arrived yet', () => {
		const {dataThrough: _, ...empty} = flows;
		expect(lineText(flowsFreshnessLine(empty, false, context({width: 38})))).toBe(
			'no flow records yet · sampled 4.1%',
		);
	});
});

describe('connectionsLines', () => {
	it.each([
		[196, /^client\s+lsnr\s+target\s+FE {2}BE {2}TGT\s+pkts\s+bytes\s+age\s+pairing\s+proto$/],
		[78, /^client\s+lsnr\s+target\s+FE {2}BE {2}TGT\s+bytes\s+pairing$/],
		[38, /^client\s+F B T\s+pairing$/],
	])('at %i cells drops the least important columns first', (width, header) => {
		const lines = connectionsLines(input, context({width, height: 20})).map(lineText);
		expect(lines[1]?.trimEnd()).toMatch(header);
		for (const text of lines) {
			expect(text.length).toBeLessThanOrEqual(width);
		}
	});

	it('draws a row per connection in the engine order', () => {
		const lines = connectionsLines(input, context({width: 196, height: 20})).map(lineText);
		expect(lines[2]).toMatch(
			/^203\.0\.113\.7:51234\s+-> :443 => 10\.0\.1\.10:8443 ACC ACC REJ\s+11\s+660B\s+5m exact\s+tcp/,
		);
		expect(lines[4]).toMatch(/likely/);
		expect(lines[5]).toMatch(/^\[2001:db8::1234\]:55555\s+-> :443 => \?\s+ACC --- ---/);
	});

	it('cuts an IPv6 client rather than the target column when most clients are IPv4', () => {
		const ipv4Only = connections.slice(0, 2);
		const lines = connectionsLines(
			{...input, flows: {...flows, connections: ipv4Only}},
			context({width: 38, height: 10}),
		);
		expect(lineText(lines[1] ?? []).trimEnd()).toMatch(/^client\s+target\s+F B T$/);
	});

	it('scrolls to keep the selection visible, highlighted while focused', () => {
		const many = Array.from({length: 60}, (_, index) => ({
			...rejected,
			id: `c${index}`,
			clientPort: 10_000 + index,
		}));
		const lines = connectionsLines(
			{...input, flows: {...flows, connections: many}},
			context({width: 78, height: 10, focused: true, selected: 42}),
		);
		expect(lines).toHaveLength(10);
		const lit = lines.filter((entry) => entry.some((segment) => segment.inverse === true));
		expect(lit.map(lineText)).toHaveLength(1);
		expect(lineText(lit[0] ?? [])).toMatch(/^203\.0\.113\.7:10042 /);
		expect(lineWidth(lit[0] ?? [])).toBe(78);
	});

	it('says so when the window has no connections', () => {
		const lines = connectionsLines({...input, flows: {...flows, connections: []}}, context());
		expect(lines.map(lineText).at(-1)).toBe('No connections in the window');
	});

	it('measures age from the connection end', () => {
		const fresh = {...rejected, end: Math.floor((now - 30_000) / 1000)};
		const lines = connectionsLines(
			{...input, flows: {...flows, connections: [fresh]}},
			context({width: 196}),
		);
		expect(lineText(lines[2] ?? [])).toMatch(/\s30s exact/);
	});

	it('redraws kept rows as a fresh draw would, as the clock moves the ages', () => {
		// Ages around the minute and hour marks, where the age column changes width.
		const ages = [5_000, 58_000, 3_655_000, 600_000];
		const aged = connections.map((connection, index) => ({
			...connection,
			end: Math.floor((now - (ages[index % ages.length] ?? 0)) / 1000),
		}));
		const kept = {...input, flows: {...flows, connections: aged}};
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						later: fc.integer({min: 0, max: 20_000}),
						width: fc.constantFrom(38, 78, 120, 200),
					}),
					{
						minLength: 1,
						maxLength: 8,
					},
				),
				(steps) => {
					let earlier = context({width: 200, height: 12, now});
					for (const {later, width} of steps) {
						const at = context({width, height: 12, now: now + later});
						connectionsLines(kept, earlier);
						const drawn = connectionsLines(kept, at);
						const fresh = {...kept, flows: {...kept.flows, connections: [...aged]}};
						expect(drawn).toEqual(connectionsLines(fresh, at));
						earlier = at;
					}
				},
			),
			{numRuns: 100},
		);
	});
});

// A flows read keeps the rows that did not change, and their cells' widths are kept with them:
// whatever rows come and go between draws, the table is what the same rows, never met, give.
describe('connectionsLines over rows kept between reads', () => {
	const wide = (row: Connection, index: number): Connection => ({
		...row,
		id: `${row.id}-wide-${index}`,
		clientAddr: `2001:db8::${index}`,
		packets: row.packets * 10_000 * (index + 1),
	});
	// The same rows as a later read paired them: same ids, other figures.
	const grown = (row: Connection): Connection => ({
		...row,
		kind: 'health-check',
		clientAddr: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
		bytes: row.bytes * 1_000_003 + 7,
	});
	const pool: readonly Connection[] = [
		...connections,
		...connections.map(wide),
		...connections.map(grown),
	];
	let fresh = 0;
	it('draws what the same rows, copied, draw', () => {
		fc.assert(
			fc.property(
				fc.array(fc.subarray([...pool], {minLength: 1}), {minLength: 1, maxLength: 4}),
				fc.constantFrom(60, 100, 196),
				(draws, width) => {
					for (const rows of draws) {
						const drawn = (shown: readonly Connection[]) =>
							connectionsLines({...input, flows: {...flows, connections: shown}}, context({width}));
						// Copies under ids never drawn before: nothing kept can answer for them.
						fresh += 1;
						const copies = rows.map((row) => ({...structuredClone(row), id: `${row.id}#${fresh}`}));
						expect(drawn(rows)).toEqual(drawn(copies));
					}
				},
			),
			{numRuns: 60},
		);
	});
});
