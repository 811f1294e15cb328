// A small terminal emulator for the sequences lbtop's frame writer sends (cursor moves, erases,
// SGR, text), written apart from the code under test so a diff can be checked by its effect: the
// screen it leaves. Two ways of counting columns: 'graphemes' measures as Ink does (string-width
// per character), 'code-points' as a terminal without grapheme support does (each code point on
// its own: emoji sequences spread over several cells, variation selectors add nothing).
import stringWidth from 'string-width';

export type WidthPolicy = 'graphemes' | 'code-points';

type ScreenCell = {readonly text: string; readonly style: string; readonly tail: boolean};

const blank: ScreenCell = {text: ' ', style: '', tail: false};
const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

// Attribute name for each SGR code that sets one, and the attributes each resetting code clears.
const attributeOf = new Map<number, string>([
	[1, 'bold'],
	[2, 'faint'],
	[3, 'italic'],
	[4, 'underline'],
	[5, 'blink'],
	[7, 'reverse'],
	[8, 'invisible'],
	[9, 'crossed'],
	[53, 'overlined'],
]);
const clearedBy = new Map<number, readonly string[]>([
	[22, ['bold', 'faint']],
	[23, ['italic']],
	[24, ['underline']],
	[25, ['blink']],
	[27, ['reverse']],
	[28, ['invisible']],
	[29, ['crossed']],
	[39, ['fg']],
	[49, ['bg']],
	[55, ['overlined']],
]);

export class VirtualTerminal {
	readonly #grid: ScreenCell[][];
	#row = 0;
	#column = 0;
	readonly #pen = new Map<string, string>();

	constructor(
		readonly columns: number,
		rows: number,
		readonly policy: WidthPolicy = 'graphemes',
	) {
		this.#grid = Array.from({length: rows}, () => Array.from({length: columns}, () => blank));
	}

	/** The screen, one string per row, each cell shown with its style. */
	screen(): string[] {
		return this.#grid.map((row) =>
			row.map((cell) => (cell.style === '' ? cell.text : `[${cell.style}]${cell.text}`)).join(''),
		);
	}

	/** Whether the pen is plain: a writer that leaves it styled colours whatever is written next. */
	penIsPlain(): boolean {
		return this.#pen.size === 0;
	}

	write(data: string): void {
		// CSI sequences, private modes (synchronized output: nothing on screen) and OSC 8 links.
		const token =
			/\u001B\[([\d;]*)([A-Za-z])|\u001B\[\?[\d;]*[hl]|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
		let index = 0;
		for (const match of data.matchAll(token)) {
			this.#text(data.slice(index, match.index));
			index = match.index + match[0].length;
			if (match[2] !== undefined) {
				this.#control(match[1] ?? '', match[2]);
			}
		}
		this.#text(data.slice(index));
	}

	#control(parameters: string, final: string): void {
		const numbers = parameters.split(';').map((part) => (part === '' ? 0 : Number(part)));
		if (final === 'H') {
			this.#row = Math.max(1, numbers[0] ?? 1) - 1;
			this.#column = Math.max(1, numbers[1] ?? 1) - 1;
		} else if (final === 'G') {
			this.#column = Math.max(1, numbers[0] ?? 1) - 1;
		} else if (final === 'K') {
			const from = numbers[0] === 2 ? 0 : this.#column;
			const background = this.#pen.get('bg');
			const erased: ScreenCell = {
				text: ' ',
				style: background ? `bg=${background}` : '',
				tail: false,
			};
			for (let column = from; column < this.columns; column++) {
				this.#set(column, erased);
			}
		} else if (final === 'm') {
			this.#sgr(numbers);
		} else {
			throw new Error(`The virtual terminal does not know CSI ${parameters}${final}`);
		}
	}

	#sgr(numbers: readonly number[]): void {
		for (let index = 0; index < numbers.length; index++) {
			const code = numbers[index] ?? 0;
			const attribute = attributeOf.get(code);
			if (code === 0) {
				this.#pen.clear();
			} else if (attribute !== undefined) {
				this.#pen.set(attribute, 'on');
			} else if (clearedBy.has(code)) {
				for (const name of clearedBy.get(code) ?? []) {
					this.#pen.delete(name);
				}
			} else if (code === 38 || code === 48) {
				const length = numbers[index + 1] === 5 ? 2 : 4;
				this.#pen.set(
					code === 38 ? 'fg' : 'bg',
					numbers.slice(index + 1, index + 1 + length).join(':'),
				);
				index += length;
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
				this.#pen.set('fg', String(code));
			} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
				this.#pen.set('bg', String(code));
			} else {
				throw new Error(`The virtual terminal does not know SGR ${code}`);
			}
		}
	}

	#style(): string {
		return [...this.#pen]
			.sort(([left], [right]) => left.localeCompare(right))
			.map(([name, value]) => `${name}=${value}`)
			.join(',');
	}

	#text(text: string): void {
		const characters =
			this.policy === 'graphemes'
				? Array.from(segmenter.segment(text), (part) => part.segment)
				: [...text];
		for (const character of characters) {
			this.#put(character, stringWidth(character));
		}
	}

	#put(character: string, width: number): void {
		const row = this.#grid[this.#row];
		if (row === undefined) {
			return;
		}
		if (width === 0) {
			// Stacked on the character before the cursor, as terminals do.
			let owner = this.#column - 1;
			while (owner > 0 && row[owner]?.tail === true) {
				owner--;
			}
			const cell = row[owner];
			if (cell !== undefined) {
				row[owner] = {...cell, text: cell.text + character};
			}
			return;
		}
		const style = this.#style();
		this.#set(this.#column, {text: character, style, tail: false});
		for (let extra = 1; extra < width; extra++) {
			this.#set(this.#column + extra, {text: '', style, tail: true});
		}
		this.#column += width;
	}

	/** Writes one cell; a wide character losing either half loses both, as on xterm. */
	#set(column: number, cell: ScreenCell): void {
		const row = this.#grid[this.#row];
		if (row === undefined || column >= this.columns) {
			return;
		}
		if (row[column]?.tail === true && !cell.tail) {
			let lead = column - 1;
			while (lead > 0 && row[lead]?.tail === true) {
				row[lead] = blank;
				lead--;
			}
			row[lead] = blank;
		}
		let after = column + 1;
		while (row[after]?.tail === true) {
			row[after] = blank;
			after++;
		}
		row[column] = cell;
	}
}
