// Fields Insights discovers in VPC flow log records of the default format (version 2, 14 fields).
// The CloudWatch Logs guide lists them as accountId, endTime, interfaceId, logStatus, startTime,
// version, action, bytes, dstAddr, dstPort, packets, protocol, srcAddr, srcPort; `start` and `end`
// (the flow log format's own names) are accepted too. A `-` (NODATA/SKIPDATA records) reads as
// a missing field. Custom formats are not discovered: queries `parse` them.
import type {Value} from './values.js';

const defaultFormatLength = 14;

/** How many token positions a default-format record has. */
export const flowLogFieldCount = defaultFormatLength;

type FieldSpec = {readonly index: number; readonly numeric: boolean};

const specs = new Map<string, FieldSpec>();
const define = (index: number, numeric: boolean, ...names: string[]): void => {
	for (const name of names) {
		specs.set(name, {index, numeric});
	}
};
define(0, true, 'version');
define(1, false, 'accountId');
define(2, false, 'interfaceId');
define(3, false, 'srcAddr');
define(4, false, 'dstAddr');
define(5, true, 'srcPort');
define(6, true, 'dstPort');
define(7, true, 'protocol');
define(8, true, 'packets');
define(9, true, 'bytes');
define(10, true, 'startTime', 'start');
define(11, true, 'endTime', 'end');
define(12, false, 'action');
define(13, false, 'logStatus');

/**
 * The tokens of a default-format record, or undefined when the message is not one. A row splits
 * its message once and reads every field it needs from the tokens: a stats query over a busy
 * minute reads five or six fields of each of a million records.
 */
export function flowLogTokens(message: string): readonly string[] | undefined {
	if (!message.startsWith('2 ')) {
		return undefined;
	}
	const tokens = message.split(' ');
	return tokens.length === defaultFormatLength ? tokens : undefined;
}

/** Whether `name` is one of the fields Insights discovers in flow log records. */
export function isFlowLogField(name: string): boolean {
	return specs.has(name);
}

/** The token position of discovered field `name`, or -1 when it is not one. */
export function flowLogFieldPosition(name: string): number {
	return specs.get(name)?.index ?? -1;
}

/**
 * A record's token at a position: text, or a number standing for its decimal digits (an event
 * read from numbers instead of text); undefined when the record has no such token.
 */
export type TokenAt = (position: number) => string | number | undefined;

/** The discovered field `name` from a record's tokens (see flowLogTokens). */
export function flowLogTokenField(tokenAt: TokenAt | undefined, name: string): Value {
	const spec = specs.get(name);
	if (spec === undefined || tokenAt === undefined) {
		return undefined;
	}
	return specValue(tokenAt, spec);
}

function specValue(tokenAt: TokenAt, spec: FieldSpec): Value {
	const token = tokenAt(spec.index);
	if (typeof token === 'number') {
		return spec.numeric ? token : String(token);
	}
	if (token === undefined || token === '-' || token === '') {
		return undefined;
	}
	if (spec.numeric) {
		const number = Number(token);
		return Number.isFinite(number) ? number : token;
	}
	return token;
}

/** The discovered field `name` of a message, if the message is a default-format record. */
export function flowLogField(message: string, name: string): Value {
	const tokens = flowLogTokens(message);
	return flowLogTokenField(tokens && ((position) => tokens[position]), name);
}
