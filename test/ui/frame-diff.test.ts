import ansiEscapes from 'ansi-escapes';
import {describe, expect, it} from 'vitest';
import {classifyWrite, frameDelta} from '../../source/ui/frame-diff.js';

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
	it('writes only the cells that changed, each placed absolutely', () => {
		expect(frameDelta(['a', 'clock 12:00:01', 'c'], ['a', 'clock 12:00:02', 'c'])).toBe(
			'\u001B[2;14H2',
		);
	});

	it('rewrites a row it cannot read cell by cell whole', () => {
		const link = (text: string) => `\u001B]8;;https://example.com\u0007${text}\u001B]8;;\u0007`;
		expect(frameDelta(['a', link('docs 1')], ['a', link('docs 2')])).toBe(
			`\u001B[2;1H${link('docs 2')}\u001B[K`,
		);
	});

	it('writes nothing for an unchanged frame', () => {
		expect(frameDelta(['a', 'b'], ['a', 'b'])).toBe('');
	});

	it('erases rows a shorter frame no longer uses', () => {
		expect(frameDelta(['a', 'b', 'c'], ['a'])).toBe('\u001B[2;1H\u001B[2K\u001B[3;1H\u001B[2K');
	});
});
