import {memo} from 'react';
import type {PaneRegistry} from '../app-types.js';
import type {ContentPaneId} from '../layout.js';
import type {PaneId} from '../pane-types.js';
import {Row} from './row.js';
import {shellGlyphs} from './shell-glyphs.js';

type TabBarProperties = {
	readonly panes: PaneRegistry;
	/** The content pane shown below the bar. */
	readonly active: ContentPaneId;
	readonly focus: PaneId;
	/** The panes this LB has, in Tab order. */
	readonly order: readonly PaneId[];
	readonly width: number;
	readonly ascii: boolean;
};

function sameTabs(previous: TabBarProperties, next: TabBarProperties): boolean {
	return (
		previous.panes === next.panes &&
		previous.active === next.active &&
		previous.focus === next.focus &&
		previous.width === next.width &&
		previous.ascii === next.ascii &&
		previous.order.length === next.order.length &&
		previous.order.every((pane, index) => pane === next.order[index])
	);
}

/**
 * The findings line is the first tab: the focus starts there, and the first Tab visibly moves the
 * bracketed, inverse tab to the next. The pane shown below stays bold while the findings have it.
 * The shell lists the panes anew on each write: the bar is drawn again only when they differ.
 */
export const TabBar = memo(function TabBar({
	panes,
	active,
	focus,
	order,
	width,
	ascii,
}: TabBarProperties) {
	const glyphs = shellGlyphs(ascii);
	const hint = `  Tab${glyphs.separator}S-Tab`;
	const titles = order.map((pane) => panes[pane].title);
	const tabsWidth = titles.reduce((sum, title) => sum + title.length + 2, 0);
	const tabs = order.map((pane) => {
		const title = panes[pane].title;
		if (pane === focus) {
			return {text: `[${title}]`, style: {bold: true, inverse: true}};
		}
		return {text: ` ${title} `, style: pane === active ? {bold: true} : {dimColor: true}};
	});
	return (
		<Row
			width={width}
			parts={[
				...tabs,
				...(tabsWidth + hint.length <= width ? [{text: hint, style: {dimColor: true}}] : []),
			]}
		/>
	);
}, sameTabs);

type PaneTitleProperties = {
	readonly title: string;
	readonly focused: boolean;
	readonly width: number;
	readonly ascii: boolean;
	readonly note?: string;
};

/** Drawn again only when its own props change, not on every write the shell draws. */
export const PaneTitle = memo(function PaneTitle({
	title,
	focused,
	width,
	ascii,
	note,
}: PaneTitleProperties) {
	const glyphs = shellGlyphs(ascii);
	const marker = focused ? glyphs.focusMarker : glyphs.horizontalRule;
	const text = `${marker} ${title}${note === undefined ? '' : ` (${note})`} `;
	const rule = glyphs.horizontalRule.repeat(Math.max(0, width - [...text].length));
	return (
		<Row
			width={width}
			parts={[
				{text, style: focused ? {bold: true, inverse: true} : {}},
				{text: rule, style: {dimColor: true}},
			]}
		/>
	);
});

export function paneTitle(panes: PaneRegistry, pane: PaneId): string {
	return panes[pane].title;
}
