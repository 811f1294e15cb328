// Frames as Ink draws them with Enter's detail open, and with a filter or sort step applied.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {cellWidth} from '../../../source/ui/panes/text-width.js';
import {hostileSnapshot, snapshot} from './fixture.js';
import {rawControls, renderPane} from './render-pane.js';

const widths = [80, 200];

function expectFits(lines: readonly string[], width: number, height: number) {
	expect(lines.length).toBeLessThanOrEqual(height);
	for (const text of lines) {
		expect(cellWidth(text), JSON.stringify(text)).toBeLessThanOrEqual(width);
	}
}

function detailFrame(pane: PaneId, selected: number, width: number, height = 30): string {
	const lines = renderPane(pane, {detail: true, focused: true, selected, width, height});
	expectFits(lines, width, height);
	return lines.join('\n');
}

describe('drill-down frames', () => {
	describe.each(widths)('at %i columns', (width) => {
		it('connection: all three legs, the REJECT at the target and why the legs were paired', () => {
			const frame = detailFrame('connections', 0, width);
			expect(frame).toContain('203.0.113.7:51234 -> :443 => 10.0.1.10:8443  ACC ACC REJ  exact');
			expect(frame).toMatch(/exact pair: frontend and backend legs carry the same client address/);
			expect(frame).toMatch(/^frontend · client -> LB · eni-0lbaaaa1111 · us-east-1a/m);
			expect(frame).toMatch(/^backend · LB -> target/m);
			expect(frame).toMatch(/^target view · .*eni-0target1111/m);
			expect(frame).toContain('-> REJECT 3 pkts 180B (1 record)');
			expect(frame).toContain('13:39:00Z-13:40:00Z');
			expect(frame).toContain('target i-0abc1234');
		});

		it('likely connection: says the join is not certain', () => {
			const frame = detailFrame('connections', 2, width);
			expect(frame).toContain('likely pair');
			expect(frame).toContain('time overlap');
			expect(frame).toMatch(/^target view {2}none/m);
		});

		it('rejected source: where it was rejected and the connections from it', () => {
			const frame = detailFrame('rejected', 0, width);
			expect(frame).toContain('rejected source 203.0.113.7 · at target');
			expect(frame).toContain('port 8443');
			expect(frame).toContain("rejected at the target's interface");
			expect(frame).toContain('1 connection from 203.0.113.7');
			expect(frame).toMatch(/203\.0\.113\.7:51234 +-> :443/);
		});

		it('accepted source: counts and connections, no where', () => {
			const frame = detailFrame('accepted', 0, width);
			expect(frame).toContain('accepted source 198.51.100.23');
			expect(frame).toContain('30.1k records');
			expect(frame).not.toContain('rejected at');
		});

		it('change: the event and its JSON, a screenful at a time with where the view is', () => {
			const frame = detailFrame('changes', 1, width, 16);
			expect(frame).toContain('RevokeSecurityGroupIngress');
			expect(frame).toContain('by AssumedRole ops-admin/alice');
			expect(frame).toContain('"eventVersion": "1.08",');
			expect(frame).toMatch(/^lines 1-15 of \d+ · j\/k PgUp\/PgDn g\/G scroll$/m);
			const scrolled = renderPane('changes', {
				detail: true,
				focused: true,
				selected: 1,
				width,
				height: 16,
				detailScroll: 1000,
			});
			// Scrolled past the end: the last screenful, ending with the event's closing brace.
			expect(scrolled.at(-2)).toBe('}');
		});

		it('finding: title, since, confidence, next step and resolved evidence', () => {
			const frame = detailFrame('findings', 0, width);
			expect(frame).toMatch(/^CRIT Target security group rejects client IPs/);
			expect(frame).toContain('since 13:41Z (4m)');
			expect(frame).toContain('confidence high');
			expect(frame).toContain('next: Allow 203.0.113.0/24');
			expect(frame).toContain('evidence (2):');
			expect(frame).toMatch(
				/connection 203\.0\.113\.7:51234 -> :443 => 10\.0\.1\.10:8443 +ACC ACC REJ/,
			);
			expect(frame).toContain('change 13:38:12Z RevokeSecurityGroupIngress');
		});

		it('finding about a target: its health and reason code', () => {
			const frame = detailFrame('findings', 1, width);
			expect(frame).toContain('target i-0def5678 (10.0.2.20:8443)');
			expect(frame).toContain('unhealthy · Target.FailedHealthChecks');
			expect(frame).toContain('metric Healthy hosts · now 1');
			expect(frame).toContain('alarm ALARM web-nlb-healthy-hosts');
		});

		it('metric: its alarm, the targets behind a host count, datapoints newest first', () => {
			const frame = detailFrame('metrics', 3, width);
			expect(frame).toMatch(/^Healthy hosts · HealthyHostCount Minimum/);
			expect(frame).toContain('ALARM web-nlb-healthy-hosts');
			expect(frame).toContain('i-0def5678 (10.0.2.20:8443)');
			expect(frame).toContain('Target.FailedHealthChecks');
			expect(frame).toContain('15 datapoints, newest first');
			expect(frame.indexOf('13:44:00Z')).toBeLessThan(frame.indexOf('13:30:00Z'));
		});
	});

	it('opens the row under the filter and sort the pane shows', () => {
		const lines = renderPane('connections', {
			detail: true,
			selected: 0,
			width: 120,
			height: 30,
			filter: '2001:db8::/32',
		});
		expect(lines[0]).toContain('[2001:db8::1234]:55555');
		const sorted = renderPane('changes', {detail: true, selected: 0, sortStep: 1, width: 120});
		expect(sorted[0]).toContain('RegisterTargets');
	});

	it('draws the list when the filter leaves nothing to open', () => {
		const lines = renderPane('connections', {detail: true, filter: 'port:9', width: 80, height: 8});
		expect(lines.join('\n')).toContain('No connections match the filter');
	});

	it('keeps a stale source marked above the detail', () => {
		const stale = {
			...snapshot,
			sources: {
				...snapshot.sources,
				flows: {
					status: 'stale' as const,
					error: {kind: 'throttled' as const, message: 'throttled by AWS', hint: '', at: 0},
				},
			},
		};
		const lines = renderPane('connections', {snapshot: stale, detail: true, width: 80});
		expect(lines[0]).toBe('stale: throttled by AWS');
		expect(lines.join('\n')).toContain('ACC ACC REJ');
	});

	const panes: ReadonlyArray<readonly [PaneId, number]> = [
		['findings', 3],
		['metrics', 6],
		['connections', 5],
		['accepted', 3],
		['rejected', 4],
		['changes', 3],
	];

	it.each(panes)('%s detail stays within the pane at every size and row', (pane, rows) => {
		for (const [width, height] of [
			[80, 24],
			[200, 40],
			[38, 6],
			[80, 1],
			[200, 3],
		] as const) {
			for (let selected = 0; selected < rows; selected += 1) {
				for (const ascii of [false, true]) {
					const lines = renderPane(pane, {detail: true, selected, width, height, ascii});
					expectFits(lines, width, height);
					if (ascii) {
						for (const text of lines) {
							expect(text).toMatch(/^[\x20-\x7e]*$/);
						}
					}
				}
			}
		}
	});

	it.each(panes)('%s detail draws hostile strings sanitized and within the pane', (pane, rows) => {
		const evil = hostileSnapshot();
		for (const width of widths) {
			for (let selected = 0; selected < rows; selected += 1) {
				const lines = renderPane(pane, {
					snapshot: evil,
					detail: true,
					selected,
					width,
					height: 30,
					color: true,
					focused: true,
				});
				expectFits(lines, width, 30);
				expect(rawControls(lines)).toEqual([]);
				const frame = lines.join('\n');
				expect(frame).not.toContain('Y3VybCBldmlsLnNoIHwgc2g=');
				expect(frame).not.toContain('[2J');
				expect(frame).not.toContain('\u202E');
			}
		}
	});
});

