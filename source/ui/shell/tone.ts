// Tones as Ink text styles. Without color (NO_COLOR, --no-color) the words carry the meaning alone;
// dim stays, since it is an attribute and not a color.
import type {TextProps} from 'ink';
import type {Tone} from './status-text.js';

type ToneStyle = Pick<TextProps, 'color' | 'dimColor' | 'bold'>;

export function toneStyle(tone: Tone, color: boolean): ToneStyle {
	switch (tone) {
		case 'normal':
			return {};
		case 'dim':
			return {dimColor: true};
		case 'warn':
			return color ? {color: 'yellow'} : {bold: true};
		case 'error':
			return color ? {color: 'red', bold: true} : {bold: true};
	}
}
