import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {bindingFor, contextsOf, type KeyContext, keymap} from '../../source/ui/keymap.js';
import {helpBarText, keyHelpEntries, keyLabel, keysLabel} from '../../source/ui/shell/key-help.js';
import {keyName, keyTokens} from '../../source/ui/shell/key-input.js';

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

describe('the keymap table', () => {
	it('gives every binding keys, a label and a description', () => {
		for (const binding of keymap) {
			expect(binding.keys.length, binding.action).toBeGreaterThan(0);
			expect(binding.label.trim(), binding.action).not.toBe('');
			expect(binding.description.trim(), binding.action).not.toBe('');
		}
	});

	it('binds no key twice in the same context', () => {
		const seen = new Map<string, string>();
		for (const binding of keymap) {
			for (const context of contextsOf(binding)) {
				for (const key of binding.keys) {
					const slot = `${context}:${key}`;
					expect(
						seen.get(slot),
						`${slot} is bound to ${seen.get(slot)} and ${binding.action}`,
					).toBe(undefined);
					seen.set(slot, binding.action);
				}
			}
		}
	});

	it.each<[string, KeyContext, string | undefined]>([
		['?', 'normal', 'toggle-help'],
		['?', 'help', 'toggle-help'],
		['escape', 'help', 'close-help'],
		['escape', 'normal', 'back'],
		['escape', 'filter', 'cancel-filter'],
		['q', 'normal', 'quit'],
		['q', 'filter', undefined],
		['ctrl-c', 'filter', 'quit'],
		['tab', 'normal', 'next-pane'],
		['shift-tab', 'normal', 'previous-pane'],
		['k', 'normal', 'select-up'],
		['j', 'normal', 'select-down'],
		['g', 'normal', 'top'],
		['G', 'normal', 'bottom'],
		['space', 'normal', 'toggle-pause'],
		['p', 'normal', 'toggle-pause'],
		['t', 'normal', 'cycle-window'],
		['y', 'normal', 'share'],
		['tab', 'help', undefined],
		['enter', 'filter', 'apply-filter'],
		['j', 'detail', 'scroll-down'],
		['pagedown', 'detail', 'scroll-page-down'],
		['G', 'detail', 'scroll-bottom'],
		['j', 'help', 'scroll-down'],
		['enter', 'detail', undefined],
		['escape', 'detail', 'back'],
		['tab', 'detail', 'next-pane'],
		['q', 'detail', 'quit'],
		// In a target's requests (Requests pane): the keys choose a request and open it.
		['j', 'detail-list', 'select-down'],
		['k', 'detail-list', 'select-up'],
		['G', 'detail-list', 'bottom'],
		['enter', 'detail-list', 'drill-down'],
		['escape', 'detail-list', 'back'],
		['tab', 'detail-list', 'next-pane'],
		['?', 'detail-list', 'toggle-help'],
		['q', 'detail-list', 'quit'],
	])('binds %s in %s to %s', (key, context, action) => {
		expect(bindingFor(key, context)?.action).toBe(action);
	});
});

describe('keyName', () => {
	it.each<[string, string, Partial<Key>, string | undefined]>([
		['a letter', 'q', {}, 'q'],
		['a capital', 'G', {shift: true}, 'G'],
		['a symbol', '?', {}, '?'],
		['space', ' ', {}, 'space'],
		['Ctrl-C', 'c', {ctrl: true}, 'ctrl-c'],
		['Tab', '', {tab: true}, 'tab'],
		['Shift-Tab', '', {tab: true, shift: true}, 'shift-tab'],
		['up', '', {upArrow: true}, 'up'],
		['PgDn', '', {pageDown: true}, 'pagedown'],
		['Enter', '\r', {return: true}, 'enter'],
		['Esc', '', {escape: true, meta: true}, 'escape'],
		['Backspace', '', {backspace: true}, 'backspace'],
		['Delete', '', {delete: true}, 'backspace'],
		['other Ctrl keys', 'x', {ctrl: true}, undefined],
		['pasted text', 'abc', {}, undefined],
	])('names %s', (_name, input, key, expected) => {
		expect(keyName(input, {...noKey, ...key})).toBe(expected);
	});
});

describe('keyTokens', () => {
	it.each<[string, string, string[]]>([
		['one key', 'j', ['j']],
		['keys coalesced by a slow link', 'jjk', ['j', 'j', 'k']],
		['Tab then ? in one read', '\t?', ['tab', '?']],
		['typing then Enter', '/ab\r', ['/', 'a', 'b', 'enter']],
		['a space in a paste', 'a b', ['a', 'space', 'b']],
		['Ctrl-C among other keys', 'j\u0003', ['j', 'ctrl-c']],
		['other control characters', 'a\u0007b', ['a', 'b']],
	])('splits %s', (_case, input, names) => {
		expect(keyTokens(input, noKey).map((token) => token.name)).toEqual(names);
	});

	it('keeps what each key types, for the filter input', () => {
		expect(keyTokens('a b', noKey).map((token) => token.text)).toEqual(['a', ' ', 'b']);
	});
});

describe('help text generated from the table', () => {
	it('labels keys for Unicode and ASCII terminals', () => {
		expect(keyLabel('up', false)).toBe('↑');
		expect(keyLabel('up', true)).toBe('Up');
		expect(keyLabel('q', true)).toBe('q');
		const moveUp = keymap.find((binding) => binding.action === 'select-up');
		expect(moveUp && keysLabel(moveUp, false)).toBe('↑/k');
	});

	it('fills the help bar with the highest-priority bindings that fit, in table order', () => {
		expect(helpBarText({width: 80, ascii: false})).toBe(
			'? help  q quit  Tab pane  ↑ up  ↓ down  Enter detail  / filter  p pause',
		);
		expect(helpBarText({width: 20, ascii: false})).toBe('? help  q quit');
		expect(helpBarText({width: 200, ascii: true})).toContain('y share');
	});

	it('offers scrolling in an open detail instead of moving the selection', () => {
		const bar = helpBarText({width: 80, ascii: false, context: 'detail'});
		expect(bar).toContain('↓ scroll');
		expect(bar).not.toContain('↓ down');
		expect(bar).not.toContain('Enter detail');
	});

	it('follows state through label overrides', () => {
		expect(helpBarText({width: 200, ascii: false, labels: {'toggle-pause': 'resume'}})).toContain(
			'p resume',
		);
	});

	it('lists every binding in the overlay, each once', () => {
		const entries = keyHelpEntries(false);
		const bindings = entries.filter((entry) => entry.kind === 'entry');
		expect(bindings).toHaveLength(keymap.length);
		for (const binding of keymap) {
			expect(bindings.some((entry) => entry.text === binding.description)).toBe(true);
		}
		expect(entries.filter((entry) => entry.kind === 'title').map((entry) => entry.text)).toEqual([
			'Keys',
			'In an open detail and in this help',
			'In this help',
			'While typing a filter',
		]);
	});
});
