// A query: commands separated by `|`. Command names and keywords are accepted in any case, as
// the AWS samples write `FIELDS ... | PARSE ... | FILTER x IN [...]`; field names are
// case-sensitive.
import type {Command, ParsedQuery} from './ast.js';
import {
	type CommandContext,
	parseFieldNames,
	parseLimit,
	parseParse,
	parseSortKeys,
	parseStats,
	scalarExpression,
	scalarItems,
} from './command-parsers.js';
import {errorAt} from './errors.js';
import {ExpressionParser} from './expression-parser.js';
import {FieldSlots} from './field-slots.js';
import type {Token} from './lexer.js';
import {compileSteps} from './steps.js';

const unsupportedCommands = new Set([
	'unmask',
	'unnest',
	'pattern',
	'diff',
	'anomaly',
	'filterindex',
	'source',
	'lookup',
	'join',
	'head',
	'tail',
]);

export function parseInsightsQuery(text: string): ParsedQuery {
	const parser = new ExpressionParser(text);
	const commands: Command[] = [];
	const starts: Token[] = [];
	let statsNames = new Set<string>();
	do {
		const token = parser.lexer.peek();
		const command = parseCommand({parser, statsNames}, token);
		starts.push(token);
		commands.push(command);
		if (command.kind === 'stats') {
			statsNames = new Set([...command.groups, ...command.items].map((item) => item.name));
		}
		const after = parser.lexer.peek();
		if (after.kind !== 'end' && !parser.isSymbol('|')) {
			parser.fail(after);
		}
	} while (parser.isSymbol('|') && parser.lexer.next());
	checkDedupIsLast(parser, commands, starts);
	// Compiling once here reports what only compiling finds (e.g. a misplaced calendar period).
	const fields = FieldSlots.of(commands);
	compileSteps(commands, fields);
	return {text, commands};
}

function parseCommand(context: CommandContext, token: Token): Command {
	const {parser} = context;
	if (token.kind !== 'identifier') {
		return parser.fail(token);
	}
	const name = token.value.toLowerCase();
	if (unsupportedCommands.has(name)) {
		throw errorAt(
			`the ${token.value} command is not supported by this endpoint`,
			parser.lexer.placeOf(token.start),
		);
	}
	parser.lexer.next();
	switch (name) {
		case 'fields':
		case 'display':
			return {kind: name, items: scalarItems(context, parser.parseNamedList())};
		case 'filter':
			return {kind: 'filter', condition: scalarExpression(context, parser.parseExpression())};
		case 'parse':
			return parseParse(context);
		case 'stats':
			return parseStats(context);
		case 'sort':
			return {kind: 'sort', keys: parseSortKeys(context)};
		case 'limit':
			return {kind: 'limit', count: parseLimit(context)};
		case 'dedup':
			return {kind: 'dedup', fields: parseFieldNames(parser)};
		default:
			return parser.fail(token);
	}
}

function checkDedupIsLast(
	parser: ExpressionParser,
	commands: readonly Command[],
	starts: readonly Token[],
): void {
	const dedupAt = commands.findIndex((command) => command.kind === 'dedup');
	if (dedupAt < 0) {
		return;
	}
	const afterAt = commands.findIndex(
		(command, index) => index > dedupAt && command.kind !== 'limit',
	);
	const token = starts[afterAt];
	if (afterAt >= 0 && token !== undefined) {
		throw errorAt(
			`only limit can follow dedup, found ${token.text}`,
			parser.lexer.placeOf(token.start),
		);
	}
}
