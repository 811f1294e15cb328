// Field kinds, so reading a record dispatches on small integers rather than on field names.
import {isInterpretedField} from './flow-fields.js';

export const kind = {
	extra: 0,
	version: 1,
	interfaceId: 2,
	subnetId: 3,
	azId: 4,
	srcAddr: 5,
	dstAddr: 6,
	pktSrcAddr: 7,
	pktDstAddr: 8,
	action: 9,
	logStatus: 10,
	flowDirection: 11,
	// The numeric fields come last: readFields tells them apart by `kind >= kind.srcPort`.
	srcPort: 12,
	dstPort: 13,
	protocol: 14,
	tcpFlags: 15,
	packets: 16,
	bytes: 17,
	start: 18,
	end: 19,
} as const;

const kindByField: Readonly<Record<string, number>> = {
	version: kind.version,
	'interface-id': kind.interfaceId,
	'subnet-id': kind.subnetId,
	'az-id': kind.azId,
	srcaddr: kind.srcAddr,
	dstaddr: kind.dstAddr,
	'pkt-srcaddr': kind.pktSrcAddr,
	'pkt-dstaddr': kind.pktDstAddr,
	action: kind.action,
	'log-status': kind.logStatus,
	'flow-direction': kind.flowDirection,
	srcport: kind.srcPort,
	dstport: kind.dstPort,
	protocol: kind.protocol,
	'tcp-flags': kind.tcpFlags,
	packets: kind.packets,
	bytes: kind.bytes,
	start: kind.start,
	end: kind.end,
};

/** The kind of a format field; fields lbtop does not interpret (but `version`) are `extra`. */
export function kindOf(field: string): number {
	return isInterpretedField(field) || field === 'version'
		? (kindByField[field] ?? kind.extra)
		: kind.extra;
}
