import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeMultiline, sanitizeText} from '../../source/domain/sanitize.js';

describe('sanitizeText', () => {
	it.each([
		['CSI colour', 'aws-cli\u001b[31m/2.9', 'aws-cli/2.9'],
		['cursor movement', 'a\u001b[2J\u001b[Hb', 'ab'],
		['OSC 52 clipboard write', 'x\u001b]52;c;ZWNobyBoaQ==\u0007y', 'xy'],
		['OSC title with ST', '\u001b]0;pwned\u001b\\ok', 'ok'],
		['8-bit CSI', 'a\u009b31mb', 'a\uFFFD31mb'],
		['bell and backspace', 'a\u0007\u0008b', 'a\uFFFD\uFFFDb'],
		['newlines become spaces', 'line1\nline2\r\n', 'line1 line2 '],
		['bidi override', 'abc\u202Edef', 'abc\uFFFDdef'],
	])('strips %s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it('truncates long strings with an ellipsis', () => {
		expect(sanitizeText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
	});

	it('never lets ESC or other C0/C1 controls through, whatever the input', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 200}), (input) => {
				const output = sanitizeText(input);
				expect(output).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
			}),
			{numRuns: 500},
		);
	});

	it('keeps line breaks in multi-line detail', () => {
		expect(sanitizeMultiline('{\n  "a": "\u001b[31mb"\n}')).toBe('{\n  "a": "b"\n}');
	});
});
