// `y` on an ALB or an NLB with TLS listeners: the paste is what --once prints, one access-log
// section with the newest failing and slowest requests in the words of the findings' evidence,
// query strings hidden; nothing while no slice has data.
import {Buffer} from 'node:buffer';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {shareSummary, shareText} from '../../source/report/share.js';
import {textSummary} from '../../source/report/text-summary.js';
import {
	albHostile,
	albLogsOff,
	albSnapshot,
	nlbTlsSnapshot,
} from '../ui/panes/access-log-fixture.js';
import {now, snapshot} from '../ui/panes/fixture.js';

const lines = (text: string) => text.split('\n');

describe('the access logs in --once and y', () => {
	it('gives the targets, then their newest failing and slowest requests, query strings hidden', () => {
		const text = lines(textSummary(albSnapshot(), now));
		const failing = text.indexOf('  Failing requests, newest first:');
		const slowest = text.indexOf('  Slowest requests:');
		expect(failing).toBeGreaterThan(0);
		expect(text.slice(failing + 1, failing + 4)).toEqual([
			'    13:42:30 UTC POST /checkout?… → 500 (target 500) 10.0.1.11:8080 50 ms',
			'    13:41:30 UTC POST /checkout?… → 500 (target 500) 10.0.1.11:8080 50 ms',
			'    13:40:30 UTC POST /checkout?… → 500 (target 500) 10.0.1.11:8080 50 ms',
		]);
		expect(text.slice(slowest + 1, slowest + 4)).toEqual([
			'    13:38:00 UTC GET /search → 200 (target 200) 10.0.2.12:8080 3.90 s',
			'    13:37:00 UTC GET /search → 200 (target 200) 10.0.2.12:8080 3.80 s',
			'    13:36:00 UTC GET /search → 200 (target 200) 10.0.2.12:8080 3.70 s',
		]);
	});

	it.each([
		['an ALB', albSnapshot, /^Requests \(ALB access logs/],
		['an NLB with a TLS listener', nlbTlsSnapshot, /^TLS \(NLB access logs/],
	])(
		'shares the same words --once prints for %s, with one access-log section',
		(_name, make, heading) => {
			const shown = make();
			expect(shareText(shown, now)).toBe(textSummary(shown, now));
			expect(lines(shareText(shown, now)).filter((line) => heading.test(line))).toHaveLength(1);
			expect(shareText(shown, now)).not.toContain('per target, ALB access logs');
		},
	);

	it('adds nothing while neither slice has data', () => {
		expect(shareText(snapshot, now)).not.toMatch(/access logs/i);
		expect(shareText(albLogsOff(), now)).not.toMatch(/^Requests/m);
	});

	it('carries no control character from hostile request fields', () => {
		expect(shareText(albHostile(), now)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
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
		expect(file).toBe(textSummary(shown, now));
		expect(file).toContain('Failing requests, newest first');
		const payload = /\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(sequences.join(''))?.[1] ?? '';
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(file);
	});
});
