// The characters panes draw with, in two sets: `ascii` is for terminals and fonts without Unicode
// block elements (some SSH jump hosts, Windows consoles with legacy code pages).
export type Glyphs = {
	readonly ellipsis: string;
	readonly separator: string;
	/** A sparkline cell with no datapoint: visibly not a zero. */
	readonly gap: string;
	/** Where a change happened on a time axis. */
	readonly changeMark: string;
	/** Sparkline levels, lowest first. */
	readonly levels: readonly string[];
	readonly columnRule: string;
	readonly waiting: string;
};

const unicode: Glyphs = {
	ellipsis: '…',
	separator: ' · ',
	gap: '·',
	changeMark: '▼',
	levels: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
	columnRule: ' │ ',
	waiting: 'waiting for first data…',
};

const ascii: Glyphs = {
	ellipsis: '~',
	separator: ' | ',
	gap: ' ',
	changeMark: 'v',
	levels: ['_', '.', '-', '=', '#'],
	columnRule: ' | ',
	waiting: 'waiting for first data...',
};

export function glyphsFor(asciiOnly: boolean): Glyphs {
	return asciiOnly ? ascii : unicode;
}
