// What the sim needs to know about a query before DuckDB runs it: whether it is a query at all,
// its `?` placeholders filled from ExecutionParameters, the catalog tables it reads (to bind each
// to the objects under its location), and for each table the WHERE conditions that name only its
// partition columns or `"$path"`: those decide which objects are read, and so the bytes scanned.
import {
	identifierName,
	isKeyword,
	render,
	SqlSyntaxError,
	type Token,
	tokenize,
} from './sql-tokens.js';

export type TableReference = {
	/** Token indexes [start, end) of the qualified name. */
	readonly start: number;
	readonly end: number;
	readonly database?: string;
	readonly table: string;
	/** The name the query's conditions may qualify columns with. */
	readonly alias: string;
};

const significant = (tokens: readonly Token[], from: number): number => {
	let index = from;
	while (tokens[index]?.kind === 'space') index++;
	return index;
};

/** The statement's first keyword: SELECT and WITH are queries, everything else is refused. */
export function statementKeyword(tokens: readonly Token[]): string {
	let index = significant(tokens, 0);
	while (tokens[index]?.text === '(') index = significant(tokens, index + 1);
	const token = tokens[index];
	return token?.kind === 'word' ? token.text.toUpperCase() : (token?.text ?? '');
}

/** A literal as ExecutionParameters carry it: a number, a quoted string, a keyword literal. */
function checkParameter(value: string): boolean {
	return (
		/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(value) ||
		/^'(?:[^']|'')*'$/.test(value) ||
		/^(?:TRUE|FALSE|NULL)$/i.test(value) ||
		/^(?:DATE|TIMESTAMP)\s+'(?:[^']|'')*'$/i.test(value)
	);
}

export function fillParameters(tokens: readonly Token[], parameters: readonly string[]): Token[] {
	const places = tokens.filter((token) => token.kind === 'parameter').length;
	if (places !== parameters.length) {
		throw new SqlSyntaxError(
			`Incorrect number of parameters: expected ${places} but found ${parameters.length}`,
			0,
		);
	}
	let next = 0;
	const text = tokens
		.map((token) => {
			if (token.kind !== 'parameter') {
				return token.text;
			}
			const value = (parameters[next++] ?? '').trim();
			if (!checkParameter(value)) {
				throw new SqlSyntaxError(
					`Execution parameter ${next} is not a literal: ${value}`,
					token.position,
				);
			}
			return value;
		})
		.join('');
	return tokenize(text);
}

function withNames(tokens: readonly Token[]): Set<string> {
	const names = new Set<string>();
	let index = significant(tokens, 0);
	if (!isKeyword(tokens[index], 'WITH')) {
		return names;
	}
	// WITH a AS (...), b AS (...): each name before AS at depth 0 is a CTE.
	let depth = 0;
	for (let at = index + 1; at < tokens.length; at++) {
		const token = tokens[at];
		if (token?.text === '(') depth++;
		else if (token?.text === ')') depth--;
		else if (depth === 0 && isKeyword(tokens[significant(tokens, at + 1)], 'AS')) {
			const name = token === undefined ? undefined : identifierName(token);
			if (name !== undefined) names.add(name);
		} else if (depth === 0 && isKeyword(token, 'SELECT')) {
			break;
		}
		index = at;
	}
	return names;
}

export function tableReferences(tokens: readonly Token[]): TableReference[] {
	const ctes = withNames(tokens);
	const references: TableReference[] = [];
	for (let index = 0; index < tokens.length; index++) {
		if (!isKeyword(tokens[index], 'FROM', 'JOIN')) {
			continue;
		}
		const start = significant(tokens, index + 1);
		const parts: string[] = [];
		let end = start;
		for (;;) {
			const token = tokens[end];
			const name = token === undefined ? undefined : identifierName(token);
			if (name === undefined || (token?.kind === 'word' && isReserved(token))) break;
			parts.push(name);
			end++;
			if (tokens[end]?.text !== '.') break;
			end++;
		}
		// `FROM UNNEST(...)` and other table functions read no catalog table.
		if (parts.length === 0 || tokens[significant(tokens, end)]?.text === '(') continue;
		const table = parts.at(-1) ?? '';
		if (parts.length === 1 && ctes.has(table)) continue;
		const aliasAt = significant(tokens, end);
		const aliasToken = isKeyword(tokens[aliasAt], 'AS')
			? tokens[significant(tokens, aliasAt + 1)]
			: tokens[aliasAt];
		const alias =
			aliasToken !== undefined && !isReserved(aliasToken) ? identifierName(aliasToken) : undefined;
		const database = parts.length >= 2 ? parts.at(-2) : undefined;
		references.push({
			start,
			end,
			...(database === undefined ? {} : {database}),
			table,
			alias: alias ?? table,
		});
	}
	return references;
}

