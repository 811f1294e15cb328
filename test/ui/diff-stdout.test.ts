import ansiEscapes from 'ansi-escapes';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createDiffWriter} from '../../source/ui/diff-stdout.js';
import {beginSynchronized, endSynchronized, frameDelta} from '../../source/ui/frame-diff.js';
import {createReferenceDiffWriter} from './diff-writer-reference.js';
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

	it('sends a synchronized frame, its begin and its end in one write', () => {
		const {written, target} = sink();
		const writer = createDiffWriter(target);
		writer.write('one\ntwo');
		writer.write(beginSynchronized);
		writer.write(`${ansiEscapes.eraseLines(2)}one\nthree`);
		writer.write(endSynchronized);
		expect(written).toEqual([
			'\u001B[1;1Hone\u001B[K\u001B[2;1Htwo\u001B[K',
			`${beginSynchronized}\u001B[2;2Hhree${endSynchronized}`,
		]);
	});

	it('sends the bytes the writer sent one write at a time, in the same order, for any writes', async () => {
		const frame = fc
			.array(fc.constantFrom('one', 'two', 'three', '', '\u001B[1mbold\u001B[22m'), {
				minLength: 1,
				maxLength: 3,
			})
			.map((lines) => ({kind: 'frame' as const, lines}));
		const step = fc.oneof(
			{weight: 4, arbitrary: frame},
			{weight: 2, arbitrary: fc.constant({kind: 'begin' as const})},
			{weight: 2, arbitrary: fc.constant({kind: 'end' as const})},
			{weight: 1, arbitrary: fc.constant({kind: 'erase' as const})},
			{
				weight: 1,
				arbitrary: fc.constantFrom('\u001B[?25h', '\u001B[2J\u001B[0;0H', '\u001B]52;c;aGk=\u0007'),
			},
			{weight: 1, arbitrary: fc.constant({kind: 'task' as const})},
			{weight: 1, arbitrary: fc.constant({kind: 'callback' as const})},
		);
		await fc.assert(
			fc.asyncProperty(fc.array(step, {maxLength: 14}), async (steps) => {
				const sent: Record<'now' | 'before', string[]> = {now: [], before: []};
				const writers = {
					now: createDiffWriter({write: (data) => sent.now.push(data) > 0}),
					before: createReferenceDiffWriter({write: (data) => sent.before.push(data) > 0}),
				};
				const answered: Record<'now' | 'before', number> = {now: 0, before: 0};
				let height = 0;
				for (const value of steps) {
					for (const name of ['now', 'before'] as const) {
						const writer = writers[name];
						if (typeof value === 'string') {
							writer.write(value);
						} else if (value.kind === 'begin') {
							writer.write(beginSynchronized);
						} else if (value.kind === 'end') {
							writer.write(endSynchronized);
						} else if (value.kind === 'erase') {
							writer.write(ansiEscapes.eraseLines(Math.max(1, height)));
						} else if (value.kind === 'frame') {
							writer.write(`${ansiEscapes.eraseLines(height)}${value.lines.join('\n')}`);
						} else if (value.kind === 'callback') {
							writer.write('four\nfive', () => {
								answered[name] += 1;
							});
						}
					}
					if (typeof value !== 'string' && value.kind === 'frame') {
						height = value.lines.length;
					} else if (typeof value !== 'string' && value.kind === 'callback') {
						height = 2;
					} else if (typeof value !== 'string' && value.kind === 'task') {
						await new Promise((resolve) => setImmediate(resolve));
						// Whatever a task wrote is on its way by the task's end.
						expect(sent.now.join('')).toBe(sent.before.join(''));
					}
				}
				await new Promise((resolve) => setImmediate(resolve));
				expect(sent.now.join('')).toBe(sent.before.join(''));
				expect(answered.now).toBe(answered.before);
			}),
			{numRuns: 300},
		);
	});
});
