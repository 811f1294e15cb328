// The least any reader of FilterLogEvents pages does before it can pair a record, measured beside
// lbtop's own path so the processing goal can be read against what the path allows: JSON.parse of
// each page, one pass over each message's characters reading the fields pairing needs (interface,
// addresses, ports, packets, bytes, times), and each record added to its conversation (both
// directions of a 5-tuple on one interface). It checks nothing, pairs no legs across interfaces,
// counts no buckets and makes no record: a lower bound, not a reader lbtop could ship.

/** Field positions of the default (v2) format. */
const interfaceField = 2;
const srcAddrField = 3;
const dstAddrField = 4;
const srcPortField = 5;
const dstPortField = 6;
const packetsField = 8;
const bytesField = 9;
const startField = 10;
const endField = 11;
const fieldCount = 14;

const space = 32;
const dot = 46;
const zero = 48;
const nine = 57;

type Conversation = {packets: number; bytes: number; start: number; end: number};

const fields = new Float64Array(fieldCount);

/** The conversations of the pages' records; their count, so the work cannot be skipped. */
export function leastPagesReader(pages: readonly string[]): number {
	const interfaces = new Map<string, number>();
	// By the lower endpoint (address and port), then the higher one with the interface.
	const conversations = new Map<number, Map<number, Conversation>>();
	let count = 0;
	for (const page of pages) {
		const {events} = JSON.parse(page) as {readonly events: readonly {readonly message: string}[]};
		for (const {message} of events) {
			const interfaceId = readFields(message);
			let interfaceIndex = interfaces.get(interfaceId);
			if (interfaceIndex === undefined) {
				interfaceIndex = interfaces.size;
				interfaces.set(interfaceId, interfaceIndex);
			}

			const src = (fields[srcAddrField] ?? 0) * 65_536 + (fields[srcPortField] ?? 0);
			const dst = (fields[dstAddrField] ?? 0) * 65_536 + (fields[dstPortField] ?? 0);
			const low = Math.min(src, dst);
			// 48 bits of endpoint and 5 of interface: exact while a page set has at most 32 interfaces.
			const high = Math.max(src, dst) * 32 + (interfaceIndex % 32);
			let byHigh = conversations.get(low);
			if (byHigh === undefined) {
				byHigh = new Map();
				conversations.set(low, byHigh);
			}

			const start = fields[startField] ?? 0;
			const end = fields[endField] ?? 0;
			const known = byHigh.get(high);
			if (known === undefined) {
				byHigh.set(high, {
					packets: fields[packetsField] ?? 0,
					bytes: fields[bytesField] ?? 0,
					start,
					end,
				});
				count++;
			} else {
				known.packets += fields[packetsField] ?? 0;
				known.bytes += fields[bytesField] ?? 0;
				known.start = Math.min(known.start, start);
				known.end = Math.max(known.end, end);
			}
		}
	}

	return count;
}

/** Reads the message's numbers into `fields` (addresses as 32-bit values); its interface id. */
function readFields(message: string): string {
	let field = 0;
	let value = 0;
	let address = 0;
	let fieldStart = 0;
	let interfaceId = '';
	for (let index = 0; index <= message.length && field < fieldCount; index++) {
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
