// Toned segments drawn inline, separated, inside one Row.
import {Text} from 'ink';
import {Fragment} from 'react';
import type {Segment} from './status-text.js';
import {toneStyle} from './tone.js';

type Properties = {
	readonly segments: readonly Segment[];
	readonly separator: string;
	readonly color: boolean;
};

export function Segments({segments, separator, color}: Properties) {
	return (
		<>
			{segments.map((segment, index) => (
				<Fragment key={segment.key}>
					{index > 0 && <Text dimColor>{separator}</Text>}
					<Text {...toneStyle(segment.tone, color)}>{segment.text}</Text>
				</Fragment>
			))}
		</>
	);
}
