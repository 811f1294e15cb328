// The notice (where `y` saved the summary) in place of the help bar, on the rows the layout gave it.
import {Box} from 'ink';
import {Row} from './row.js';

type Properties = {
	readonly lines: readonly string[];
	readonly width: number;
	readonly height: number;
};

export function NoticeRows(properties: Properties) {
	// Rows are screen positions: a newer notice redraws them in place.
	const rows = properties.lines
		.slice(0, properties.height)
		.map((text, row) => ({text, key: `notice-${row}`}));
	return (
		<Box flexDirection="column" width={properties.width} height={properties.height}>
			{rows.map((row) => (
				<Row
					key={row.key}
					width={properties.width}
					parts={[{text: row.text, style: {bold: true}}]}
				/>
			))}
		</Box>
	);
}
