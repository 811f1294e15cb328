// Records of one interface, one flow log and one minute, held as one byte buffer with offsets: a
// busy world's minute is hundreds of thousands of lines, and bytes cost a byte a character where
// as many strings and event objects would cost several times that.
import type {EventChunk} from '../world/types.js';
import {ByteText} from './byte-text.js';

/** Records of one minute, gathered by second so they come out in timestamp order without a sort. */
export class ChunkBuilder {
	private readonly texts: ByteText[] = [];
	private readonly starts: number[][] = [];
	private count = 0;
	private readonly firstSecond: number;

	constructor(minuteStart: number) {
		this.firstSecond = Math.floor(minuteStart / 1000);
	}

	/**
	 * Begins a record whose `start` (Unix seconds, within the minute) is its event timestamp, and
	 * returns the text to write it into; the record ends where the next one of its second begins.
	 */
	line(start: number): ByteText {
		const index = start - this.firstSecond;
		let text = this.texts[index];
		let starts = this.starts[index];
		if (text === undefined || starts === undefined) {
			text = new ByteText();
			starts = [];
			this.texts[index] = text;
			this.starts[index] = starts;
		}
		starts.push(text.length);
		this.count++;
		return text;
	}

	/** Sorted by timestamp, records of the same second in the order they were added. */
	finish(ingestionTime: number): EventChunk {
		const total = this.texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
		const bytes = Buffer.allocUnsafe(total);
		const seconds = new Float64Array(this.count);
		const offsets = new Int32Array(this.count + 1);
		let base = 0;
		let index = 0;
		for (const [second, text] of this.texts.entries()) {
			if (text === undefined) continue;
			text.buffer.copy(bytes, base, 0, text.length);
			for (const start of this.starts[second] ?? []) {
				seconds[index] = this.firstSecond + second;
				offsets[index] = base + start;
				index++;
			}
			base += text.length;
		}
		offsets[index] = base;
		return compactChunk(bytes, offsets, seconds, ingestionTime);
	}
}

export function compactChunk(
	text: Buffer,
	offsets: Int32Array,
	seconds: Float64Array,
	ingestionTime: number,
): EventChunk {
	return {
		length: seconds.length,
		timestamp: (index) => (seconds[index] ?? 0) * 1000,
		ingestionTime: () => ingestionTime,
		// A string is made only for a record a read returns.
		message: (index) => text.toString('latin1', offsets[index] ?? 0, offsets[index + 1] ?? 0),
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
