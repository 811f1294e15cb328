// The bottom hint row, generated from the keymap; an applied filter is named first so it is
// never forgotten while rows seem to be missing.
import {memo} from 'react';
import {fitText} from '../format.js';
import type {KeyContext} from '../keymap.js';
import {helpBarText, type LabelOverrides} from './key-help.js';
import {Row} from './row.js';

type Properties = {
	readonly width: number;
	/** Where keys are read now: an open detail offers scrolling instead of moving. */
	readonly context: KeyContext;
	readonly filter: string;
	readonly labels: LabelOverrides;
	readonly ascii: boolean;
};

const filterWidth = 24;

/** Drawn again only when its own props change (the shell keeps `labels` while they read the same). */
export const HelpBar = memo(function HelpBar({width, context, filter, labels, ascii}: Properties) {
	const prefix =
		filter === '' ? '' : `${fitText(`filter: ${filter}`, filterWidth, ascii).trimEnd()}  `;
	const keys = helpBarText({width: Math.max(0, width - prefix.length), ascii, labels, context});
	return (
		<Row
			width={width}
			parts={[
				...(prefix === '' ? [] : [{text: prefix.trimEnd(), style: {inverse: true}}, {text: '  '}]),
				{text: keys, style: {dimColor: true}},
			]}
		/>
	);
});
