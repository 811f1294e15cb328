import {mkdtemp, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {shareFileName, writeShareFile} from '../../source/report/share-file.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

/** Before discovery answers: only what the user typed. */
function undiscovered(target: string): Snapshot {
	const {topology, ...rest} = fixtureSnapshot({target});
	return rest;
}

const arn =
	'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/edge-nlb/50dc6c495c0c9188';

describe('shareFileName', () => {
	it.each([
		{
			name: 'the discovered load balancer',
			snapshot: fixtureSnapshot(),
			attempt: 1,
			expected: 'lbtop-web-prod-nlb-20250314T134210Z.txt',
		},
		{
			name: 'the name inside an ARN before discovery',
			snapshot: undiscovered(arn),
			attempt: 1,
			expected: 'lbtop-edge-nlb-20250314T134210Z.txt',
		},
		{
			name: 'no path characters from a hand-typed target',
			snapshot: undiscovered('../../etc/passwd'),
			attempt: 1,
			expected: 'lbtop-etcpasswd-20250314T134210Z.txt',
		},
		{
			name: 'a placeholder when nothing is left',
			snapshot: undiscovered(''),
			attempt: 1,
			expected: 'lbtop-lb-20250314T134210Z.txt',
		},
		{
			name: 'a numbered name when the first is taken',
			snapshot: fixtureSnapshot(),
			attempt: 3,
			expected: 'lbtop-web-prod-nlb-20250314T134210Z-3.txt',
		},
	])('$name', ({snapshot, attempt, expected}) => {
		expect(shareFileName(snapshot, fixtureNow, attempt)).toBe(expected);
	});
});

describe('writeShareFile', () => {
	let directory: string;
	beforeEach(async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-share-'));
	});
	afterEach(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	it('creates a file only its owner can read', async () => {
		const path = await writeShareFile(directory, () => 'summary.txt', 'the summary\n');
		expect(path).toBe(join(directory, 'summary.txt'));
		expect(await readFile(path, 'utf8')).toBe('the summary\n');
		expect((await stat(path)).mode & 0o777).toBe(0o600);
	});

	it('never writes into an existing file or through a planted symlink', async () => {
		const victim = join(directory, 'victim.txt');
		await writeFile(victim, 'untouched');
		await symlink(victim, join(directory, 'summary.txt'));
		await writeFile(join(directory, 'summary-2.txt'), 'someone else');
		const path = await writeShareFile(
			directory,
			(attempt) => (attempt === 1 ? 'summary.txt' : `summary-${attempt}.txt`),
			'mine',
		);
		expect(path).toBe(join(directory, 'summary-3.txt'));
		expect(await readFile(victim, 'utf8')).toBe('untouched');
		expect(await readFile(join(directory, 'summary-2.txt'), 'utf8')).toBe('someone else');
	});

	it('reports a directory it cannot write to', async () => {
		await expect(
			writeShareFile(join(directory, 'missing'), () => 'summary.txt', 'x'),
		).rejects.toThrow(/ENOENT/);
	});
});
