import {describe, expect, it} from 'vitest';
import type {FlowsView} from '../../../source/domain/snapshot.js';
import {lineText, lineWidth} from '../../../source/ui/panes/line.js';
import {whereText} from '../../../source/ui/panes/traffic-columns.js';
import {type TrafficAction, trafficLines} from '../../../source/ui/panes/traffic-rows.js';
import {context, snapshot} from './fixture.js';

const flows = snapshot.flows as FlowsView;
const input = (action: TrafficAction, view: FlowsView = flows) => ({
	flows: view,
	state: snapshot.sources.flows,
	window: snapshot.window,
	action,
});

describe('whereText', () => {
	it.each([
		['lb', 'at LB'],
		['target', 'at target'],
		[undefined, ''],
	] as const)('%s reads %j', (where, expected) => {
		expect(whereText(where)).toBe(expected);
	});
});

describe('trafficLines', () => {
	it('rejected: totals, a sparkline, and where each source was rejected', () => {
		const lines = trafficLines(input('rejected'), context({width: 78, height: 16})).map(lineText);
		expect(lines[1]).toBe('1240 rejected records · 3720 pkts · 218KB · provisional since 13:40Z');
		expect(lines[2]).toMatch(/^records +▁+█+·+█+·* peak 150\/60s$/);
		expect(lines[3]).toBe('tables: all 1240');
		expect(lines[4]).toMatch(/^3 sources\s+where\s+records\s+pkts\s+bytes\s+ports/);
		expect(lines[5]).toMatch(/^203\.0\.113\.7\s+at target\s+800/);
		expect(lines[7]).toMatch(/^45\.33\.32\.156\s+at LB\s+40/);
		expect(lines.join('\n')).toMatch(/8443\s+at target\s+1200/);
	});

	it('accepted: no where column, and the precision', () => {
		const lines = trafficLines(input('accepted'), context({width: 78, height: 16})).map(lineText);
		expect(lines[1]).toBe('48k accepted records · 1.9M pkts · 1.3GB · provisional since 13:40Z');
		expect(lines.join('\n')).not.toContain('where');
		expect(lines.join('\n')).toMatch(/198\.51\.100\.23\s+30\.1k/);
	});

	it('says exact when every bucket has settled', () => {
		const exact = {...flows, aggregates: {...flows.aggregates, precision: 'exact' as const}};
		const lines = trafficLines(input('accepted', exact), context({width: 78})).map(lineText);
		expect(lines[1]).toMatch(/· exact$/);
	});

	it.each([38, 78, 120, 196])('fits %i cells', (width) => {
		for (const action of ['accepted', 'rejected'] as const) {
			const lines = trafficLines(input(action), context({width, height: 30}));
			for (const text of lines) {
				expect(lineWidth(text)).toBeLessThanOrEqual(width);
			}
		}
	});

	it('puts sources and ports side by side when both fit', () => {
		const lines = trafficLines(input('rejected'), context({width: 120, height: 16})).map(lineText);
		expect(lines[4]).toMatch(/^3 sources .* │ 2 ports /);
		expect(lines[5]).toMatch(/^203\.0\.113\.7 .* │ 8443 /);
	});

	it('stacks them on a narrow pane, sharing the height', () => {
		const lines = trafficLines(input('rejected'), context({width: 38, height: 8})).map(lineText);
		expect(lines).toHaveLength(8);
		expect(lines[4]).toMatch(/^3 sources/);
		expect(lines.some((text) => text.startsWith('2 ports'))).toBe(true);
	});

	it('says so when nothing was rejected', () => {
		const calm = {
			...flows,
			aggregates: {...flows.aggregates, rejectedSources: [], rejectedPorts: []},
		};
		const lines = trafficLines(input('rejected', calm), context()).map(lineText);
		expect(lines.at(-1)).toBe('No rejected records in the window');
	});

	describe('says what the tables count and what they leave out, so they add up to the totals', () => {
		// 9399 accepted records: the clients sent 3255 (3132 of them from the two sources listed,
		// all of them to the ports listed); the LB and the targets sent the other 6144.
		const counted = {
			...flows,
			aggregates: {
				...flows.aggregates,
				accepted: {flows: 9399, packets: 130_000, bytes: 137_000_000},
				acceptedFromClients: {flows: 3255, packets: 13_000, bytes: 2_400_000},
				acceptedSources: [
					{addr: '198.51.100.23', ports: [80], flows: 3000, packets: 12_000, bytes: 2_000_000},
					{addr: '203.0.113.7', ports: [443], flows: 132, packets: 500, bytes: 300_000},
				],
				acceptedPorts: [
					{port: 80, flows: 2806, packets: 11_000, bytes: 1_900_000},
					{port: 443, flows: 449, packets: 2000, bytes: 500_000},
				],
			},
		};

		it.each([
			[
				120,
				"tables: 3255 from clients · +123 more sources · not listed: 6144 LB/targets' own (replies, backend legs, health checks)",
			],
			[78, "tables: 3255 from clients · not listed: 6144 LB/targets' own"],
		])('at %i cells', (width, expected) => {
			const lines = trafficLines(input('accepted', counted), context({width, height: 16}));
			expect(lineText(lines[3] ?? [])).toBe(expected);
		});

		it("names only what is not listed when the clients' share is not known", () => {
			const {acceptedFromClients: _known, ...unknown} = counted.aggregates;
			const lines = trafficLines(
				input('accepted', {...counted, aggregates: unknown}),
				context({width: 120, height: 16}),
			);
			expect(lineText(lines[3] ?? [])).toBe(
				"tables: 3132 · not listed: 6267 (the LB's and targets' own, sources past the list)",
			);
		});
	});

	it('has no sparkline peak without time buckets', () => {
		const empty = {...flows, aggregates: {...flows.aggregates, timeline: []}};
		const lines = trafficLines(input('rejected', empty), context({width: 38, ascii: true})).map(
			lineText,
		);
		expect(lines[2]).toBe(`records ${' '.repeat(30)}`);
	});

	it('draws kept tables as a fresh draw would, whichever pane, key or clock comes next', () => {
		const steps = [
			{action: 'accepted', selected: 0, later: 0},
			{action: 'rejected', selected: 0, later: 1000},
			{action: 'accepted', selected: 0, later: 2000},
			{action: 'accepted', selected: 1, later: 2000},
			{action: 'rejected', selected: 1, later: 61_000},
			{action: 'rejected', selected: 1, later: 62_000},
		] as const;
		let earlier = context({width: 120, height: 16, focused: true, now: snapshot.generatedAt});
		for (const {action, selected, later} of steps) {
			const at = context({
				width: 120,
				height: 16,
				focused: true,
				selected,
				now: snapshot.generatedAt + later,
			});
			trafficLines(input(action), earlier);
			const drawn = trafficLines(input(action), at);
			const fresh = {...flows, aggregates: {...flows.aggregates}};
			expect(drawn).toEqual(trafficLines(input(action, fresh), at));
			earlier = at;
		}
	});
});
