import {describe, expect, it} from 'vitest';
import type {Snapshot, SourceState} from '../../../source/domain/snapshot.js';
import type {PaneId} from '../../../source/ui/pane-types.js';
import {panes} from '../../../source/ui/panes/index.js';
import {cellWidth} from '../../../source/ui/panes/text-width.js';
import {hostileSnapshot, now, snapshot} from './fixture.js';
import {rawControls, renderPane} from './render-pane.js';

const paneIds = Object.keys(panes) as PaneId[];
const sizes = [
	{width: 38, height: 10},
	{width: 78, height: 22},
	{width: 196, height: 48},
	{width: 38, height: 3},
	{width: 196, height: 1},
];

function expectFits(lines: readonly string[], width: number, height: number) {
	expect(lines.length).toBeLessThanOrEqual(height);
	for (const text of lines) {
		expect(cellWidth(text), JSON.stringify(text)).toBeLessThanOrEqual(width);
	}
}

function withSource(
	base: Snapshot,
	source: 'flows' | 'metrics' | 'changes',
	state: SourceState,
	keepData: boolean,
): Snapshot {
	const {[source]: _dropped, ...rest} = base;
	return {
		...(keepData ? base : rest),
		sources: {...base.sources, [source]: state},
	};
}

const sourceOf: Readonly<Record<PaneId, 'flows' | 'metrics' | 'changes' | undefined>> = {
	findings: undefined,
	metrics: 'metrics',
	connections: 'flows',
	accepted: 'flows',
	rejected: 'flows',
	changes: 'changes',
	// The access-log panes read slices without a source state of their own (panes-access-logs.test.tsx).
	requests: undefined,
	tls: undefined,
};

describe('every pane', () => {
	it('has a short title', () => {
		expect(Object.fromEntries(paneIds.map((id) => [id, panes[id].title]))).toEqual({
			findings: 'Findings',
			metrics: 'Metrics',
			connections: 'Connections',
			accepted: 'Accepted',
			rejected: 'Rejected',
			changes: 'Changes',
			requests: 'Requests',
			tls: 'TLS',
		});
	});

	for (const id of paneIds) {
		for (const {width, height} of sizes) {
			it(`${id} stays within ${width}x${height}`, () => {
				for (const overrides of [
					{},
					{focused: true, selected: 1},
					{ascii: true},
					{color: true, focused: true},
					{timeZone: 'local' as const},
				]) {
					const lines = renderPane(id, {width, height, ...overrides});
					expectFits(lines, width, height);
					expect(lines.join('').trim().length).toBeGreaterThan(0);
				}
			});
		}
	}

	for (const id of paneIds) {
		const source = sourceOf[id];
		if (source === undefined) {
			continue;
		}

		describe(`${id} before and without data`, () => {
			it('waits for first data while pending', () => {
				const pending = withSource(snapshot, source, {status: 'pending'}, false);
				const lines = renderPane(id, {snapshot: pending});
				expect(lines.join('\n')).toContain('waiting for first data…');
				expectFits(lines, 78, 20);
			});

			it('shows the note when unavailable', () => {
				const note = `${source} are not available yet`;
				const unavailable = withSource(snapshot, source, {status: 'unavailable', note}, false);
				expect(renderPane(id, {snapshot: unavailable}).join('\n')).toContain(note);
			});

			it('shows the error and hint, and no invented data, when the first fetch failed', () => {
				const failed = withSource(
					snapshot,
					source,
					{
						status: 'error',
						error: {
							kind: 'access-denied',
							message: 'denied to read',
							hint: 'ask for the policy',
							at: now,
						},
						retryAt: now + 20_000,
					},
					false,
				);
				const frame = renderPane(id, {snapshot: failed}).join('\n');
				expect(frame).toContain('error: denied to read');
				expect(frame).toContain('ask for the policy');
				expect(frame).toContain('retry in 20s');
				expect(frame).not.toContain('203.0.113');
				expect(frame).not.toContain('RevokeSecurityGroupIngress');
				expect(frame).not.toContain('New flows');
			});

			it('keeps the last good data below the error, marked stale', () => {
				const stale = withSource(
					snapshot,
					source,
					{
						status: 'stale',
						fetchedAt: now - 120_000,
						error: {
							kind: 'throttled',
							message: 'throttled by AWS',
							hint: 'lbtop backs off',
							at: now,
						},
					},
					true,
				);
				const lines = renderPane(id, {snapshot: stale, height: 20});
				expect(lines[0]).toContain('stale: throttled by AWS');
				expect(lines[1]).toContain('lbtop backs off');
				expect(lines.join('\n')).toContain('STALE');
				expect(lines.slice(2).join('\n')).toMatch(/203\.0\.113|Revoke|New flows/);
			});
		});
	}
});