describe('filter and sort headers', () => {
	it.each<[PaneId, {filter?: string; sortStep?: number}, string]>([
		[
			'connections',
			{filter: '203.0.113.0/24 reject'},
			'filter: 203.0.113.0/24 reject · 2 of 4 rows',
		],
		['connections', {sortStep: 1}, 'sort: bytes'],
		['connections', {sortStep: 3}, 'sort: client'],
		['connections', {filter: '10.0.0.0/33'}, 'filter: invalid CIDR 10.0.0.0/33 · 4 of 4 rows'],
		['rejected', {filter: 'port:22', sortStep: 3}, 'filter: port:22 · 1 of 3 rows · sort: address'],
		['accepted', {sortStep: 1}, 'sort: bytes'],
		['changes', {filter: 'sg-0target'}, 'filter: sg-0target · 1 of 3 rows · sort: newest'],
		['changes', {sortStep: 1}, 'sort: oldest'],
		['metrics', {sortStep: 1}, 'sort: alarming first'],
		['metrics', {filter: 'flows'}, 'filter: flows · 2 of 6 rows · sort: catalog order'],
	])('%s with %j reads %j', (pane, view, expected) => {
		for (const width of widths) {
			const lines = renderPane(pane, {...view, width, height: 20});
			expectFits(lines, width, 20);
			const header = lines.find((text) => text.startsWith('filter:') || text.startsWith('sort:'));
			// A wide pane has room for the order too; the filter and the count come first.
			expect(header?.trimEnd().startsWith(expected)).toBe(true);
		}
	});

	it('lists only the matching rows, in the chosen order', () => {
		const lines = renderPane('rejected', {filter: '203.0.113.0/24', sortStep: 3, width: 200});
		const frame = lines.join('\n');
		expect(frame).not.toContain('45.33.32.156');
		expect(frame.indexOf('203.0.113.7')).toBeLessThan(frame.indexOf('203.0.113.9'));
	});

	it('never hides a finding, whatever filter it is handed', () => {
		const lines = renderPane('findings', {filter: 'nothing-like-this', width: 80, height: 3});
		expect(lines.map((text) => text.slice(0, 4))).toEqual(['CRIT', 'WARN', 'INFO']);
	});

	it('names the default order at the end of the header line when there is room', () => {
		expect(renderPane('changes', {width: 200})[0]).toMatch(/· sort: newest$/);
		expect(renderPane('changes', {width: 20})[0]).not.toContain('sort:');
	});
});

