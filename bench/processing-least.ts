// The least a reader of FilterLogEvents pages does before it can pair a record, when it reads each
// page with JSON.parse (as lbtop does on a first read) and then the messages, measured beside
// lbtop's own path so the processing goal can be read against what this design allows. It parses
// each page, reads the fields pairing needs (interface, addresses, ports, packets, bytes, times) in
// one pass over each message's characters, and adds each record to its conversation: both
// directions of an address-and-port pair on one interface (the fixture's records are all TCP, so
// that is their 5-tuple). It checks nothing, pairs no legs across interfaces, counts no buckets and
// makes no record: a lower bound for this design, not a reader lbtop could ship.
import {fixtureFormat} from './flow-fixture.js';

/** The fields read, where the fixture's format puts them (looked up once, never assumed). */
function position(field: string): number {
	const index = fixtureFormat.fields.indexOf(field);
	if (index < 0) {
		throw new Error(`the fixture's format has no ${field}`);
	}

	return index;
}

const interfaceField = position('interface-id');
const srcAddrField = position('srcaddr');
const dstAddrField = position('dstaddr');
const srcPortField = position('srcport');
const dstPortField = position('dstport');
const packetsField = position('packets');
const bytesField = position('bytes');
const startField = position('start');
const endField = position('end');
/** The reading stops after the last field it needs. */
const lastField = Math.max(
	interfaceField,
	srcAddrField,
	dstAddrField,
	srcPortField,
	dstPortField,
	packetsField,
	bytesField,
	startField,
	endField,
);

/** The key holds 48 bits of endpoint and 5 of interface: exact up to 32 interfaces (IPv4 only). */
const maxInterfaces = 32;

const space = 32;
const dot = 46;
const zero = 48;
const nine = 57;

type Conversation = {packets: number; bytes: number; start: number; end: number};

export type LeastRead = {
	readonly conversations: number;
	/** Summed over the records as read: the records' own sums when each field was read right. */
	readonly packets: number;
	readonly bytes: number;
};

// One array for every message's numbers: a reader allocating per message would not be the least.
const fields = new Float64Array(lastField + 1);

export function leastPagesReader(pages: readonly string[]): LeastRead {
	const interfaces = new Map<string, number>();
	// By the lower endpoint (address and port), then the higher one with the interface.
	const byLow = new Map<number, Map<number, Conversation>>();
	let conversations = 0;
	let allPackets = 0;
	let allBytes = 0;
	for (const page of pages) {
		const {events} = JSON.parse(page) as {readonly events: readonly {readonly message: string}[]};
		for (const {message} of events) {
			const interfaceId = readFields(message);
			let interfaceIndex = interfaces.get(interfaceId);
			if (interfaceIndex === undefined) {
				interfaceIndex = interfaces.size;
				if (interfaceIndex >= maxInterfaces) {
					throw new Error(`the least reader keys at most ${maxInterfaces} interfaces`);
				}

				interfaces.set(interfaceId, interfaceIndex);
			}

			const src = (fields[srcAddrField] ?? 0) * 65_536 + (fields[srcPortField] ?? 0);
			const dst = (fields[dstAddrField] ?? 0) * 65_536 + (fields[dstPortField] ?? 0);
			const low = Math.min(src, dst);
			const high = Math.max(src, dst) * maxInterfaces + interfaceIndex;
			let byHigh = byLow.get(low);
			if (byHigh === undefined) {
				byHigh = new Map();
				byLow.set(low, byHigh);
			}

			const packets = fields[packetsField] ?? 0;
			const bytes = fields[bytesField] ?? 0;
			const start = fields[startField] ?? 0;
			const end = fields[endField] ?? 0;
			allPackets += packets;
			allBytes += bytes;
			const known = byHigh.get(high);
			if (known === undefined) {
				byHigh.set(high, {packets, bytes, start, end});
				conversations++;
			} else {
				known.packets += packets;
				known.bytes += bytes;
				known.start = Math.min(known.start, start);
				known.end = Math.max(known.end, end);
			}
		}
	}

	return {conversations, packets: allPackets, bytes: allBytes};
}

/** Reads the message's numbers into `fields` (addresses as 32-bit values); its interface id. */
function readFields(message: string): string {
	fields.fill(0);
	let field = 0;
	let value = 0;
	let address = 0;
	let fieldStart = 0;
	let interfaceId = '';
	for (let index = 0; index <= message.length && field <= lastField; index++) {
		const code = index < message.length ? message.charCodeAt(index) : space;
		if (code === space) {
			if (field === interfaceField) {
				interfaceId = message.slice(fieldStart, index);
			}

			fields[field] = address * 256 + value;
			field++;
			value = 0;
			address = 0;
			fieldStart = index + 1;
		} else if (code === dot) {
			address = address * 256 + value;
			value = 0;
		} else if (code >= zero && code <= nine) {
			value = value * 10 + (code - zero);
		}
	}

	return interfaceId;
}
