import {Buffer} from 'node:buffer';
import {describe, expect, it} from 'vitest';
import {
	clipboardByteLimit,
	fitClipboard,
	osc52,
	osc52SequenceLimit,
} from '../../source/report/share-osc52.js';

const esc = '\u001B';
const bell = '\u0007';

function decodePayload(sequence: string): string {
	const payload = /\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(sequence)?.[1] ?? '';
	return Buffer.from(payload, 'base64').toString('utf8');
}

describe('osc52', () => {
	it.each([
		{text: 'hello', tmux: false, expected: `${esc}]52;c;aGVsbG8=${bell}`},
		{text: '', tmux: false, expected: `${esc}]52;c;${bell}`},
		{
			text: 'hello',
			tmux: true,
			expected: `${esc}Ptmux;${esc}${esc}]52;c;aGVsbG8=${bell}${esc}\\`,
		},
	])('$text (tmux: $tmux) -> the clipboard sequence', ({text, tmux, expected}) => {
		expect(osc52(text, {tmux})).toBe(expected);
	});

	it.each([
		'lbtop · web-nlb · us-east-1\n[CRITICAL] target SG rejects — confidence high\n',
		'Größe 10 GB, 東京 region, emoji 🚨',
		`an escape ${esc}[31m and a bell ${bell} in the text`,
	])('carries %j exactly, as base64 (no control byte reaches the terminal raw)', (text) => {
		for (const tmux of [false, true]) {
			const sequence = osc52(text, {tmux});
			expect(decodePayload(sequence)).toBe(text);
			const inner = tmux ? sequence.slice(`${esc}Ptmux;`.length, -2) : sequence;
			// Only the framing ESC (doubled inside tmux's passthrough) and the closing BEL remain.
			expect(inner.replaceAll(/[A-Za-z0-9+/=;\]]/g, '')).toBe(
				tmux ? `${esc}${esc}${bell}` : `${esc}${bell}`,
			);
		}
	});
});

describe('fitClipboard', () => {
	const note = '[cut: the rest is in /tmp/x.txt]\n';

	it.each([
		{name: 'short text', text: 'a\nb\n', max: 100, kept: 'a\nb\n', truncated: false},
		{name: 'exactly at the limit', text: 'abcd', max: 4, kept: 'abcd', truncated: false},
		{
			name: 'cut at the last whole line',
			text: `line one\nline two\nline three\n${'x'.repeat(60)}\n`,
			max: 20 + note.length,
			kept: `line one\nline two\n${note}`,
			truncated: true,
		},
		{
			name: 'one long line cut mid-line',
			text: 'x'.repeat(50),
			max: 10 + note.length,
			kept: `${'x'.repeat(10)}${note}`,
			truncated: true,
		},
		{
			name: 'never half a character',
			text: 'é'.repeat(20),
			max: 5 + note.length,
			kept: `éé${note}`,
			truncated: true,
		},
	])('$name', ({text, max, kept, truncated}) => {
		const fitted = fitClipboard(text, note, max);
		expect(fitted).toEqual({text: kept, truncated});
		expect(Buffer.byteLength(fitted.text)).toBeLessThanOrEqual(max);
	});

	it('keeps a huge summary under the OSC 52 size terminals accept', () => {
		const huge = `${'203.0.113.45:51234 -> 10.0.1.27:8443 REJECT\n'.repeat(10_000)}`;
		const fitted = fitClipboard(huge, note);
		expect(fitted.truncated).toBe(true);
		expect(fitted.text.endsWith(note)).toBe(true);
		expect(Buffer.byteLength(fitted.text)).toBeLessThanOrEqual(clipboardByteLimit);
		for (const tmux of [false, true]) {
			expect(osc52(fitted.text, {tmux}).length).toBeLessThanOrEqual(osc52SequenceLimit);
		}
	});
});
