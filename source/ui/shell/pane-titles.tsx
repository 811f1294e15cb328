// Title rows of the pane area: the tab bar in tab mode, one rule per pane in the grid.
import {Text} from 'ink';
import type {PaneRegistry} from '../app-types.js';
import {fitText} from '../format.js';
import {type ContentPaneId, contentPanes} from '../layout.js';
import type {PaneId} from '../pane-types.js';
import {Row} from './row.js';
import {shellGlyphs} from './shell-glyphs.js';

type TabBarProperties = {
	readonly panes: PaneRegistry;
	readonly active: ContentPaneId;
	/** False while the findings line has the focus: the active tab is then shown, not focused. */
	readonly focused: boolean;
	readonly width: number;
	readonly ascii: boolean;
};

export function TabBar({panes, active, focused, width, ascii}: TabBarProperties) {
	const glyphs = shellGlyphs(ascii);
	return (
		<Row width={width}>
			{contentPanes.map((pane) => {
				const title = panes[pane].title;
				return pane === active ? (
					<Text key={pane} bold inverse={focused}>{`[${title}]`}</Text>
				) : (
					<Text key={pane} dimColor>{` ${title} `}</Text>
				);
			})}
			<Text dimColor>{`  Tab${glyphs.separator}S-Tab`}</Text>
		</Row>
	);
}

type PaneTitleProperties = {
	readonly title: string;
	readonly focused: boolean;
	readonly width: number;
	readonly ascii: boolean;
	readonly note?: string;
};

export function PaneTitle({title, focused, width, ascii, note}: PaneTitleProperties) {
	const glyphs = shellGlyphs(ascii);
	const marker = focused ? glyphs.focusMarker : glyphs.horizontalRule;
	const text = `${marker} ${title}${note === undefined ? '' : ` (${note})`} `;
	const rule = glyphs.horizontalRule.repeat(Math.max(0, width - [...text].length));
	return (
		<Row width={width}>
			<Text bold={focused} inverse={focused}>
				{fitText(text, Math.min(width, [...text].length), ascii)}
			</Text>
			<Text dimColor>{rule}</Text>
		</Row>
	);
}

export function paneTitle(panes: PaneRegistry, pane: PaneId): string {
	return panes[pane].title;
}
