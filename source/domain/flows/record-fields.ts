// A record's fields read from their places in the text, each checked as its field documents, in
// format order: the first bad field is the reason the record is rejected.
import type {FlowRecord} from '../types/flows.js';
import {kind} from './field-kinds.js';
import {maxPort, maxProtocol, maxTcpFlags, parseAddress} from './flow-values.js';
import type {RecordReader} from './record-reader.js';
import {cachedSlice, type TokenCache} from './token-cache.js';
import {countIn, isIpv4In, tokenIs} from './token-values.js';

export type Draft = {-readonly [Key in keyof FlowRecord]?: FlowRecord[Key]};

const dash = 45;

// Returns a problem description, or undefined when every field was stored.
export function readFields(
	reader: RecordReader,
	text: string,
	draft: Draft,
	extra: Record<string, string>,
): string | undefined {
	const {fields, kinds, bounds, strings} = reader;
	for (let index = 0; index < kinds.length; index++) {
		const start = bounds[2 * index] ?? 0;
		const end = bounds[2 * index + 1] ?? 0;
		if (end - start === 1 && text.charCodeAt(start) === dash) {
			continue;
		}

		const fieldKind = kinds[index] ?? kind.extra;
		if (fieldKind >= kind.srcPort) {
			const value = countIn(text, start, end, limitOf(fieldKind));
			if (value < 0) {
				return `${fields[index]} out of range: ${text.slice(start, end)}`;
			}

			storeNumber(draft, fieldKind, value);
			continue;
		}

		const field = fields[index] ?? '';
		const problem = readText(draft, extra, field, fieldKind, strings, text, start, end);
		if (problem !== undefined) {
			return problem;
		}
	}

	return undefined;
}

function readText(
	draft: Draft,
	extra: Record<string, string>,
	field: string,
	fieldKind: number,
	strings: TokenCache,
	text: string,
	start: number,
	end: number,
): string | undefined {
	switch (fieldKind) {
		case kind.version: {
			if (countIn(text, start, end, Number.MAX_SAFE_INTEGER) < 0) {
				return `version is not a number: ${text.slice(start, end)}`;
			}

			extra[field] = cachedSlice(strings, text, start, end);
			return undefined;
		}

		case kind.interfaceId: {
			draft.interfaceId = cachedSlice(strings, text, start, end);
			return undefined;
		}

		case kind.subnetId: {
			draft.subnetId = cachedSlice(strings, text, start, end);
			return undefined;
		}

		case kind.azId: {
			draft.azId = cachedSlice(strings, text, start, end);
			return undefined;
		}

		case kind.srcAddr:
		case kind.dstAddr:
		case kind.pktSrcAddr:
		case kind.pktDstAddr: {
			return readAddress(draft, field, fieldKind, strings, text, start, end);
		}

		case kind.action: {
			return readAction(draft, text, start, end);
		}

		case kind.logStatus: {
			return readLogStatus(draft, text, start, end);
		}

		case kind.flowDirection: {
			return readDirection(draft, text, start, end);
		}

		default: {
			extra[field] = cachedSlice(strings, text, start, end);
			return undefined;
		}
	}
}

function readAddress(
	draft: Draft,
	field: string,
	fieldKind: number,
	strings: TokenCache,
	text: string,
	start: number,
	end: number,
): string | undefined {
	// IPv4 is kept as written; anything else goes through the full check (IPv6, lower-cased).
	const address = isIpv4In(text, start, end)
		? cachedSlice(strings, text, start, end)
		: parseAddress(text.slice(start, end));
	if (address === undefined) {
		return `${field} is not an IP address: ${text.slice(start, end)}`;
	}

	if (fieldKind === kind.srcAddr) {
		draft.srcAddr = address;
	} else if (fieldKind === kind.dstAddr) {
		draft.dstAddr = address;
	} else if (fieldKind === kind.pktSrcAddr) {
		draft.pktSrcAddr = address;
	} else {
		draft.pktDstAddr = address;
	}

	return undefined;
}

function readAction(draft: Draft, text: string, start: number, end: number): string | undefined {
	if (tokenIs(text, start, end, 'ACCEPT')) {
		draft.action = 'ACCEPT';
	} else if (tokenIs(text, start, end, 'REJECT')) {
		draft.action = 'REJECT';
	} else {
		return `unknown action ${text.slice(start, end)}`;
	}

	return undefined;
}

function readLogStatus(draft: Draft, text: string, start: number, end: number): string | undefined {
	if (tokenIs(text, start, end, 'OK')) {
		draft.logStatus = 'OK';
	} else if (tokenIs(text, start, end, 'NODATA')) {
		draft.logStatus = 'NODATA';
	} else if (tokenIs(text, start, end, 'SKIPDATA')) {
		draft.logStatus = 'SKIPDATA';
	} else {
		return `unknown log-status ${text.slice(start, end)}`;
	}

	return undefined;
}

function readDirection(draft: Draft, text: string, start: number, end: number): string | undefined {
	if (tokenIs(text, start, end, 'ingress')) {
		draft.flowDirection = 'ingress';
	} else if (tokenIs(text, start, end, 'egress')) {
		draft.flowDirection = 'egress';
	} else {
		return `unknown flow-direction ${text.slice(start, end)}`;
	}

	return undefined;
}

function limitOf(fieldKind: number): number {
	switch (fieldKind) {
		case kind.srcPort:
		case kind.dstPort: {
			return maxPort;
		}

		case kind.protocol: {
			return maxProtocol;
		}

		case kind.tcpFlags: {
			return maxTcpFlags;
		}

		default: {
			return Number.MAX_SAFE_INTEGER;
		}
	}
}

function storeNumber(draft: Draft, fieldKind: number, value: number): void {
	switch (fieldKind) {
		case kind.srcPort: {
			draft.srcPort = value;
			break;
		}

		case kind.dstPort: {
			draft.dstPort = value;
			break;
		}

		case kind.protocol: {
			draft.protocol = value;
			break;
		}

		case kind.tcpFlags: {
			draft.tcpFlags = value;
			break;
		}

		case kind.packets: {
			draft.packets = value;
			break;
		}

		case kind.bytes: {
			draft.bytes = value;
			break;
		}

		case kind.start: {
			draft.start = value;
			break;
		}

		default: {
			draft.end = value;
		}
	}
}
