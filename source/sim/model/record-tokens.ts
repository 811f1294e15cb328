// A flow record's tokens read straight from its numbers, without writing its line: what a Logs
// Insights query over a busy minute reads from each of a million records (a few discovered fields)
// costs a lookup, not a line to write, split and parse. Only for formats whose lines Insights
// discovers fields in (version 2, 14 fields): each token is then exactly what splitting the line
// the writer writes on spaces gives.
import {parseFlowLogFormat} from '../demo/flow-log-format.js';
import type {FlowLog} from '../world/types.js';
import {fixedValue, type RecordValues, type WriterContext} from './render.js';

/**
 * The token at `position` of a record's line; a number stands for its decimal digits (the writer
 * writes integers that way).
 */
export type TokenReader = (values: RecordValues, position: number) => string | number;

/** A non-negative integer as the writer writes it. */
const integer = (value: number): number => Math.max(0, Math.floor(value));

const perRecord: Readonly<Record<string, (values: RecordValues) => string | number>> = {
	srcaddr: (values) => values.srcAddr,
	dstaddr: (values) => values.dstAddr,
	srcport: (values) => integer(values.srcPort),
	dstport: (values) => integer(values.dstPort),
	packets: (values) => integer(values.packets),
	bytes: (values) => integer(values.bytes),
	start: (values) => integer(values.start),
	end: (values) => integer(values.end),
	action: (values) => values.action,
	'tcp-flags': (values) => integer(values.flags),
	'pkt-srcaddr': (values) => values.pktSrcAddr,
	'pkt-dstaddr': (values) => values.pktDstAddr,
	'flow-direction': (values) => (values.ingress ? 'ingress' : 'egress'),
	'traffic-path': (values) => (values.ingress ? '-' : integer(values.path)),
};

/** Tokens of a line Insights discovers fields in: `2 ` first, 14 in all. */
const discoveredLength = 14;

type Token = string | ((values: RecordValues) => string | number);

/** Each field's token: a value fixed for the flow log and interface, or read from the record. */
function tokensOf(flowLog: FlowLog, context: WriterContext): Token[] | undefined {
	const fields = parseFlowLogFormat(flowLog.logFormat);
	return fields?.map((field) => perRecord[field] ?? fixedValue(field, fields, context));
}

/** The reader for a flow log's format, or undefined when Insights would not discover its fields. */
export function compileTokenReader(
	flowLog: FlowLog,
	context: WriterContext,
): TokenReader | undefined {
	const tokens = tokensOf(flowLog, context);
	if (tokens?.length !== discoveredLength || tokens[0] !== '2') return undefined;
	return readerOf(tokens);
}

/** The words of a record's line in any `${field}` format: its tokens, and how many there are. */
export type WordReader = {readonly read: TokenReader; readonly count: number};

/**
 * The reader of the words of every line a flow log's format writes on one interface: a `parse`
 * of such lines with one capture per word reads them without the line. Undefined when a fixed
 * value is not one word of printable ASCII (its spaces would move every word after it).
 */
export function compileWordReader(
	flowLog: FlowLog,
	context: WriterContext,
): WordReader | undefined {
	const tokens = tokensOf(flowLog, context);
	if (tokens === undefined || tokens.length === 0) return undefined;
	// Printable ASCII without a space: the writer writes latin1, one byte a character.
	if (tokens.some((token) => typeof token === 'string' && !/^[!-~]+$/.test(token))) {
		return undefined;
	}
	return {read: readerOf(tokens), count: tokens.length};
}

function readerOf(tokens: readonly Token[]) {
	return (values: RecordValues, position: number): string | number => {
		const token = tokens[position];
		return typeof token === 'function' ? token(values) : (token ?? '');
	};
}

/** Decimal digits of a non-negative integer. */
function digits(value: number): number {
	let count = 1;
	for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) count++;
	return count;
}

/** The byte length of the line whose tokens the reader gives: the tokens and a space between each. */
export function lineBytes(read: TokenReader, values: RecordValues): number {
	let bytes = discoveredLength - 1;
	for (let position = 0; position < discoveredLength; position++) {
		const token = read(values, position);
		bytes += typeof token === 'number' ? digits(token) : token.length;
	}
	return bytes;
}
