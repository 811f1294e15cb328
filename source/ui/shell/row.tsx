// One terminal row of exactly `width` cells: anything longer is cut, never wrapped. Ink cuts the
// Text to the box's width itself; a horizontal clip would only make it re-slice the row.
import {Box, Text, type TextProps} from 'ink';
import type {ReactNode} from 'react';

type Properties = {
	readonly width: number;
	readonly style?: Pick<TextProps, 'color' | 'dimColor' | 'bold' | 'inverse'>;
	readonly children: ReactNode;
};

export function Row({width, style, children}: Properties) {
	return (
		<Box width={width} height={1} overflowY="hidden">
			<Text wrap="truncate-end" {...style}>
				{children}
			</Text>
		</Box>
	);
}
