import {Buffer} from 'node:buffer';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Finding, Snapshot} from '../../source/domain/snapshot.js';
import {shareMessage, shareSummary} from '../../source/report/share.js';
import {textSummary} from '../../source/report/text-summary.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

function clipboardOf(sequences: readonly string[]): string {
	const payload = /\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(sequences.join(''))?.[1] ?? '';
	return Buffer.from(payload, 'base64').toString('utf8');
}

function fixtureFinding(): Finding {
	const [finding] = fixtureSnapshot().findings;
	if (finding === undefined) {
		throw new Error('the fixture snapshot has a finding');
	}
	return finding;
}

describe('shareSummary', () => {
	let directory: string;
	beforeEach(async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-share-'));
	});
	afterEach(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	async function share(snapshot: Snapshot, tmux = false) {
		const sequences: string[] = [];
		const outcome = await shareSummary(snapshot, fixtureNow, {
			directory,
			tmux,
			writeToTerminal: (sequence) => sequences.push(sequence),
		});
		return {outcome, sequences};
	}

	it('puts the --once text on the clipboard and in a private file, and says where', async () => {
		const snapshot = fixtureSnapshot();
		const expected = textSummary(snapshot, fixtureNow);
		const {outcome, sequences} = await share(snapshot);
		const path = join(directory, 'lbtop-web-prod-nlb-20250314T134210Z.txt');
		expect(outcome).toEqual({path, truncated: false});
		expect(sequences).toHaveLength(1);
		expect(clipboardOf(sequences)).toBe(expected);
		expect(await readFile(path, 'utf8')).toBe(expected);
		expect((await stat(path)).mode & 0o777).toBe(0o600);
		expect(shareMessage(outcome)).toBe(`summary sent to the clipboard (OSC 52); saved to ${path}`);
	});

	it('wraps the sequence for tmux when asked', async () => {
		const {sequences} = await share(fixtureSnapshot(), true);
		expect(sequences[0]?.startsWith('\u001BPtmux;\u001B\u001B]52;c;')).toBe(true);
		expect(sequences[0]?.endsWith('\u0007\u001B\\')).toBe(true);
	});

	it('a second share in the same second gets its own file', async () => {
		const first = await share(fixtureSnapshot());
		const second = await share(fixtureSnapshot());
		expect(second.outcome.path).not.toBe(first.outcome.path);
		expect(second.outcome.path).toMatch(/-2\.txt$/);
	});

	it('still copies when the file cannot be written, and says why', async () => {
		await rm(directory, {recursive: true});
		const {outcome, sequences} = await share(fixtureSnapshot());
		expect(outcome.path).toBeUndefined();
		expect(outcome.fileError).toMatch(/ENOENT/);
		expect(clipboardOf(sequences)).toContain('lbtop · web-prod-nlb');
		expect(shareMessage(outcome)).toMatch(/summary sent .*; the file could not be written: ENOENT/);
	});

	it('cuts a summary too big for OSC 52 and points to the file holding all of it', async () => {
		const findings = Array.from({length: 2000}, (_, index) => ({
			...fixtureFinding(),
			title: `finding ${index} ${'x'.repeat(60)}`,
		}));
		const snapshot = fixtureSnapshot({findings});
		const {outcome, sequences} = await share(snapshot);
		expect(outcome.truncated).toBe(true);
		const clipboard = clipboardOf(sequences);
		expect(clipboard).toContain(`the whole summary is in ${outcome.path ?? '?'}`);
		expect(await readFile(outcome.path ?? '', 'utf8')).toBe(textSummary(snapshot, fixtureNow));
		expect(shareMessage(outcome)).toMatch(/cut to fit/);
	});
});
