// A flow record written back in a given format: the inverse of parseFlowRecord, used to check the
// parser against every format and by anything that needs to produce records (the demo world).
import type {FlowRecord} from '../types/flows.js';
import type {FlowFormat} from './flow-format.js';

export function renderFlowRecord(record: FlowRecord, format: FlowFormat): string {
	return format.fields.map((field) => fieldValue(record, field) ?? '-').join(' ');
}

function fieldValue(record: FlowRecord, field: string): string | number | undefined {
	switch (field) {
		case 'interface-id': {
			return record.interfaceId;
		}

		case 'srcaddr': {
			return record.srcAddr;
		}

		case 'dstaddr': {
			return record.dstAddr;
		}

		case 'srcport': {
			return record.srcPort;
		}

		case 'dstport': {
			return record.dstPort;
		}

		case 'protocol': {
			return record.protocol;
		}

		case 'packets': {
			return record.packets;
		}

		case 'bytes': {
			return record.bytes;
		}

		case 'start': {
			return record.start;
		}

		case 'end': {
			return record.end;
		}

		case 'action': {
			return record.action;
		}

		case 'log-status': {
			return record.logStatus;
		}

		case 'tcp-flags': {
			return record.tcpFlags;
		}

		case 'pkt-srcaddr': {
			return record.pktSrcAddr;
		}

		case 'pkt-dstaddr': {
			return record.pktDstAddr;
		}

		case 'flow-direction': {
			return record.flowDirection;
		}

		case 'subnet-id': {
			return record.subnetId;
		}

		case 'az-id': {
			return record.azId;
		}

		default: {
			return record.extra[field];
		}
	}
}
