// Which functions a query may call, with how many arguments: checked at parse time so that an
// unknown function or a wrong argument count fails the query as it does in Insights.

export type FunctionSpec = {
	readonly minArgs: number;
	readonly maxArgs: number;
	readonly aggregate: boolean;
	/** Index of an argument that must be a period literal (`5m`), if any. */
	readonly periodArg?: number;
};

const many = Number.POSITIVE_INFINITY;
const scalar = (minArgs: number, maxArgs = minArgs): FunctionSpec => ({
	minArgs,
	maxArgs,
	aggregate: false,
});
const aggregate = (minArgs: number, maxArgs = minArgs): FunctionSpec => ({
	minArgs,
	maxArgs,
	aggregate: true,
});

const catalog: Readonly<Record<string, FunctionSpec>> = {
	abs: scalar(1),
	ceil: scalar(1),
	floor: scalar(1),
	greatest: scalar(1, many),
	least: scalar(1, many),
	log: scalar(1),
	sqrt: scalar(1),
	ispresent: scalar(1),
	isempty: scalar(1),
	isblank: scalar(1),
	coalesce: scalar(1, many),
	concat: scalar(1, many),
	ltrim: scalar(1, 2),
	rtrim: scalar(1, 2),
	trim: scalar(1, 2),
	strlen: scalar(1),
	toupper: scalar(1),
	tolower: scalar(1),
	substr: scalar(2, 3),
	replace: scalar(3),
	strcontains: scalar(2),
	bin: {...scalar(1), periodArg: 0},
	datefloor: {...scalar(2), periodArg: 1},
	dateceil: {...scalar(2), periodArg: 1},
	frommillis: scalar(1),
	tomillis: scalar(1),
	isvalidip: scalar(1),
	isvalidipv4: scalar(1),
	isvalidipv6: scalar(1),
	isipinsubnet: scalar(2),
	isipv4insubnet: scalar(2),
	isipv6insubnet: scalar(2),
	avg: aggregate(1),
	count: aggregate(0, 1),
	count_distinct: aggregate(1),
	max: aggregate(1),
	min: aggregate(1),
	pct: aggregate(2),
	stddev: aggregate(1),
	sum: aggregate(1),
	earliest: aggregate(1),
	latest: aggregate(1),
	sortsfirst: aggregate(1),
	sortslast: aggregate(1),
};

export function functionSpec(lowerCaseName: string): FunctionSpec | undefined {
	return Object.hasOwn(catalog, lowerCaseName) ? catalog[lowerCaseName] : undefined;
}
