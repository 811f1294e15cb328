import {describe, expect, it} from 'vitest';
import {frameRows} from '../../../source/ui/panes/frame.js';
import {line, lineWidth} from '../../../source/ui/panes/line.js';
import {hostile} from './fixture.js';

describe('frameRows', () => {
	const lines = [line(hostile.long), line(hostile.cjk), line(''), line(hostile.osc52)];

	it.each([
		[38, 2],
		[78, 4],
		[196, 10],
	])('at %i x %i never draws more lines or wider lines than the pane', (width, height) => {
		const rows = frameRows(lines, width, height, '…', false);
		expect(rows.length).toBeLessThanOrEqual(height);
		for (const row of rows) {
			expect(lineWidth(row.segments)).toBeLessThanOrEqual(width);
			expect(row.segments.every((segment) => !segment.text.includes('\u001b'))).toBe(true);
		}
	});

	it('keys rows and segments by position', () => {
		const rows = frameRows([[...line('a'), ...line('b', 'red')]], 10, 3, '…', true);
		expect(rows.map((row) => [row.key, row.segments.map((segment) => segment.key)])).toEqual([
			['r0', ['s0', 's1']],
		]);
	});
});

describe('frameRows styles', () => {
	const value = [...line('ACC', 'green'), ...line(' '), ...line('REJ', 'red'), ...line(' 12')];

	it('merges neighbours of the same style, and drops tones without color', () => {
		const [plain] = frameRows([value], 20, 1, '…', false);
		expect(plain?.segments).toEqual([{key: 's0', text: 'ACC REJ 12', inverse: false}]);
	});

	it('keeps tones with color, spaces joining the run before them', () => {
		const [colored] = frameRows([value], 20, 1, '…', true);
		expect(colored?.segments.map((segment) => [segment.text, segment.tone])).toEqual([
			['ACC ', 'green'],
			['REJ', 'red'],
			[' 12', undefined],
		]);
	});

	it('drops the blanks that end a row, unless they are in inverse video', () => {
		const padded = [...line('a', 'dim'), ...line('   ')];
		const [plain] = frameRows([padded, [...line('b'), ...line('  ')]], 20, 2, '…', true);
		expect(plain?.segments.map((segment) => segment.text)).toEqual(['a']);
		const [selected] = frameRows(
			[padded.map((segment) => ({...segment, inverse: true}))],
			20,
			1,
			'…',
			true,
		);
		expect(selected?.segments.map((segment) => segment.text)).toEqual(['a', '   ']);
	});

	it('draws a blank row as no segments', () => {
		const rows = frameRows([line('    '), []], 20, 2, '…', true);
		expect(rows.map((row) => row.segments.length)).toEqual([0, 0]);
	});

	it('keeps spaces in inverse video apart from the run before them', () => {
		const [row] = frameRows(
			[[...line('a'), {text: ' ', inverse: true}, ...line('b')]],
			20,
			1,
			'…',
			true,
		);
		expect(row?.segments.map((segment) => [segment.text, segment.inverse])).toEqual([
			['a', false],
			[' ', true],
			['b', false],
		]);
	});
});
