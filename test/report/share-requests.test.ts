// `y` on an ALB or an NLB with TLS listeners: the summary gains a short access-log section, in the
// words of the findings' evidence, query strings hidden; nothing while no slice has data.
import {Buffer} from 'node:buffer';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {shareSummary, shareText} from '../../source/report/share.js';
import {shareRequestsLines} from '../../source/report/share-requests.js';
import {textSummary} from '../../source/report/text-summary.js';
import {
	albHostile,
	albLogsOff,
	albSnapshot,
	nlbTlsSnapshot,
} from '../ui/panes/access-log-fixture.js';
import {now, snapshot} from '../ui/panes/fixture.js';

describe('the share text from the access logs', () => {
	it('names the failing and slow targets, then their newest failing and slowest requests', () => {
		expect(shareRequestsLines(albSnapshot())).toEqual([
			'',
			'Requests per target, ALB access logs (from the log files read so far; 13:30:00Z-13:43:00Z: 129 requests, 2 malformed skipped):',
			'  target 10.0.1.11:8080 shop-tg: 42 requests, target 5XX 12, p50 50 ms p99 50 ms',
			'  target 10.0.2.12:8080 shop-tg: 23 requests, LB 5XX 3 (504 ×3), no answer 3, p50 2.92 s p99 3.90 s',
			'  target 10.0.1.10:8080 shop-tg: 60 requests, p50 50 ms p99 50 ms',
			'  not dispatched shop-tg: 4 requests, LB 5XX 4 (503 ×4)',
			'  Failing requests, newest first:',
			'    13:42:30 UTC POST /checkout?… → 500 (target 500) 10.0.1.11:8080 50 ms',
			'    13:41:30 UTC POST /checkout?… → 500 (target 500) 10.0.1.11:8080 50 ms',
			'    13:40:30 UTC POST /checkout?… → 500 (target 500) 10.0.1.11:8080 50 ms',
			'  Slowest requests:',
			'    13:38:00 UTC GET /search → 200 (target 200) 10.0.2.12:8080 3.90 s',
			'    13:37:00 UTC GET /search → 200 (target 200) 10.0.2.12:8080 3.80 s',
			'    13:36:00 UTC GET /search → 200 (target 200) 10.0.2.12:8080 3.70 s',
		]);
	});

	it('gives each TLS listener a line', () => {
		expect(shareRequestsLines(nlbTlsSnapshot())).toEqual([
			'',
			'TLS handshakes per listener, NLB access logs (exact, Athena; 13:30:00Z-13:43:00Z: 60 connections):',
			'  listener g3d4b5e8bb8464cd: 60 connections, 6 failed handshakes, p50 9 ms p99 14 ms, TLS 1.0/1.1 4',
		]);
	});

	it('adds nothing while neither slice has data', () => {
		expect(shareRequestsLines(snapshot)).toEqual([]);
		expect(shareRequestsLines(albLogsOff())).toEqual([]);
		expect(shareText(snapshot, now)).toBe(textSummary(snapshot, now));
	});

	it('carries no control character from hostile request fields', () => {
		const text = shareRequestsLines(albHostile()).join('\n');
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
	});
});

describe('y with access logs', () => {
	let directory: string;
	beforeEach(async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-share-'));
	});
	afterEach(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	it('puts the summary and the access-log section on the clipboard and in the file', async () => {
		const shown: Snapshot = albSnapshot();
		const sequences: string[] = [];
		const outcome = await shareSummary(shown, now, {
			directory,
			tmux: false,
			writeToTerminal: (sequence) => sequences.push(sequence),
		});
		const file = await readFile(outcome.path ?? '', 'utf8');
		expect(file.startsWith(textSummary(shown, now))).toBe(true);
		expect(file).toContain('Requests per target, ALB access logs');
		const payload = /\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(sequences.join(''))?.[1] ?? '';
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(file);
	});
});
