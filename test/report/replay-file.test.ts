import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {snapshotLine} from '../../source/live/recorder.js';
import {
	badLinesWarning,
	parseRecording,
	parseSnapshotJson,
	readRecording,
} from '../../source/report/replay-file.js';
import {fixtureNow, fixtureSnapshot} from '../helpers/snapshot-fixture.js';

const at = (seconds: number): Snapshot =>
	fixtureSnapshot({generatedAt: fixtureNow + seconds * 1000});
const line = (snapshot: Snapshot) => snapshotLine(snapshot).trimEnd();

describe('parseSnapshotJson', () => {
	const good = fixtureSnapshot();
	const {cost, ...withoutCost} = good;
	it.each([
		{name: 'a recorded snapshot', text: line(good), ok: true},
		{name: 'pretty --json output', text: JSON.stringify(good, null, 2), ok: true},
		{name: 'a line cut off mid-write', text: line(good).slice(0, 200), ok: false},
		{name: 'another schema version', text: JSON.stringify({...good, schemaVersion: 2}), ok: false},
		{name: 'a snapshot missing its cost', text: JSON.stringify(withoutCost), ok: false},
		{
			name: 'a source without a status',
			text: JSON.stringify({...good, sources: {...good.sources, flows: {}}}),
			ok: false,
		},
		{
			name: 'a time that is not a number',
			text: JSON.stringify({...good, generatedAt: 'now'}),
			ok: false,
		},
		{name: 'an array', text: '[1,2,3]', ok: false},
		{name: 'JSON null', text: 'null', ok: false},
		{name: 'not JSON', text: 'hello', ok: false},
	])('$name: read = $ok', ({text, ok}) => {
		expect(parseSnapshotJson(text) !== undefined).toBe(ok);
	});
});

describe('parseRecording', () => {
	it('puts snapshots in time order, skips blank lines and counts bad ones', () => {
		const text = [line(at(20)), '', line(at(0)), '{"broken": ', line(at(10)), 'garbage', ''].join(
			'\n',
		);
		const recording = parseRecording(text);
		expect(recording.snapshots.map((snapshot) => snapshot.generatedAt - fixtureNow)).toEqual([
			0, 10_000, 20_000,
		]);
		expect(recording).toMatchObject({badLines: 2, firstBadLine: 4});
		expect(badLinesWarning('rec.ndjson', recording)).toBe(
			'skipped 2 unreadable lines in rec.ndjson (first: line 4)',
		);
	});

	it('has nothing to warn about in a clean recording', () => {
		const recording = parseRecording(`${line(at(0))}\n${line(at(1))}\n`);
		expect(recording).toEqual({snapshots: [at(0), at(1)], badLines: 0});
		expect(badLinesWarning('rec.ndjson', recording)).toBeUndefined();
	});
});

describe('readRecording', () => {
	let directory: string;
	beforeEach(async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-replay-'));
	});
	afterEach(async () => {
		await rm(directory, {recursive: true, force: true});
	});

	it('reads a file written line by line, Windows line ends included', async () => {
		const path = join(directory, 'rec.ndjson');
		await writeFile(path, `${line(at(0))}\r\n${line(at(5))}\r\n`);
		const read = await readRecording(path);
		expect(read.ok && read.recording.snapshots).toEqual([at(0), at(5)]);
	});

	it.each([
		{
			name: 'a missing file',
			file: 'missing.ndjson',
			content: undefined,
			message: /cannot read .*ENOENT/,
		},
		{name: 'a directory', file: '.', content: undefined, message: /cannot read .*EISDIR/},
		{
			name: 'an empty file',
			file: 'empty.ndjson',
			content: '',
			message: /holds no lbtop snapshots \(/,
		},
		{
			name: 'a file of something else',
			file: 'other.log',
			content: 'a\nb\n',
			message: /holds no lbtop snapshots, only 2 unreadable lines/,
		},
	])('$name is unreadable, with a message', async ({file, content, message}) => {
		const path = join(directory, file);
		if (content !== undefined) {
			await writeFile(path, content);
		}
		const read = await readRecording(path);
		expect(read.ok).toBe(false);
		expect(read.ok ? '' : read.message).toMatch(message);
	});
});
