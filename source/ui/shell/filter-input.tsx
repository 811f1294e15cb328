// The one-line filter input `/` opens: shows what is typed; Enter applies, Esc cancels.
import {Row} from './row.js';
import {shellGlyphs} from './shell-glyphs.js';

type Properties = {
	readonly width: number;
	readonly draft: string;
	readonly ascii: boolean;
};

export function FilterInput({width, draft, ascii}: Properties) {
	const glyphs = shellGlyphs(ascii);
	const hint = `  Enter apply${glyphs.separator}Esc cancel`;
	// Long drafts scroll so the end being typed stays visible.
	const room = Math.max(1, width - 'filter: '.length - glyphs.inputCursor.length - hint.length);
	const characters = [...draft];
	const visible = characters.slice(Math.max(0, characters.length - room)).join('');
	return (
		<Row
			width={width}
			parts={[
				{text: 'filter: ', style: {bold: true}},
				{text: visible},
				{text: glyphs.inputCursor},
				{text: hint, style: {dimColor: true}},
			]}
		/>
	);
}
