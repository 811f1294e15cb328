// Every key binding, as data: the input handler, the help bar and the help overlay all read this
// one table, so the screen can never advertise a key that does something else.

/**
 * Where keys are read: the main screen, an open detail (Enter), the help overlay, or the one-line
 * filter input. In a detail and in help the movement keys scroll instead of moving the selection;
 * in a detail that lists rows of its own (a target's requests) they choose one for Enter.
 */
export type KeyContext = 'normal' | 'detail' | 'detail-list' | 'help' | 'filter';

export type KeyAction =
	| 'toggle-help'
	| 'close-help'
	| 'quit'
	| 'next-pane'
	| 'previous-pane'
	| 'select-up'
	| 'select-down'
	| 'page-up'
	| 'page-down'
	| 'top'
	| 'bottom'
	| 'drill-down'
	| 'back'
	| 'open-filter'
	| 'apply-filter'
	| 'cancel-filter'
	| 'delete-filter-character'
	| 'cycle-sort'
	| 'toggle-pause'
	| 'cycle-window'
	| 'toggle-zoom'
	| 'toggle-time-zone'
	| 'refresh'
	| 'share'
	| 'scroll-up'
	| 'scroll-down'
	| 'scroll-page-up'
	| 'scroll-page-down'
	| 'scroll-top'
	| 'scroll-bottom';

/** Named keys as `keyName` reports them; any other key is its printable character (`q`, `G`, `?`). */
export type NamedKey =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pageup'
	| 'pagedown'
	| 'home'
	| 'end'
	| 'tab'
	| 'shift-tab'
	| 'enter'
	| 'escape'
	| 'space'
	| 'backspace'
	| 'ctrl-c';

export type Binding = {
	readonly keys: readonly string[];
	/** One or two words for the help bar. */
	readonly label: string;
	/** A sentence for the help overlay. */
	readonly description: string;
	readonly action: KeyAction;
	/** Contexts the binding works in; the main screen and an open detail when omitted. */
	readonly when?: readonly KeyContext[];
	/** Help-bar priority, lowest first; bindings without one appear only in the overlay. */
	readonly bar?: number;
};

