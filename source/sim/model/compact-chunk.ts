// Records of one interface, one flow log and one minute, held as numbers (about 40 bytes each)
// and written out in the flow log's format only when a read asks for one: a busy world's window is
// hundreds of thousands of records, and their text would take four times the room.
import type {EventChunk} from '../world/types.js';
import {LineText} from './byte-text.js';
import {lineBytes, type TokenReader, type WordReader} from './record-tokens.js';
import type {RecordValues, RecordWriter} from './render.js';

const actions = ['ACCEPT', 'REJECT'] as const;

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

/**
 * A column of numbers that grows by doubling, a typed array underneath (no object per value):
 * 32-bit integers, or doubles for a column that may outgrow them.
 */
class Column {
	private values: Int32Array | Float64Array;
	length = 0;

	constructor(private readonly wide = false) {
		this.values = wide ? new Float64Array(64) : new Int32Array(64);
	}

	push(value: number): void {
		if (this.length === this.values.length) {
			const grown = this.wide ? new Float64Array(this.length * 2) : new Int32Array(this.length * 2);
			grown.set(this.values);
			this.values = grown;
		}
		this.values[this.length++] = value;
	}

	at(index: number): number {
		return this.values[index] ?? 0;
	}
}

/** Growable columns of one minute's records, in the order they were written. */
export class ChunkBuilder {
	private readonly addresses: string[] = [];
	private readonly addressIndex = new Map<string, number>();
	private readonly columns = {
		src: new Column(),
		dst: new Column(),
		pktSrc: new Column(),
		pktDst: new Column(),
		srcPort: new Column(),
		dstPort: new Column(),
		packets: new Column(),
		bytes: new Column(true),
		start: new Column(),
		end: new Column(),
		/** flags | action << 8 | ingress << 9 | path << 10. */
		bits: new Column(),
	};

	constructor(
		private readonly minuteStart: number,
		private readonly write: RecordWriter,
		private readonly read?: TokenReader,
		private readonly words?: WordReader,
	) {}

	private address(text: string): number {
		let index = this.addressIndex.get(text);
		if (index === undefined) {
			index = this.addresses.length;
			this.addresses.push(text);
			this.addressIndex.set(text, index);
		}
		return index;
	}

	add(values: RecordValues): void {
		const {columns} = this;
		columns.src.push(this.address(values.srcAddr));
		columns.dst.push(this.address(values.dstAddr));
		columns.pktSrc.push(this.address(values.pktSrcAddr));
		columns.pktDst.push(this.address(values.pktDstAddr));
		columns.srcPort.push(values.srcPort);
		columns.dstPort.push(values.dstPort);
		columns.packets.push(values.packets);
		columns.bytes.push(values.bytes);
		columns.start.push(values.start);
		columns.end.push(values.end);
		const action = values.action === 'REJECT' ? 1 : 0;
		columns.bits.push(
			values.flags | (action << 8) | ((values.ingress ? 1 : 0) << 9) | (values.path << 10),
		);
	}

	/** In timestamp order (a counting sort by second), records of one second in the order written. */
	finish(ingestionTime: number): EventChunk {
		const {columns} = this;
		const count = columns.start.length;
		const firstSecond = Math.floor(this.minuteStart / 1000);
		const secondOf = (index: number) =>
			Math.min(59, Math.max(0, columns.start.at(index) - firstSecond));
		const firstOf = new Int32Array(61);
		for (let index = 0; index < count; index++)
			firstOf[secondOf(index) + 1] = (firstOf[secondOf(index) + 1] ?? 0) + 1;
		for (let second = 1; second <= 60; second++)
			firstOf[second] = (firstOf[second] ?? 0) + (firstOf[second - 1] ?? 0);
		const order = new Int32Array(count);
		for (let index = 0; index < count; index++) {
			const second = secondOf(index);
			const position = firstOf[second] ?? 0;
			firstOf[second] = position + 1;
			order[position] = index;
		}
		const sorted = <T extends Int32Array | Uint16Array | Float64Array>(
			column: Column,
			make: (length: number) => T,
		): T => {
			const values = make(count);
			for (let position = 0; position < count; position++) {
				values[position] = column.at(order[position] ?? 0);
			}
			return values;
		};
		const int = (length: number) => new Int32Array(length);
		const short = (length: number) => new Uint16Array(length);
		const src = sorted(columns.src, int);
		const dst = sorted(columns.dst, int);
		const pktSrc = sorted(columns.pktSrc, int);
		const pktDst = sorted(columns.pktDst, int);
		const srcPort = sorted(columns.srcPort, short);
		const dstPort = sorted(columns.dstPort, short);
		const packets = sorted(columns.packets, int);
		const bytes = sorted(columns.bytes, (length) => new Float64Array(length));
		const start = sorted(columns.start, int);
		const end = sorted(columns.end, int);
		const bits = sorted(columns.bits, int);
		return binaryChunk(
			{src, dst, pktSrc, pktDst, srcPort, dstPort, packets, bytes, start, end, bits},
			this.addresses,
			{write: this.write, read: this.read, words: this.words},
			ingestionTime,
		);
	}
}

type Columns = {
	readonly src: Int32Array;
	readonly dst: Int32Array;
	readonly pktSrc: Int32Array;
	readonly pktDst: Int32Array;
	readonly srcPort: Uint16Array;
	readonly dstPort: Uint16Array;
	readonly packets: Int32Array;
	readonly bytes: Float64Array;
	readonly start: Int32Array;
	readonly end: Int32Array;
	readonly bits: Int32Array;
};