const reserved = new Set([
	'WHERE',
	'GROUP',
	'ORDER',
	'LIMIT',
	'HAVING',
	'UNION',
	'EXCEPT',
	'INTERSECT',
	'JOIN',
	'LEFT',
	'RIGHT',
	'INNER',
	'OUTER',
	'FULL',
	'CROSS',
	'ON',
	'USING',
	'WINDOW',
	'OFFSET',
	'FETCH',
	'AS',
	'SELECT',
	'FROM',
	'AND',
	'OR',
	'NOT',
	'IN',
	'IS',
	'NULL',
	'BETWEEN',
	'LIKE',
	'TRUE',
	'FALSE',
	'DATE',
	'TIMESTAMP',
	'INTERVAL',
	'CAST',
	'TRY_CAST',
	'CASE',
	'WHEN',
	'THEN',
	'ELSE',
	'END',
	'ESCAPE',
	'EXISTS',
	'DISTINCT',
	'ALL',
	'ANY',
	'SOME',
	'VALUES',
	'WITH',
	'LATERAL',
	'TABLESAMPLE',
]);

function isReserved(token: Token): boolean {
	return token.kind === 'word' && reserved.has(token.text.toUpperCase());
}

const clauseEnds = [
	'GROUP',
	'ORDER',
	'LIMIT',
	'HAVING',
	'UNION',
	'EXCEPT',
	'INTERSECT',
	'WINDOW',
	'OFFSET',
	'FETCH',
];

/**
 * The top-level AND-ed conditions of the WHERE that follows a table reference in the same SELECT
 * (none when a join or anything else comes between them).
 */
export function whereConditions(tokens: readonly Token[], reference: TableReference): Token[][] {
	let index = significant(tokens, reference.end);
	if (isKeyword(tokens[index], 'AS')) index = significant(tokens, index + 1);
	if (
		tokens[index] !== undefined &&
		!isReserved(tokens[index] as Token) &&
		tokens[index]?.text !== ')'
	) {
		index = significant(tokens, index + 1);
	}
	if (!isKeyword(tokens[index], 'WHERE')) {
		return [];
	}
	const conditions: Token[][] = [];
	let current: Token[] = [];
	let depth = 0;
	let betweens = 0;
	for (let at = index + 1; at < tokens.length; at++) {
		const token = tokens[at] as Token;
		if (token.text === '(') depth++;
		if (token.text === ')') {
			if (depth === 0) break;
			depth--;
		}
		if (depth === 0 && isKeyword(token, ...clauseEnds)) break;
		if (depth === 0 && isKeyword(token, 'OR')) {
			// Alternatives at the top: the WHERE prunes only as a whole, which this reading skips.
			return [];
		}
		if (depth === 0 && isKeyword(token, 'BETWEEN')) betweens++;
		if (depth === 0 && isKeyword(token, 'AND')) {
			if (betweens > 0) {
				betweens--;
			} else {
				conditions.push(current);
				current = [];
				continue;
			}
		}
		current.push(token);
	}
	conditions.push(current);
	return conditions.filter((condition) => condition.some((token) => token.kind !== 'space'));
}

/**
 * The condition as SQL over the given columns, qualifiers dropped; undefined when it names any
 * other column (it then cannot be decided before the objects are read).
 */
export function conditionOver(
	condition: readonly Token[],
	alias: string,
	columns: ReadonlySet<string>,
): string | undefined {
	const kept: Token[] = [];
	for (let index = 0; index < condition.length; index++) {
		const token = condition[index] as Token;
		const next = condition[significant(condition as Token[], index + 1)];
		const isName = token.kind === 'quoted' || (token.kind === 'word' && !isReserved(token));
		if (!isName) {
			kept.push(token);
			continue;
		}
		if (next?.text === '(') {
			kept.push(token);
			continue;
		}
		if (next?.text === '.' && identifierName(token) === alias) {
			index = significant(condition as Token[], index + 1);
			continue;
		}
		const name = identifierName(token);
		if (name === undefined || !columns.has(name)) {
			return undefined;
		}
		kept.push(token);
	}
	return render(kept);
}

/** The query with each table reference replaced by the name of the view bound to it. */
export function withViews(
	tokens: readonly Token[],
	references: readonly TableReference[],
	viewName: (reference: TableReference) => string,
): string {
	let text = '';
	let at = 0;
	for (const reference of references) {
		text += render(tokens.slice(at, reference.start)) + viewName(reference);
		at = reference.end;
	}
	return text + render(tokens.slice(at));
}

export {tokenize};
