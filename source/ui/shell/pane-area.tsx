// The pane area as the layout cut it: one pane under a tab bar, one zoomed pane, or the grid.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {PaneRegistry, ShellPaneProperties} from '../app-types.js';
import type {ContentPaneId, PaneBand, ShellLayout} from '../layout.js';
import type {PaneId} from '../pane-types.js';
import {PaneSlot} from './pane-slot.js';
import {PaneTitle, TabBar} from './pane-titles.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly layout: ShellLayout;
	readonly panes: PaneRegistry;
	readonly focus: PaneId;
	readonly activeContent: ContentPaneId;
	/** The panes this LB has, in Tab order. */
	readonly order: readonly PaneId[];
	readonly ascii: boolean;
	/** Builds the props a pane is drawn with, at the size the layout gave it. */
	readonly paneProperties: (pane: PaneId, width: number, height: number) => ShellPaneProperties;
	readonly zoomNote: string;
};

const VerticalRule = memo(function VerticalRule({
	height,
	ascii,
}: {
	readonly height: number;
	readonly ascii: boolean;
}) {
	const rule = shellGlyphs(ascii).verticalRule;
	return (
		<Box width={1} height={height} flexShrink={0}>
			<Text dimColor>{Array.from({length: height}, () => rule).join('\n')}</Text>
		</Box>
	);
});

function GridBand({band, properties}: {readonly band: PaneBand; readonly properties: Properties}) {
	const {panes, focus, ascii} = properties;
	return (
		<Box flexDirection="row" height={band.height} width={properties.layout.columns}>
			{band.cells.map((cell, index) => (
				<Box key={cell.pane} flexDirection="row" height={band.height} flexShrink={0}>
					{index > 0 && <VerticalRule height={band.height} ascii={ascii} />}
					<Box flexDirection="column" width={cell.width} height={band.height} flexShrink={0}>
						<PaneTitle
							title={panes[cell.pane].title}
							focused={focus === cell.pane}
							width={cell.width}
							ascii={ascii}
						/>
						<PaneSlot
							entry={panes[cell.pane]}
							paneProperties={properties.paneProperties(cell.pane, cell.width, cell.height)}
						/>
					</Box>
				</Box>
			))}
		</Box>
	);
}

export function PaneArea(properties: Properties) {
	const {layout, panes, focus, ascii} = properties;
	const [band] = layout.bands;
	const [cell] = band?.cells ?? [];
	if (layout.mode === 'grid') {
		return (
			<Box flexDirection="column" height={layout.paneArea} width={layout.columns}>
				{layout.bands.map((gridBand) => (
					<GridBand
						key={gridBand.cells.map((gridCell) => gridCell.pane).join('+')}
						band={gridBand}
						properties={properties}
					/>
				))}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" height={layout.paneArea} width={layout.columns}>
			{layout.mode === 'zoom' ? (
				<PaneTitle
					title={panes[cell?.pane ?? focus].title}
					focused
					width={layout.columns}
					ascii={ascii}
					note={properties.zoomNote}
				/>
			) : (
				<TabBar
					panes={panes}
					active={properties.activeContent}
					focus={focus}
					order={properties.order}
					width={layout.columns}
					ascii={ascii}
				/>
			)}
			{cell !== undefined && (
				<PaneSlot
					entry={panes[cell.pane]}
					paneProperties={properties.paneProperties(cell.pane, cell.width, cell.height)}
				/>
			)}
		</Box>
	);
}
