import ansiEscapes from 'ansi-escapes';
import {describe, expect, it} from 'vitest';
import {createDiffWriter} from '../../source/ui/diff-stdout.js';
import {
	beginSynchronized,
	classifyWrite,
	endSynchronized,
	frameDelta,
} from '../../source/ui/frame-diff.js';

describe('classifyWrite', () => {
	it.each([
		['a first frame', 'header\nbody', {kind: 'frame', lines: ['header', 'body']}],
		[
			'a later frame after erasing the last one',
			`${ansiEscapes.eraseLines(2)}header\nbody`,
			{kind: 'frame', lines: ['header', 'body']},
		],
		[
			'a styled frame',
			'\u001B[1mbold\u001B[22m\nrest',
			{kind: 'frame', lines: ['\u001B[1mbold\u001B[22m', 'rest']},
		],
		['an erase alone', ansiEscapes.eraseLines(3), {kind: 'erase'}],
		['hiding the cursor', '\u001B[?25l', {kind: 'other'}],
		['a full-screen erase', '\u001B[2J\u001B[0;0H', {kind: 'other'}],
		['an OSC 52 clipboard write', '\u001B]52;c;aGk=\u0007', {kind: 'other'}],
	])('reads %s', (_name, data, expected) => {
		expect(classifyWrite(data)).toEqual(expected);
	});
});

describe('frameDelta', () => {
	it('writes only the rows that changed, each placed absolutely', () => {
		expect(frameDelta(['a', 'clock 12:00:01', 'c'], ['a', 'clock 12:00:02', 'c'])).toBe(
			'\u001B[2;1Hclock 12:00:02\u001B[K',
		);
	});

	it('writes nothing for an unchanged frame', () => {
		expect(frameDelta(['a', 'b'], ['a', 'b'])).toBe('');
	});

	it('erases rows a shorter frame no longer uses', () => {
		expect(frameDelta(['a', 'b', 'c'], ['a'])).toBe('\u001B[2;1H\u001B[2K\u001B[3;1H\u001B[2K');
	});
});

describe('createDiffWriter', () => {
	function sink() {
		const written: string[] = [];
		return {written, target: {write: (data: string) => written.push(data) > 0}};
	}

	it('draws the first frame whole, then only what changed, and nothing for an idle frame', () => {
		const {written, target} = sink();
		const writer = createDiffWriter(target);
		writer.write('one\ntwo');
		writer.write(`${ansiEscapes.eraseLines(2)}one\nthree`);
		writer.write(beginSynchronized);
		writer.write(`${ansiEscapes.eraseLines(2)}one\nthree`);
		writer.write(endSynchronized);
		expect(written).toEqual([
			'\u001B[1;1Hone\u001B[K\u001B[2;1Htwo\u001B[K',
			'\u001B[2;1Hthree\u001B[K',
		]);
	});

	it('redraws whole after the screen was erased', () => {
		const {written, target} = sink();
		const writer = createDiffWriter(target);
		writer.write('one\ntwo');
		writer.write(ansiEscapes.eraseLines(2));
		writer.write('\u001B[2J\u001B[0;0H');
		writer.write('one\ntwo');
		expect(written.at(-1)).toBe('\u001B[1;1Hone\u001B[K\u001B[2;1Htwo\u001B[K');
	});

	it('passes writes that are not frames through untouched', () => {
		const {written, target} = sink();
		const writer = createDiffWriter(target);
		writer.write('\u001B]52;c;aGk=\u0007');
		writer.write('\u001B[?25h');
		expect(written).toEqual(['\u001B]52;c;aGk=\u0007', '\u001B[?25h']);
	});
});