describe('the seed scenario', () => {
	it('connections show the legs accepted at the LB and rejected at the target', () => {
		for (const width of [38, 78, 196]) {
			const frame = renderPane('connections', {width, height: 12}).join('\n');
			expect(frame).toContain('203.0.113.7:51234');
			expect(frame).toMatch(width >= 78 ? /ACC ACC REJ/ : /A A R/);
		}
	});

	it('rejected shows where the flows were rejected', () => {
		for (const width of [38, 78, 196]) {
			const frame = renderPane('rejected', {width, height: 16}).join('\n');
			expect(frame).toContain('at target');
			expect(frame).toContain('203.0.113.7');
		}
	});

	it('findings name the cause first', () => {
		const lines = renderPane('findings', {width: 196, height: 8});
		expect(lines[0]).toContain('CRIT Target security group rejects client IPs');
		expect(lines[0]).toContain('since 13:41Z (4m)');
		expect(lines[0]).toContain('confidence high');
	});

	it('changes list the security group change newest first', () => {
		const frame = renderPane('changes', {width: 196, height: 10}).join('\n');
		expect(frame.indexOf('ModifyTargetGroupAttributes')).toBeLessThan(
			frame.indexOf('RevokeSecurityGroupIngress'),
		);
		expect(frame).toContain('13:38:12Z');
		expect(frame).toContain('6m ago');
		expect(frame).toContain('ops-admin/alice');
		expect(frame).toContain('AccessDenied');
		expect(frame).toContain('198.51.100.77');
	});

	it('metrics put the alarm first', () => {
		const lines = renderPane('metrics', {width: 196, height: 20});
		expect(lines[1]).toContain('ALARM web-nlb-healthy-hosts');
		expect(lines.join('\n')).toContain('New flows');
	});
});

describe('ascii mode', () => {
	for (const id of paneIds) {
		it(`${id} draws only ASCII`, () => {
			for (const width of [38, 78, 196]) {
				const lines = renderPane(id, {width, height: 30, ascii: true});
				for (const text of lines) {
					expect(text).toMatch(/^[\x20-\x7e]*$/);
				}
			}
		});
	}
});

describe('hostile strings', () => {
	const evil = hostileSnapshot();

	for (const id of paneIds) {
		it(`${id} draws them sanitized and within the pane`, () => {
			for (const width of [38, 78, 196]) {
				for (const color of [false, true]) {
					const height = 24;
					const lines = renderPane(id, {snapshot: evil, width, height, color, focused: true});
					expectFits(lines, width, height);
					expect(rawControls(lines)).toEqual([]);
					const frame = lines.join('\n');
					expect(frame).not.toContain('Y3VybCBldmlsLnNoIHwgc2g=');
					expect(frame).not.toContain('[2J');
					expect(frame).not.toContain('\u202E');
				}
			}
		});
	}
});

describe('findings pane', () => {
	it('says all is normal only when every source is ok', () => {
		const calm = {...snapshot, findings: []};
		expect(renderPane('findings', {snapshot: calm})[0]).toBe(
			'No findings: flows, metrics and changes look normal',
		);
		const blind = {
			...calm,
			sources: {...calm.sources, flows: {status: 'pending' as const}},
		};
		const frame = renderPane('findings', {snapshot: blind}).join('\n');
		expect(frame).not.toContain('look normal');
		expect(frame).toContain('cannot see flows: waiting for first data…');
	});
});