export const keymap: readonly Binding[] = [
	{
		keys: ['?'],
		label: 'help',
		description: 'Show or hide this list of keys',
		action: 'toggle-help',
		when: ['normal', 'detail', 'detail-list', 'help'],
		bar: 1,
	},
	{
		keys: ['q'],
		label: 'quit',
		description: 'Quit and restore the terminal',
		action: 'quit',
		when: ['normal', 'detail', 'detail-list', 'help'],
		bar: 2,
	},
	{
		keys: ['ctrl-c'],
		label: 'quit',
		description: 'Quit from anywhere, even while typing a filter',
		action: 'quit',
		when: ['normal', 'detail', 'detail-list', 'help', 'filter'],
	},
	{keys: ['tab'], label: 'pane', description: 'Focus the next pane', action: 'next-pane', bar: 3},
	{
		keys: ['shift-tab'],
		label: 'prev pane',
		description: 'Focus the previous pane',
		action: 'previous-pane',
	},
	{
		keys: ['up', 'k'],
		label: 'up',
		description: 'Move the selection up',
		action: 'select-up',
		when: ['normal', 'detail-list'],
		bar: 5,
	},
	{
		keys: ['down', 'j'],
		label: 'down',
		description: 'Move the selection down',
		action: 'select-down',
		when: ['normal', 'detail-list'],
		bar: 5,
	},
	{
		keys: ['pageup'],
		label: 'page up',
		description: 'Move up one page',
		action: 'page-up',
		when: ['normal', 'detail-list'],
	},
	{
		keys: ['pagedown'],
		label: 'page down',
		description: 'Move down one page',
		action: 'page-down',
		when: ['normal', 'detail-list'],
	},
	{
		keys: ['g', 'home'],
		label: 'top',
		description: 'Jump to the first row',
		action: 'top',
		when: ['normal', 'detail-list'],
	},
	{
		keys: ['G', 'end'],
		label: 'bottom',
		description: 'Jump to the last row',
		action: 'bottom',
		when: ['normal', 'detail-list'],
	},
	{
		keys: ['up', 'k'],
		label: 'scroll up',
		description: 'Scroll up one line',
		action: 'scroll-up',
		when: ['detail', 'help'],
	},
	{
		keys: ['down', 'j'],
		label: 'scroll',
		description: 'Scroll down one line',
		action: 'scroll-down',
		when: ['detail', 'help'],
		bar: 5,
	},
	{
		keys: ['pageup'],
		label: 'page up',
		description: 'Scroll up one page',
		action: 'scroll-page-up',
		when: ['detail', 'help'],
	},
	{
		keys: ['pagedown'],
		label: 'page down',
		description: 'Scroll down one page',
		action: 'scroll-page-down',
		when: ['detail', 'help'],
	},
	{
		keys: ['g', 'home'],
		label: 'top',
		description: 'Scroll to the start',
		action: 'scroll-top',
		when: ['detail', 'help'],
	},
	{
		keys: ['G', 'end'],
		label: 'end',
		description: 'Scroll to the end',
		action: 'scroll-bottom',
		when: ['detail', 'help'],
	},
	{
		keys: ['enter'],
		label: 'detail',
		description:
			"Open the selected row's detail and evidence; it stays on that item while the rows change. In a target's requests, open the chosen request with every field",
		action: 'drill-down',
		when: ['normal', 'detail-list'],
		bar: 4,
	},
	{
		keys: ['escape'],
		label: 'back',
		description:
			"Close the detail (a request first, then its target), leave zoom, then clear the focused pane's filter",
		action: 'back',
	},
	{
		keys: ['/'],
		label: 'filter',
		description:
			"Filter the focused pane's rows (never the findings): type, Enter applies, Esc cancels",
		action: 'open-filter',
		bar: 6,
	},
	{
		keys: ['s'],
		label: 'sort',
		description: 'Change the sort order of the focused pane',
		action: 'cycle-sort',
	},
	{
		keys: ['p', 'space'],
		label: 'pause',
		description: 'Freeze the screen; lbtop keeps the newer data and says how much it holds back',
		action: 'toggle-pause',
		bar: 7,
	},
	{
		keys: ['t'],
		label: 'window',
		description: 'Cycle the time window: 5m, 15m, 1h',
		action: 'cycle-window',
		bar: 8,
	},
	{
		keys: ['z'],
		label: 'zoom',
		description: 'Give the focused pane the whole pane area',
		action: 'toggle-zoom',
		bar: 9,
	},
	{
		keys: ['u'],
		label: 'UTC/local',
		description: 'Show times in UTC or in local time',
		action: 'toggle-time-zone',
	},
	{
		keys: ['r'],
		label: 'refresh',
		description: 'Refresh every source now',
		action: 'refresh',
		bar: 10,
	},
	{
		keys: ['y'],
		label: 'share',
		description: 'Share: write what is on screen as a snapshot to paste into the incident',
		action: 'share',
		bar: 11,
	},
	{
		keys: ['escape'],
		label: 'close',
		description: 'Close this help',
		action: 'close-help',
		when: ['help'],
	},
	{
		keys: ['enter'],
		label: 'apply',
		description: 'Apply the filter',
		action: 'apply-filter',
		when: ['filter'],
	},
	{
		keys: ['escape'],
		label: 'cancel',
		description: 'Cancel the filter input',
		action: 'cancel-filter',
		when: ['filter'],
	},
	{
		keys: ['backspace'],
		label: 'delete',
		description: 'Delete the last character',
		action: 'delete-filter-character',
		when: ['filter'],
	},
];

const mainScreen: readonly KeyContext[] = ['normal', 'detail', 'detail-list'];

export function contextsOf(binding: Binding): readonly KeyContext[] {
	return binding.when ?? mainScreen;
}

/** The binding for `key` in `context`; the first listed wins (the table test forbids duplicates). */
export function bindingFor(
	key: string,
	context: KeyContext,
	table: readonly Binding[] = keymap,
): Binding | undefined {
	return table.find(
		(binding) => contextsOf(binding).includes(context) && binding.keys.includes(key),
	);
}
