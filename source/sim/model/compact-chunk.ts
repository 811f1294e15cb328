// Records of one interface, one flow log and one minute, held as one string with offsets: a busy
// world's minute is hundreds of thousands of lines, and one string costs a byte a character
// where as many strings and event objects would cost several times that.
import type {EventChunk} from '../world/types.js';

export class ChunkBuilder {
	private readonly starts: number[] = [];
	private readonly lines: string[] = [];

	/** `start` in Unix seconds: the record's `start`, which is its event timestamp. */
	add(start: number, line: string): void {
		this.starts.push(start);
		this.lines.push(line);
	}

	/** Sorted by timestamp, records of the same second in the order they were added. */
	finish(ingestionTime: number): EventChunk {
		const {starts, lines} = this;
		const order = Array.from(starts.keys()).sort(
			(left, right) => (starts[left] ?? 0) - (starts[right] ?? 0) || left - right,
		);
		const seconds = new Float64Array(order.length);
		const offsets = new Int32Array(order.length + 1);
		const sorted: string[] = [];
		let offset = 0;
		for (const [index, position] of order.entries()) {
			const line = lines[position] ?? '';
			seconds[index] = starts[position] ?? 0;
			offsets[index] = offset;
			offset += line.length;
			sorted.push(line);
		}
		offsets[order.length] = offset;
		return compactChunk(sorted.join(''), offsets, seconds, ingestionTime);
	}
}

export function compactChunk(
	text: string,
	offsets: Int32Array,
	seconds: Float64Array,
	ingestionTime: number,
): EventChunk {
	return {
		length: seconds.length,
		timestamp: (index) => (seconds[index] ?? 0) * 1000,
		ingestionTime: () => ingestionTime,
		message: (index) => text.slice(offsets[index] ?? 0, offsets[index + 1] ?? 0),
		size: text.length + seconds.byteLength + offsets.byteLength + 64,
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
		size: present.reduce((total, chunk) => total + chunk.size, 0),
	};
}
