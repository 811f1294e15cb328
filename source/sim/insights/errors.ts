// The one error the query engine throws. The Logs service turns it into a MalformedQueryException,
// so messages follow the phrasing of AWS's own ("unexpected symbol found | at line 1 and position 12").

export class InsightsQueryError extends Error {
	constructor(
		message: string,
		/** 1-based line of the offending symbol, when the error has a place in the query text. */
		readonly line?: number,
		/** 1-based column within that line. */
		readonly position?: number,
	) {
		super(message);
		this.name = 'InsightsQueryError';
	}
}

export type SourcePlace = {readonly line: number; readonly position: number};

export function placeText(place: SourcePlace): string {
	return `at line ${place.line} and position ${place.position}`;
}

export function unexpectedSymbol(symbol: string, place: SourcePlace): InsightsQueryError {
	const shown = symbol === '' ? 'end of query' : symbol;
	return new InsightsQueryError(
		`unexpected symbol found ${shown} ${placeText(place)}`,
		place.line,
		place.position,
	);
}

export function errorAt(message: string, place: SourcePlace): InsightsQueryError {
	return new InsightsQueryError(`${message} ${placeText(place)}`, place.line, place.position);
}
