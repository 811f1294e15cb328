// One flow log record from its text, read field by field in the order of the flow log's own format.
// Bad input is reported, never thrown: a garbled line must cost one skipped record, not the pane.
import type {FlowAction, FlowRecord, LogStatus} from '../types/flows.js';
import {isInterpretedField} from './flow-fields.js';
import type {FlowFormat} from './flow-format.js';
import {maxPort, maxProtocol, maxTcpFlags, parseAddress, parseCount} from './flow-values.js';

export type FlowRecordResult =
	| {readonly ok: true; readonly record: FlowRecord}
	| {readonly ok: false; readonly reason: string};

/** What the log event around the record says when the format itself lacks the field. */
export type RecordContext = {
	/** From the log stream (one stream per interface). */
	readonly interfaceId?: string;
	/** Unix seconds: the event timestamp, which CloudWatch Logs sets to the record's start. */
	readonly timestamp?: number;
};

type Draft = {-readonly [Key in keyof FlowRecord]?: FlowRecord[Key]};

// Real records stay far below this; a longer line is not a flow record.
const maxMessageLength = 16_384;
const printableAscii = /^[\x20-\x7E]*$/;

function isFlowAction(token: string): token is FlowAction {
	return token === 'ACCEPT' || token === 'REJECT';
}

function isLogStatus(token: string): token is LogStatus {
	return token === 'OK' || token === 'NODATA' || token === 'SKIPDATA';
}

export function parseFlowRecord(
	message: string | undefined,
	format: FlowFormat,
	context: RecordContext = {},
): FlowRecordResult {
	if (typeof message !== 'string') {
		return fail('no message');
	}

	const text = message.trim();
	if (text === '') {
		return fail('empty message');
	}

	if (text.length > maxMessageLength) {
		return fail('message too long');
	}

	// Flow records are plain ASCII; control bytes mean a corrupted or hostile line.
	if (!printableAscii.test(text)) {
		return fail('control or non-ASCII characters');
	}

	const tokens = text.split(/ +/);
	if (tokens.length !== format.fields.length) {
		return fail(`expected ${format.fields.length} fields, found ${tokens.length}`);
	}

	const draft: Draft = {};
	const extra: Record<string, string> = {};
	for (const [index, field] of format.fields.entries()) {
		const token = tokens[index] ?? '-';
		if (token === '-') {
			continue;
		}

		if (!isInterpretedField(field)) {
			if (field === 'version' && parseCount(token) === undefined) {
				return fail(`version is not a number: ${token}`);
			}

			extra[field] = token;
			continue;
		}

		const problem = readField(draft, field, token);
		if (problem !== undefined) {
			return fail(problem);
		}
	}

	return complete(draft, extra, context);
}

function complete(
	draft: Draft,
	extra: Record<string, string>,
	context: RecordContext,
): FlowRecordResult {
	const interfaceId = draft.interfaceId ?? context.interfaceId;
	if (interfaceId === undefined) {
		return fail('no interface-id');
	}

	const start = draft.start ?? context.timestamp;
	if (start === undefined) {
		return fail('no start time');
	}

	const end = draft.end ?? start;
	if (end < start) {
		return fail('end before start');
	}

	// Formats without log-status only ever carry data rows.
	const logStatus = draft.logStatus ?? 'OK';
	return {ok: true, record: {...draft, interfaceId, logStatus, start, end, extra}};
}

// Returns a problem description, or undefined when the value was stored.
function readField(draft: Draft, field: string, token: string): string | undefined {
	switch (field) {
		case 'interface-id': {
			draft.interfaceId = token;
			return undefined;
		}

		case 'subnet-id': {
			draft.subnetId = token;
			return undefined;
		}

		case 'az-id': {
			draft.azId = token;
			return undefined;
		}

		case 'srcaddr':
		case 'dstaddr':
		case 'pkt-srcaddr':
		case 'pkt-dstaddr': {
			return readAddress(draft, field, token);
		}

		case 'action': {
			if (!isFlowAction(token)) {
				return `unknown action ${token}`;
			}

			draft.action = token;
			return undefined;
		}

		case 'log-status': {
			if (!isLogStatus(token)) {
				return `unknown log-status ${token}`;
			}

			draft.logStatus = token;
			return undefined;
		}

		case 'flow-direction': {
			if (token !== 'ingress' && token !== 'egress') {
				return `unknown flow-direction ${token}`;
			}

			draft.flowDirection = token;
			return undefined;
		}

		default: {
			return readNumber(draft, field, token);
		}
	}
}

function readAddress(draft: Draft, field: string, token: string): string | undefined {
	const address = parseAddress(token);
	if (address === undefined) {
		return `${field} is not an IP address: ${token}`;
	}

	if (field === 'srcaddr') {
		draft.srcAddr = address;
	} else if (field === 'dstaddr') {
		draft.dstAddr = address;
	} else if (field === 'pkt-srcaddr') {
		draft.pktSrcAddr = address;
	} else {
		draft.pktDstAddr = address;
	}

	return undefined;
}

const numberLimits: Readonly<Record<string, number>> = {
	srcport: maxPort,
	dstport: maxPort,
	protocol: maxProtocol,
	'tcp-flags': maxTcpFlags,
	packets: Number.MAX_SAFE_INTEGER,
	bytes: Number.MAX_SAFE_INTEGER,
	start: Number.MAX_SAFE_INTEGER,
	end: Number.MAX_SAFE_INTEGER,
};

function readNumber(draft: Draft, field: string, token: string): string | undefined {
	const value = parseCount(token, numberLimits[field] ?? Number.MAX_SAFE_INTEGER);
	if (value === undefined) {
		return `${field} out of range: ${token}`;
	}

	switch (field) {
		case 'srcport': {
			draft.srcPort = value;
			break;
		}

		case 'dstport': {
			draft.dstPort = value;
			break;
		}

		case 'protocol': {
			draft.protocol = value;
			break;
		}

		case 'tcp-flags': {
			draft.tcpFlags = value;
			break;
		}

		case 'packets': {
			draft.packets = value;
			break;
		}

		case 'bytes': {
			draft.bytes = value;
			break;
		}

		case 'start': {
			draft.start = value;
			break;
		}

		default: {
			draft.end = value;
		}
	}

	return undefined;
}

function fail(reason: string): FlowRecordResult {
	return {ok: false, reason};
}
