// An access log object's lines into the accumulator of its 5-minute interval, in batches so the
// domain's line reader (synchronous, counting malformed lines) streams instead of holding the
// object. A stream that breaks (corrupt gzip, a reset connection) keeps what came before it.
import type {ReadCounts} from '../domain/access-logs/index.js';

const batchLines = 2000;

export async function consumeLines(
	lines: AsyncIterable<string>,
	readBatch: (batch: readonly string[]) => ReadCounts,
): Promise<ReadCounts & {readonly damage?: string}> {
	let entries = 0;
	let malformed = 0;
	const reasons = new Set<string>();
	let batch: string[] = [];
	const flush = () => {
		const counts = readBatch(batch);
		entries += counts.entries;
		malformed += counts.malformed;
		for (const reason of counts.reasons) {
			if (reasons.size < 5) reasons.add(reason);
		}
		batch = [];
	};
	let damage: string | undefined;
	try {
		for await (const line of lines) {
			batch.push(line);
			if (batch.length >= batchLines) {
				flush();
			}
		}
	} catch (error) {
		if (error instanceof Error && error.name === 'AbortError') {
			throw error;
		}

		damage = error instanceof Error ? error.message : String(error);
	}

	flush();
	if (damage !== undefined) {
		reasons.add(`the object could not be read whole (${damage.slice(0, 120)})`);
	}

	return {entries, malformed, reasons: [...reasons], ...(damage === undefined ? {} : {damage})};
}
