import ansiEscapes from 'ansi-escapes';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createDiffWriter} from '../../source/ui/diff-stdout.js';
import {beginSynchronized, endSynchronized, frameDelta} from '../../source/ui/frame-diff.js';
import {rowHistoryArbitrary} from './styled-rows.js';
import {VirtualTerminal, type WidthPolicy} from './virtual-terminal.js';

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
		expect(written).toEqual(['\u001B[1;1Hone\u001B[K\u001B[2;1Htwo\u001B[K', '\u001B[2;2Hhree']);
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

	it.each(['graphemes', 'code-points'] as const)(
		'leaves the screen showing Ink’s last frame, counting %s',
		(policy: WidthPolicy) => {
			fc.assert(
				fc.property(fc.array(rowHistoryArbitrary, {minLength: 1, maxLength: 4}), (rows) => {
					const steps = Math.max(...rows.map((versions) => versions.length));
					const terminal = new VirtualTerminal(400, 4, policy);
					const writer = createDiffWriter({
						write(data) {
							terminal.write(data);
							return true;
						},
					});
					let lines: string[] = [];
					for (let step = 0; step < steps; step++) {
						const erase = lines.length === 0 ? '' : ansiEscapes.eraseLines(lines.length);
						lines = rows.map((versions) => versions[Math.min(step, versions.length - 1)] ?? '');
						writer.write(beginSynchronized);
						writer.write(`${erase}${lines.join('\n')}`);
						writer.write(endSynchronized);
					}
					const whole = new VirtualTerminal(400, 4, policy);
					whole.write(frameDelta([], lines));
					expect(terminal.screen()).toEqual(whole.screen());
				}),
				{numRuns: 300},
			);
		},
	);
});
