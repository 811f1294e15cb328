// The help bar and the help overlay, generated from the keymap table.
import {type Binding, type KeyAction, type KeyContext, keymap, type NamedKey} from '../keymap.js';

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
	readonly table?: readonly Binding[];
};

function barItem(binding: Binding, ascii: boolean, labels: LabelOverrides): string {
	const firstKey = binding.keys[0] ?? '';
	return `${keyLabel(firstKey, ascii)} ${labels[binding.action] ?? binding.label}`;
}

const itemGap = '  ';

/** The most useful main-screen bindings that fit in `width`, in table order. */
export function helpBarText(options: HelpBarOptions): string {
	const table = options.table ?? keymap;
	const labels = options.labels ?? {};
	const candidates = table
		.map((binding, index) => ({binding, index}))
		.filter(
			({binding}) => binding.bar !== undefined && (binding.when ?? ['normal']).includes('normal'),
		)
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
	help: 'In this help',
	filter: 'While typing a filter',
};

const contextOrder: readonly KeyContext[] = ['normal', 'help', 'filter'];

export type HelpLine = {
	readonly kind: 'title' | 'binding';
	readonly text: string;
};

/** Every binding of the table once, under the first context it works in, keys in one column. */
export function helpOverlayLines(ascii: boolean, table: readonly Binding[] = keymap): HelpLine[] {
	const keyColumn = Math.max(0, ...table.map((binding) => [...keysLabel(binding, ascii)].length));
	const listed = new Set<Binding>();
	const lines: HelpLine[] = [];
	for (const context of contextOrder) {
		const bindings = table.filter(
			(binding) => !listed.has(binding) && (binding.when ?? ['normal']).includes(context),
		);
		if (bindings.length === 0) {
			continue;
		}
		lines.push({kind: 'title', text: contextTitles[context]});
		for (const binding of bindings) {
			listed.add(binding);
			const keys = keysLabel(binding, ascii);
			const padding = ' '.repeat(Math.max(0, keyColumn - [...keys].length));
			lines.push({kind: 'binding', text: `${keys}${padding}  ${binding.description}`});
		}
	}
	return lines;
}