describe('local time', () => {
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

	it.each<[PaneId, RegExp]>([
		['connections', /^flows through 19:10:10 UTC\+05:30/],
		['changes', /^3 changes · events through 19:12:00 UTC\+05:30 \(3m ago\)/],
		['metrics', /^metrics through 19:13:00 UTC\+05:30/],
		['rejected', /^flows through 19:10:10 UTC\+05:30/],
	])('%s names the offset once in its header', (pane, header) => {
		const lines = renderPane(pane, {timeZone: 'local', width: 200, height: 20});
		expect(lines[0]).toMatch(header);
		expect(lines.join('\n').match(/UTC\+05:30/g)).toHaveLength(1);
		expect(lines.join('\n')).not.toMatch(/\d\dZ\b/);
	});

	it.each<[PaneId, number, readonly string[]]>([
		['connections', 0, ['13:39:00Z-13:40:00Z · local 19:09:00-19:10:00 UTC+05:30']],
		['changes', 1, ['19:08:12 UTC+05:30']],
		['metrics', 0, ['(times UTC+05:30)', '19:13:00  6.7/s']],
		['findings', 0, ['since 19:11 (4m) UTC+05:30']],
	])('%s detail shows local times', (pane, selected, expected) => {
		const frame = renderPane(pane, {
			detail: true,
			selected,
			timeZone: 'local',
			width: 200,
			height: 30,
		}).join('\n');
		for (const text of expected) {
			expect(frame).toContain(text);
		}
	});
});
