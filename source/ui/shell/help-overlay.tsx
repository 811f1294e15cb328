// Every binding of the keymap, then what the screen's labels and marks mean and how the filter
// reads, over the pane area: descriptions wrap under themselves (never cut), and the help scrolls
// with j/k, PgUp/PgDn and g/G when it is longer than the room it has.
import {Box} from 'ink';
import {fitText} from '../format.js';
import {glyphsFor} from '../panes/glyphs.js';
import {cellWidth, wrapCells} from '../panes/text-width.js';
import {legendEntries} from './help-legend.js';
import {type HelpEntry, keyHelpEntries} from './key-help.js';
import {Row} from './row.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly width: number;
	readonly height: number;
	readonly ascii: boolean;
	/** Lines scrolled past at the top. */
	readonly scroll: number;
};

export type HelpLine = {
	readonly kind: 'title' | 'text';
	readonly text: string;
};

/** Keys longer than this (none today) wrap their description onto the next line instead. */
const maxKeyColumn = 12;
/** A description narrower than this reads better on lines of its own. */
const minTextWidth = 16;
/** A description longer than this many rows is cut: none is, at any width the layout allows. */
const maxRows = 40;

export function helpEntries(ascii: boolean): HelpEntry[] {
	return [...keyHelpEntries(ascii), ...legendEntries(ascii)];
}

function entryLines(key: string, text: string, keyColumn: number, width: number): string[] {
	const ellipsis = glyphsFor(false).ellipsis;
	const textWidth = width - keyColumn - 2;
	if (textWidth < minTextWidth || cellWidth(key) > keyColumn) {
		const wrapped = wrapCells(text, Math.max(1, width - 2), maxRows, ellipsis);
		return [fitText(key, width, true).trimEnd(), ...wrapped.map((row) => `  ${row}`)];
	}
	const indent = ' '.repeat(keyColumn + 2);
	return wrapCells(text, textWidth, maxRows, ellipsis).map((row, index) =>
		index === 0 ? `${key}${' '.repeat(keyColumn - cellWidth(key))}  ${row}` : `${indent}${row}`,
	);
}

/** The whole help as rows of at most `width` cells, keys in one column. */
export function helpLines(width: number, ascii: boolean): HelpLine[] {
	const entries = helpEntries(ascii);
	const keys = entries.flatMap((entry) => (entry.kind === 'entry' ? [cellWidth(entry.key)] : []));
	const keyColumn = Math.min(maxKeyColumn, Math.max(0, ...keys));
	const lines: HelpLine[] = [];
	for (const entry of entries) {
		if (entry.kind === 'title') {
			if (lines.length > 0) {
				lines.push({kind: 'text', text: ''});
			}
			lines.push({kind: 'title', text: fitText(entry.text, width, ascii).trimEnd()});
			continue;
		}
		for (const text of entryLines(entry.key, entry.text, keyColumn, width)) {
			lines.push({kind: 'text', text});
		}
	}
	return lines;
}

/** PgUp/PgDn size and how far the help can scroll, for the keys. */
export function helpScrolling(
	width: number,
	height: number,
	ascii: boolean,
): {readonly pageSize: number; readonly scrollLimit: number} {
	const bodyRows = Math.max(1, height - 1);
	return {
		pageSize: bodyRows,
		scrollLimit: Math.max(0, helpLines(width, ascii).length - bodyRows),
	};
}

export function HelpOverlay({width, height, ascii, scroll}: Properties) {
	const glyphs = shellGlyphs(ascii);
	const bodyRows = Math.max(0, height - 1);
	const lines = helpLines(width, ascii);
	const limit = Math.max(0, lines.length - bodyRows);
	const top = Math.max(0, Math.min(scroll, limit));
	const shown = lines.slice(top, top + bodyRows);
	// Keys are rows on screen: scrolling redraws the same rows with other text.
	const rows = shown.map((line, offset) => ({...line, key: `r${offset}`}));
	const where =
		limit === 0
			? ''
			: `${glyphs.separator}j/k PgDn scroll${glyphs.separator}lines ${top + 1}-${top + shown.length} of ${lines.length}`;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Row
				width={width}
				style={{inverse: true}}
				parts={[{text: ` Help${glyphs.separator}Esc or ? closes${where} `}]}
			/>
			{rows.map((row) => (
				<Row
					key={row.key}
					width={width}
					parts={[{text: row.text, style: row.kind === 'title' ? {bold: true} : {}}]}
				/>
			))}
		</Box>
	);
}
