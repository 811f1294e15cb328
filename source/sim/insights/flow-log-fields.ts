// Fields Insights discovers in VPC flow log records of the default format (version 2, 14 fields).
// The CloudWatch Logs guide lists them as accountId, endTime, interfaceId, logStatus, startTime,
// version, action, bytes, dstAddr, dstPort, packets, protocol, srcAddr, srcPort; `start` and `end`
// (the flow log format's own names) are accepted too. A `-` (NODATA/SKIPDATA records) reads as
// a missing field. Custom formats are not discovered: queries `parse` them.
import type {Value} from './values.js';

const defaultFormatLength = 14;

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
 * The discovered field `name` of a message, if the message is a default-format record. Reads the
 * one token it needs without splitting the message: queries touch a few fields of many events.
 */
export function flowLogField(message: string, name: string): Value {
	const spec = specs.get(name);
	if (spec === undefined || !message.startsWith('2 ')) {
		return undefined;
	}
	let tokenStart = -1;
	let tokenEnd = -1;
	let spaces = 0;
	let from = 0;
	for (;;) {
		const space = message.indexOf(' ', from);
		if (spaces === spec.index) {
			tokenStart = from;
			tokenEnd = space < 0 ? message.length : space;
		}
		if (space < 0) {
			break;
		}
		spaces++;
		from = space + 1;
	}
	if (spaces !== defaultFormatLength - 1 || tokenEnd <= tokenStart) {
		return undefined;
	}
	const token = message.slice(tokenStart, tokenEnd);
	if (token === '-') {
		return undefined;
	}
	if (spec.numeric) {
		const number = Number(token);
		return Number.isFinite(number) ? number : token;
	}
	return token;
}
