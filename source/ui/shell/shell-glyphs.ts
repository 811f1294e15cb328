// The characters the shell draws with; `ascii` is for terminals and fonts without box drawing.
export type ShellGlyphs = {
	readonly separator: string;
	readonly verticalRule: string;
	readonly horizontalRule: string;
	readonly focusMarker: string;
	readonly arrow: string;
	readonly inputCursor: string;
};

const unicode: ShellGlyphs = {
	separator: ' · ',
	verticalRule: '│',
	horizontalRule: '─',
	focusMarker: '▸',
	arrow: '→',
	inputCursor: '█',
};

const plain: ShellGlyphs = {
	separator: ' | ',
	verticalRule: '|',
	horizontalRule: '-',
	focusMarker: '>',
	arrow: '->',
	inputCursor: '_',
};

export function shellGlyphs(ascii: boolean): ShellGlyphs {
	return ascii ? plain : unicode;
}
