// Random styled rows like the ones Ink writes (text in SGR styles, closed at the end of the row),
// plus the characters terminals measure differently, and pairs of rows a few edits apart: the
// kind of change a ticking clock or a new count makes.
import fc from 'fast-check';

const plain = [...'abcxyz0123456789:.-', ' ', ' ', ' '];
const boxesAndDots = ['·', '─', '│', '▇', 'é', 'e\u0301'];
const wide = ['漢', '字', 'か'];
// Characters terminals count differently from string-width.
const unsure = ['\u26A0', '\u26A0\uFE0F', '👍', '👨\u200D👩\u200D👧', '🇩🇪', 'a\u200B'];

const characterArbitrary = fc.oneof(
	{weight: 20, arbitrary: fc.constantFrom(...plain)},
	{weight: 3, arbitrary: fc.constantFrom(...boxesAndDots)},
	{weight: 3, arbitrary: fc.constantFrom(...wide)},
	{weight: 1, arbitrary: fc.constantFrom(...unsure)},
);

const styles = [
	'0',
	'',
	'1',
	'2',
	'22',
	'3',
	'4',
	'7',
	'27',
	'9',
	'31',
	'32',
	'39',
	'91',
	'38;5;208',
	'38;2;10;20;30',
	'44',
	'49',
	'48;5;17',
	'1;31',
];

export type RowToken =
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'style'; readonly parameters: string}
	| {readonly kind: 'link'; readonly text: string};

const tokenArbitrary: fc.Arbitrary<RowToken> = fc.oneof(
	{weight: 12, arbitrary: characterArbitrary.map((text) => ({kind: 'text', text}) as const)},
	{
		weight: 3,
		arbitrary: fc
			.constantFrom(...styles)
			.map((parameters) => ({kind: 'style', parameters}) as const),
	},
	{weight: 1, arbitrary: fc.constant({kind: 'link', text: 'docs'} as const)},
);

/** The row's text, closed with a reset as Ink closes every row. */
export function rowText(tokens: readonly RowToken[]): string {
	const body = tokens
		.map((token) =>
			token.kind === 'text'
				? token.text
				: token.kind === 'style'
					? `\u001B[${token.parameters}m`
					: `\u001B]8;;https://example.com\u0007${token.text}\u001B]8;;\u0007`,
		)
		.join('');
	return `${body}\u001B[0m`;
}

type Edit = {readonly at: number; readonly remove: number; readonly insert: readonly RowToken[]};

// Mostly one character for another, which moves nothing else: a clock's digit, a count.
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			at: fc.nat(),
			remove: fc.constant(1),
			insert: fc.constantFrom(...plain).map((text) => [{kind: 'text', text} as const]),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			at: fc.nat(),
			remove: fc.nat({max: 2}),
			insert: fc.array(tokenArbitrary, {maxLength: 2}),
		}),
	},
);

function applyEdits(tokens: readonly RowToken[], edits: readonly Edit[]): RowToken[] {
	const result = [...tokens];
	for (const edit of edits) {
		result.splice(edit.at % (result.length + 1), edit.remove, ...edit.insert);
	}
	return result;
}

/** A row and the same row after a few edits; now and then a row unlike it. */
export const rowPairArbitrary: fc.Arbitrary<readonly [string, string]> = fc
	.record({
		tokens: fc.array(tokenArbitrary, {maxLength: 60}),
		edits: fc.array(editArbitrary, {minLength: 1, maxLength: 4}),
		unrelated: fc.oneof(
			{weight: 7, arbitrary: fc.constant(undefined)},
			{weight: 1, arbitrary: fc.array(tokenArbitrary, {maxLength: 60})},
		),
	})
	.map(({tokens, edits, unrelated}) => {
		const next = unrelated ?? applyEdits(tokens, edits);
		return [rowText(tokens), rowText(next)] as const;
	});

/** Successive versions of a row, each a few edits from the one before. */
export const rowHistoryArbitrary: fc.Arbitrary<readonly string[]> = fc
	.record({
		tokens: fc.array(tokenArbitrary, {maxLength: 60}),
		steps: fc.array(fc.array(editArbitrary, {minLength: 1, maxLength: 2}), {
			minLength: 1,
			maxLength: 5,
		}),
	})
	.map(({tokens, steps}) => {
		const versions = [tokens];
		for (const edits of steps) {
			versions.push(applyEdits(versions.at(-1) ?? [], edits));
		}
		return versions.map((version) => rowText(version));
	});
