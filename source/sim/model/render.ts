// Writing one flow record in a flow log's own format: the fields of the interface (ids, zone,
// region) are fixed per flow log and interface, so each format compiles once into a writer that
// only fills in what changes from record to record.
import {flowLogFormatVersion, parseFlowLogFormat} from '../demo/flow-log-format.js';
import type {FlowLog, NetworkInterface, Subnet} from '../world/types.js';
import type {LineText} from './byte-text.js';

export type RecordValues = {
	readonly srcAddr: string;
	readonly dstAddr: string;
	readonly srcPort: number;
	readonly dstPort: number;
	readonly pktSrcAddr: string;
	readonly pktDstAddr: string;
	readonly packets: number;
	readonly bytes: number;
	/** Unix seconds. */
	readonly start: number;
	readonly end: number;
	readonly action: string;
	readonly flags: number;
	readonly ingress: boolean;
	/** traffic-path of an egress record (1: within the VPC, 2: through the internet gateway). */
	readonly path: number;
};

export type RecordWriter = (values: RecordValues, out: LineText) => void;

type Piece = Buffer | ((values: RecordValues, out: LineText) => void);

const perRecord: Readonly<Record<string, (values: RecordValues, out: LineText) => void>> = {
	srcaddr: (values, out) => out.ascii(values.srcAddr),
	dstaddr: (values, out) => out.ascii(values.dstAddr),
	srcport: (values, out) => out.integer(values.srcPort),
	dstport: (values, out) => out.integer(values.dstPort),
	packets: (values, out) => out.integer(values.packets),
	bytes: (values, out) => out.integer(values.bytes),
	start: (values, out) => out.integer(values.start),
	end: (values, out) => out.integer(values.end),
	action: (values, out) => out.ascii(values.action),
	'tcp-flags': (values, out) => out.integer(values.flags),
	'pkt-srcaddr': (values, out) => out.ascii(values.pktSrcAddr),
	'pkt-dstaddr': (values, out) => out.ascii(values.pktDstAddr),
	'flow-direction': (values, out) => out.ascii(values.ingress ? 'ingress' : 'egress'),
	'traffic-path': (values, out) => (values.ingress ? out.ascii('-') : out.integer(values.path)),
};

export type WriterContext = {
	readonly accountId: string;
	readonly region: string;
	readonly networkInterface: NetworkInterface;
	readonly subnet?: Subnet;
	/** Write `unknown` as the account (an interface an AWS service owns). */
	readonly unknownAccount: boolean;
};

/** A field whose value is the same in every record of a flow log on one interface. */
export function fixedValue(
	field: string,
	fields: readonly string[],
	context: WriterContext,
): string {
	const {networkInterface, subnet} = context;
	switch (field) {
		case 'version':
			return String(flowLogFormatVersion(fields));
		case 'account-id':
			return context.unknownAccount ? 'unknown' : context.accountId;
		case 'interface-id':
			return networkInterface.networkInterfaceId;
		case 'vpc-id':
			return networkInterface.vpcId;
		case 'subnet-id':
			return networkInterface.subnetId;
		case 'instance-id':
			return networkInterface.attachment?.instanceId ?? '-';
		case 'az-id':
			return subnet?.availabilityZoneId ?? '-';
		case 'region':
			return context.region;
		case 'type':
			return 'IPv4';
		case 'protocol':
			return '6';
		case 'log-status':
			return 'OK';
		default:
			return '-';
	}
}

/** The writer for a flow log's format on one interface (undefined: not a `${field}` format). */
export function compileWriter(flowLog: FlowLog, context: WriterContext): RecordWriter | undefined {
	const fields = parseFlowLogFormat(flowLog.logFormat);
	if (fields === undefined) return undefined;
	// Runs of fixed fields (and the spaces between fields) join into one string.
	const pieces: Piece[] = [];
	let fixed = '';
	for (const [index, field] of fields.entries()) {
		fixed += index === 0 ? '' : ' ';
		const dynamic = perRecord[field];
		if (dynamic === undefined) {
			fixed += fixedValue(field, fields, context);
		} else {
			if (fixed !== '') pieces.push(Buffer.from(fixed, 'latin1'));
			fixed = '';
			pieces.push(dynamic);
		}
	}
	if (fixed !== '') pieces.push(Buffer.from(fixed, 'latin1'));
	return (values, out) => {
		for (const piece of pieces) {
			if (typeof piece === 'function') piece(values, out);
			else out.bytes(piece);
		}
	};
}
