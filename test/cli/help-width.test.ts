import {describe, expect, it} from 'vitest';
import {monitorHelp, replayHelp, simHelp} from '../../source/cli-help.js';

// meow prints these as written, and --help is read in an 80-column terminal as often as not.
describe.each([
	['lbtop --help', monitorHelp],
	['lbtop replay --help', replayHelp],
	['lbtop sim --help', simHelp],
])('%s', (_name, text) => {
	it('fits 80 columns on every line but one holding a single word (an ARN)', () => {
		const tooWide = text
			.split('\n')
			.filter((line) => [...line].length > 80 && line.trim().includes(' '));
		expect(tooWide).toEqual([]);
	});
});
