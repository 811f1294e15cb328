// The help bar and the help overlay, generated from the keymap table.
import {
	type Binding,
	contextsOf,
	type KeyAction,
	type KeyContext,
	keymap,
	type NamedKey,
} from '../keymap.js';

const keyLabels: Readonly<Record<NamedKey, readonly [unicode: string, ascii: string]>> = {
	up: ['↑', 'Up'],
	down: ['↓', 'Down'],
	left: ['←', 'Left'],
	right: ['→', 'Right'],
	pageup: ['PgUp', 'PgUp'],
	pagedown: ['PgDn', 'PgDn'],
	home: ['Home', 'Home'],
	end: ['End', 'End'],
	tab: ['Tab', 'Tab'],
	'shift-tab': ['S-Tab', 'S-Tab'],
	enter: ['Enter', 'Enter'],
	escape: ['Esc', 'Esc'],
	space: ['Space', 'Space'],
	backspace: ['Bksp', 'Bksp'],
	'ctrl-c': ['Ctrl-C', 'Ctrl-C'],
};

function isNamedKey(key: string): key is NamedKey {
	return Object.hasOwn(keyLabels, key);
}

export function keyLabel(key: string, ascii: boolean): string {
	if (!isNamedKey(key)) {
		return key;
	}
	const [unicode, plain] = keyLabels[key];
	return ascii ? plain : unicode;
}

export function keysLabel(binding: Binding, ascii: boolean): string {
	return binding.keys.map((key) => keyLabel(key, ascii)).join('/');
}

export type LabelOverrides = Partial<Readonly<Record<KeyAction, string>>>;

export type HelpBarOptions = {
	readonly width: number;
	readonly ascii: boolean;
	/** Labels that follow the state, e.g. `resume` while paused. */
	readonly labels?: LabelOverrides;
	/** The keys that work here: the main screen's, or an open detail's. */
	readonly context?: KeyContext;
	readonly table?: readonly Binding[];
};

function barItem(binding: Binding, ascii: boolean, labels: LabelOverrides): string {
	const firstKey = binding.keys[0] ?? '';
	return `${keyLabel(firstKey, ascii)} ${labels[binding.action] ?? binding.label}`;
}

const itemGap = '  ';

/** The most useful bindings of the context that fit in `width`, in table order. */
export function helpBarText(options: HelpBarOptions): string {
	const table = options.table ?? keymap;
	const labels = options.labels ?? {};
	const context = options.context ?? 'normal';
	const candidates = table
		.map((binding, index) => ({binding, index}))
		.filter(({binding}) => binding.bar !== undefined && contextsOf(binding).includes(context))
		.sort((a, b) => (a.binding.bar ?? 0) - (b.binding.bar ?? 0) || a.index - b.index);
	const chosen: {readonly index: number; readonly text: string}[] = [];
	let used = 0;
	for (const {binding, index} of candidates) {
		const text = barItem(binding, options.ascii, labels);
		const cost = [...text].length + (chosen.length === 0 ? 0 : itemGap.length);
		// Strict priority: a lower binding never takes the place of a higher one that did not fit.
		if (used + cost > options.width) {
			break;
		}
		chosen.push({index, text});
		used += cost;
	}
	return chosen
		.sort((a, b) => a.index - b.index)
		.map(({text}) => text)
		.join(itemGap);
}

const contextTitles: Readonly<Record<KeyContext, string>> = {
	normal: 'Keys',
	detail: 'In an open detail and in this help',
	'detail-list': "In a target's requests (Requests pane)",
	help: 'In this help',
	filter: 'While typing a filter',
};

const contextOrder: readonly KeyContext[] = ['normal', 'detail', 'detail-list', 'help', 'filter'];

/** One item of the help: a section title, or a key (or a symbol) and what it does or means. */
export type HelpEntry =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'entry'; readonly key: string; readonly text: string};

/** Every binding of the table once, under the first context it works in. */
export function keyHelpEntries(ascii: boolean, table: readonly Binding[] = keymap): HelpEntry[] {
	const listed = new Set<Binding>();
	const entries: HelpEntry[] = [];
	for (const context of contextOrder) {
		const bindings = table.filter(
			(binding) => !listed.has(binding) && contextsOf(binding).includes(context),
		);
		if (bindings.length === 0) {
			continue;
		}
		entries.push({kind: 'title', text: contextTitles[context]});
		for (const binding of bindings) {
			listed.add(binding);
			entries.push({kind: 'entry', key: keysLabel(binding, ascii), text: binding.description});
		}
	}
	return entries;
}
