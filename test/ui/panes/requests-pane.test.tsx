// The Requests pane as the shell mounts it, at the 78x16 an 80x24 terminal gives a tabbed pane:
// per-target rows worst first, sortable and filterable; the drill-down to a target's request lines
// and to one request; what it says when the logs are off; hostile strings; empty slices.
import {describe, expect, it} from 'vitest';
import type {Snapshot} from '../../../source/domain/snapshot.js';
import {paneRowIds} from '../../../source/ui/panes/index.js';
import {albHostile, albLogsOff, albSnapshot} from './access-log-fixture.js';
import {hostile} from './fixture.js';
import {rawControls, renderPane} from './render-pane.js';

const size = {width: 78, height: 16};
const alb = albSnapshot();

function pane(snapshot: Snapshot, overrides: Parameters<typeof renderPane>[1] = {}) {
	return renderPane('requests', {snapshot, ...size, focused: true, ...overrides});
}

/** Wrapped lines read as one text. */
const flowing = (lines: readonly string[]) => lines.join(' ').replaceAll(/\s+/g, ' ');

const rowOf = (lines: readonly string[], text: string) =>
	lines.findIndex((row) => row.startsWith(text));

describe('the Requests pane', () => {
	it('lists each target worst first, with 5XX split by who answered, p50/p99 and the undispatched', () => {
		const lines = pane(alb);
		expect(lines[0]).toMatch(/^logs through 13:43:00Z · lag 2m · from the objects read/);
		expect(lines[1]).toMatch(/^requests +[·▁▂▃▄▅▆▇█]+/);
		expect(lines[2]).toMatch(/^5XX +[·▁▂▃▄▅▆▇█]+/);
		expect(lines[3]).toMatch(/^target +req\/m T5XX LB5XX 4XX +p50 +p99/);
		expect(lines[4]).toMatch(/^10\.0\.1\.11:8080 +3\.23 +12 +0 +0 +50ms +50ms$/);
		expect(lines[5]).toMatch(
			/^10\.0\.2\.12:8080 .* 0 +3 +0 +2\.92s +3\.90s TargetResponseTimeout 3$/,
		);
		expect(lines[6]).toMatch(/^10\.0\.1\.10:8080/);
		expect(lines[7]).toMatch(/^not dispatched +- +0 +4 .*TargetNotFound 4/);
	});

	it('sorts with s and says so; ids follow the order it draws', () => {
		const lines = pane(alb, {sortStep: 2});
		expect(lines.join('\n')).toContain('sort: p99');
		expect(rowOf(lines, '10.0.2.12:8080')).toBeLessThan(rowOf(lines, '10.0.1.11:8080'));
		expect(paneRowIds('requests', alb, {sortStep: 2})[0]).toBe('10.0.2.12:8080 in shop-tg');
		expect(paneRowIds('requests', alb)).toEqual([
			'10.0.1.11:8080 in shop-tg',
			'10.0.2.12:8080 in shop-tg',
			'10.0.1.10:8080 in shop-tg',
			'not dispatched in shop-tg',
		]);
	});

	it('filters on address, instance, error reason', () => {
		expect(paneRowIds('requests', alb, {filter: '10.0.2.0/24'})).toEqual([
			'10.0.2.12:8080 in shop-tg',
		]);
		expect(paneRowIds('requests', alb, {filter: 'i-0aaa1111'})).toEqual([
			'10.0.1.10:8080 in shop-tg',
		]);
		expect(paneRowIds('requests', alb, {filter: 'TargetNotFound'})).toEqual([
			'not dispatched in shop-tg',
		]);
		const lines = pane(alb, {filter: 'nothing-matches'});
		expect(lines.join('\n')).toContain('0 of 4 rows');
		expect(lines.join('\n')).toContain('No targets match the filter');
	});

	it("opens a target's failing and slowest request lines, query strings hidden", () => {
		const lines = pane(alb, {detail: true, selectedId: '10.0.2.12:8080 in shop-tg'});
		const text = lines.join('\n');
		expect(lines[0]).toBe('10.0.2.12:8080 (i-0ccc3333, shop-tg)');
		expect(text).toContain(
			'23 requests, 1.77/min, target 5XX 0, LB 5XX 3 (504 x3), 4XX 0, no answer 3',
		);
		expect(text).toContain('target_processing_time p50 2.92s, p99 3.90s');
		expect(text).toContain('error_reason: TargetResponseTimeout 3');
		expect(text).toContain('Failing requests, newest first (3)');
		expect(text).toMatch(/504 \(target -\) - GET \/cart TargetResponseTimeout/);
		expect(text).toContain('Slowest requests');
	});

	it('shows a single request with every field, the query string hidden, scrolled', () => {
		const top = pane(alb, {
			detail: true,
			selectedId: '10.0.1.11:8080 in shop-tg',
			innerSelected: 0,
			innerOpen: true,
		});
		expect(top[0]).toMatch(/^13:42:30Z 500 \(target 500\) POST \/checkout\?…$/);
		expect(top.join('\n')).not.toContain('token=');
		expect(top.at(-1)).toMatch(/^lines 1-15 of \d+ · j\/k PgUp\/PgDn g\/G scroll/);
		const bottom = pane(alb, {
			detail: true,
			selectedId: '10.0.1.11:8080 in shop-tg',
			innerSelected: 0,
			innerOpen: true,
			detailScroll: 1000,
		});
		expect(bottom.join('\n')).toContain('conn_trace_id');
		const request = pane(alb, {
			detail: true,
			selectedId: '10.0.1.11:8080 in shop-tg',
			innerOpen: true,
			detailScroll: 10,
		});
		expect(flowing(request)).toContain(
			'POST https://shop.example.com:443/checkout?… (query string hidden: it can carry tokens) HTTP/1.1',
		);
		expect(bottom.join('\n')).toContain('classification_reason');
	});

	it('says the target left instead of showing another one', () => {
		const lines = pane(alb, {detail: true, selectedId: '10.9.9.9:80 in shop-tg'});
		expect(lines[0]).toContain('10.9.9.9:80 in shop-tg is no longer in the access logs read');
	});

	it('says why there is nothing when access logs are off, and what to enable, wrapped', () => {
		const lines = pane(albLogsOff());
		const text = lines.join('\n');
		expect(lines[0]).toBe('Access logs are off: lbtop cannot say which target fails or is slow.');
		expect(text).toContain('enable: access_logs.s3.enabled=true access_logs.s3.bucket=<bucket>');
		expect(text).toContain('run: aws elbv2 modify-load-balancer-attributes');
		expect(text).toContain('Key=access_logs.s3.bucket,Value=<bucket>');
		expect(text).not.toContain('…');
	});

	it('keeps the rows read earlier under a gap that arose since (the bucket became unreadable)', () => {
		const unreadable: Snapshot = {
			...alb,
			accessLogs: {
				...alb.accessLogs,
				gaps: [
					{
						kind: 'bucket-unreadable',
						message: 'lbtop cannot read s3://shop-logs/alb/: s3:GetObject was denied.',
					},
				],
			},
		};
		const lines = pane(unreadable);
		expect(lines[0]).toBe('lbtop cannot read s3://shop-logs/alb/: s3:GetObject was denied.');
		expect(lines[1]).toMatch(/^logs through 13:43:00Z/);
		expect(lines.join('\n')).toContain('10.0.1.11:8080');
	});

	it('says where it reads from before the first logs, and when a slice holds no request', () => {
		const {requests: _requests, ...waiting} = alb;
		expect(flowing(pane(waiting))).toContain(
			'No requests read yet reading s3://shop-logs/alb/AWSLogs/123456789012/elasticloadbalancing/us-east-1/',
		);
		const empty = albSnapshot([]);
		const lines = pane(empty);
		expect(lines[0]).toMatch(/^logs through 13:43:00Z · lag 2m · from the objects read/);
		expect(lines.join('\n')).toContain('No requests in the logs read');
	});

	it('never draws a raw control character from hostile paths, user agents or reasons', () => {
		const evil = albHostile();
		for (const overrides of [
			{},
			{width: 196, height: 40},
			{detail: true, selectedId: '10.0.1.13:8080 in shop-tg'},
			{detail: true, selectedId: '10.0.1.13:8080 in shop-tg', innerOpen: true, innerSelected: 0},
			{ascii: true, detail: true, selectedId: '10.0.1.13:8080 in shop-tg', innerOpen: true},
		]) {
			const lines = pane(evil, overrides);
			expect(rawControls(lines)).toEqual([]);
			expect(lines.join('\n')).not.toContain(hostile.osc52);
			for (const row of lines) {
				expect([...row].length).toBeLessThanOrEqual(overrides.width ?? size.width);
			}
		}
	});

	it('draws ASCII only under --ascii or LANG=C', () => {
		const lines = pane(alb, {
			ascii: true,
			detail: true,
			selectedId: '10.0.1.11:8080 in shop-tg',
			innerOpen: true,
		});
		expect(lines.join('\n')).toMatch(/^[\u0020-\u007e\n]*$/);
		expect(pane(alb, {ascii: true}).join('\n')).toMatch(/^[\u0020-\u007e\n]*$/);
	});
});
