// Toned segments as the parts of one Row, separated.
import type {RowPart} from './row.js';
import type {Segment} from './status-text.js';
import {toneStyle} from './tone.js';

export function segmentParts(
	segments: readonly Segment[],
	separator: string,
	color: boolean,
): RowPart[] {
	return segments.flatMap((segment, index) => [
		...(index > 0 ? [{text: separator, style: {dimColor: true}}] : []),
		{text: segment.text, style: toneStyle(segment.tone, color)},
	]);
}