// Built outside the builder so the chunk's closures hold the typed columns only, never the
// builder's growable arrays (a closure keeps its whole scope alive).
function binaryChunk(
	columns: Columns,
	addresses: readonly string[],
	format: {
		readonly write: RecordWriter;
		readonly read: TokenReader | undefined;
		readonly words: WordReader | undefined;
	},
	ingestionTime: number,
): EventChunk {
	const {src, dst, pktSrc, pktDst, srcPort, dstPort, packets, bytes, start, end, bits} = columns;
	const {write, read, words} = format;
	const line = new LineText();
	// A read takes several fields of one record in a row: its values are decoded once, into one
	// object reused for every record (a scan reads a million records; none keeps the values).
	let decodedIndex = -1;
	const decoded: Mutable<RecordValues> = {
		srcAddr: '-',
		dstAddr: '-',
		srcPort: 0,
		dstPort: 0,
		pktSrcAddr: '-',
		pktDstAddr: '-',
		packets: 0,
		bytes: 0,
		start: 0,
		end: 0,
		action: 'ACCEPT',
		flags: 0,
		ingress: false,
		path: 0,
	};
	const valuesAt = (index: number): RecordValues => {
		if (decodedIndex === index) return decoded;
		const packed = bits[index] ?? 0;
		decoded.srcAddr = addresses[src[index] ?? 0] ?? '-';
		decoded.dstAddr = addresses[dst[index] ?? 0] ?? '-';
		decoded.srcPort = srcPort[index] ?? 0;
		decoded.dstPort = dstPort[index] ?? 0;
		decoded.pktSrcAddr = addresses[pktSrc[index] ?? 0] ?? '-';
		decoded.pktDstAddr = addresses[pktDst[index] ?? 0] ?? '-';
		decoded.packets = packets[index] ?? 0;
		decoded.bytes = bytes[index] ?? 0;
		decoded.start = start[index] ?? 0;
		decoded.end = end[index] ?? 0;
		decoded.action = actions[(packed >> 8) & 1] ?? 'ACCEPT';
		decoded.flags = packed & 255;
		decoded.ingress = ((packed >> 9) & 1) === 1;
		decoded.path = packed >> 10;
		decodedIndex = index;
		return decoded;
	};
	// Each query over a minute counts its bytes again (lbtop runs two over every settled range):
	// a record's count is kept once made (0: not yet; a line is never empty).
	let lineLengths: Uint16Array | undefined;
	const countBytes = (index: number): number => {
		if (read !== undefined) return lineBytes(read, valuesAt(index));
		write(valuesAt(index), line);
		return line.drop();
	};
	return {
		length: start.length,
		timestamp: (index) => (start[index] ?? 0) * 1000,
		ingestionTime: () => ingestionTime,
		message: (index) => {
			write(valuesAt(index), line);
			return line.take();
		},
		// Counted from the tokens where the format has them: no line to write.
		messageBytes: (index) => {
			lineLengths ??= new Uint16Array(start.length);
			let bytes = lineLengths[index] ?? 0;
			if (bytes === 0) {
				bytes = countBytes(index);
				// A line longer than a Uint16 holds is counted each time.
				if (bytes < 65_536) lineLengths[index] = bytes;
			}
			return bytes;
		},
		...(read === undefined
			? {}
			: {token: (index: number, position: number) => read(valuesAt(index), position)}),
		...(words === undefined
			? {}
			: {
					words: () => words.count,
					word: (index: number, position: number) => words.read(valuesAt(index), position),
				}),
		size: start.length * 50 + addresses.length * 24 + 256,
	};
}

export const emptyChunk: EventChunk = {
	length: 0,
	timestamp: () => 0,
	ingestionTime: () => 0,
	message: () => '',
	size: 64,
};

/** Chunks of several flow logs for one stream, merged in timestamp order (each keeps its own delivery). */
export function mergeChunks(chunks: readonly EventChunk[]): EventChunk {
	const present = chunks.filter((chunk) => chunk.length > 0);
	if (present.length <= 1) return present[0] ?? emptyChunk;
	const entries = present.flatMap((chunk) =>
		Array.from({length: chunk.length}, (_, index) => ({
			chunk,
			index,
			timestamp: chunk.timestamp(index),
		})),
	);
	entries.sort((left, right) => left.timestamp - right.timestamp);
	const tokens = present.every((chunk) => chunk.token !== undefined);
	const words = present.some((chunk) => chunk.words !== undefined);
	return {
		length: entries.length,
		timestamp: (index) => entries[index]?.timestamp ?? 0,
		ingestionTime: (index) => {
			const entry = entries[index];
			return entry === undefined ? 0 : entry.chunk.ingestionTime(entry.index);
		},
		message: (index) => {
			const entry = entries[index];
			return entry === undefined ? '' : entry.chunk.message(entry.index);
		},
		messageBytes: (index) => {
			const entry = entries[index];
			if (entry === undefined) return 0;
			return (
				entry.chunk.messageBytes?.(entry.index) ??
				Buffer.byteLength(entry.chunk.message(entry.index))
			);
		},
		...(tokens
			? {
					token: (index: number, position: number) => {
						const entry = entries[index];
						return entry?.chunk.token?.(entry.index, position) ?? '';
					},
				}
			: {}),
		...(words
			? {
					words: (index: number) => {
						const entry = entries[index];
						return entry === undefined ? 0 : (entry.chunk.words?.(entry.index) ?? 0);
					},
					word: (index: number, position: number) => {
						const entry = entries[index];
						return entry?.chunk.word?.(entry.index, position) ?? '';
					},
				}
			: {}),
		size: present.reduce((total, chunk) => total + chunk.size, 0),
	};
}
