// Every binding of the keymap, over the pane area; two columns when one does not fit.
import {Box, Text} from 'ink';
import {type HelpLine, helpOverlayLines} from './key-help.js';
import {Row} from './row.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly width: number;
	readonly height: number;
	readonly ascii: boolean;
};

function columnsOf(lines: readonly HelpLine[], rows: number, width: number): HelpLine[][] {
	if (lines.length <= rows || width < 60) {
		return [lines.slice(0, rows)];
	}
	const half = Math.ceil(lines.length / 2);
	return [lines.slice(0, Math.min(half, rows)), lines.slice(half, half + rows)];
}

export function HelpOverlay({width, height, ascii}: Properties) {
	const glyphs = shellGlyphs(ascii);
	const bodyRows = Math.max(0, height - 1);
	const columns = columnsOf(helpOverlayLines(ascii), bodyRows, width);
	const gap = 2;
	const columnWidth = Math.floor((width - gap * (columns.length - 1)) / columns.length);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Row width={width} style={{inverse: true}}>
				{` Help${glyphs.separator}Esc or ? closes `}
			</Row>
			<Box flexDirection="row" height={bodyRows} columnGap={gap}>
				{columns.map((lines) => (
					<Box key={lines[0]?.text ?? 'empty'} flexDirection="column" width={columnWidth}>
						{lines.map((line) => (
							<Row key={line.text} width={columnWidth}>
								{line.kind === 'title' ? <Text bold>{line.text}</Text> : line.text}
							</Row>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
