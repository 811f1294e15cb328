// Reads a `--record` file back: one Snapshot per line, written whole (every line, before lbtop
// recorded deltas; now the first and one every few minutes) or as a delta on the line before it.
// A recording cut off mid-line (lbtop was killed) or edited by hand still replays: bad lines are
// counted and skipped, never fatal; deltas after a bad line wait for the next whole snapshot.
import {createReadStream} from 'node:fs';
import {createInterface} from 'node:readline';
import {type Snapshot, snapshotSchemaVersion, sourceNames} from '../domain/snapshot.js';
import type {Json} from '../live/record-delta.js';
import {applyPatch} from '../live/record-patch.js';

export type Recording = {
	/** In time order (generatedAt), oldest first. */
	readonly snapshots: readonly Snapshot[];
	readonly badLines: number;
	/** 1-based number of the first bad line, for the warning. */
	readonly firstBadLine?: number;
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The checks that keep the screen from breaking on a foreign line: the top-level shape the
 * header, status line and text summary read unconditionally. Panes guard their own sections.
 */
function looksLikeSnapshot(value: unknown): value is Snapshot {
	if (!isRecord(value) || value.schemaVersion !== snapshotSchemaVersion) {
		return false;
	}
	const {generatedAt, region, target, window, paused, sources, findings, cost} = value;
	return (
		isFiniteNumber(generatedAt) &&
		typeof region === 'string' &&
		typeof target === 'string' &&
		isRecord(window) &&
		isFiniteNumber(window.start) &&
		isFiniteNumber(window.end) &&
		typeof paused === 'boolean' &&
		isRecord(sources) &&
		sourceNames.every((name) => {
			const state = sources[name];
			return isRecord(state) && typeof state.status === 'string';
		}) &&
		Array.isArray(findings) &&
		isRecord(cost) &&
		isFiniteNumber(cost.queries) &&
		isFiniteNumber(cost.bytesScanned) &&
		isFiniteNumber(cost.usd)
	);
}

/** One snapshot from JSON text (a recording line, or `--json` output), or undefined. */
export function parseSnapshotJson(text: string): Snapshot | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return looksLikeSnapshot(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

/** A delta line applied to the snapshot of the line before it, or undefined if it does not fit. */
function appliedDelta(
	value: Record<string, unknown>,
	base: Snapshot | undefined,
): Snapshot | undefined {
	if (base === undefined || value.recordDelta !== 1 || value.base !== base.generatedAt) {
		return undefined;
	}
	try {
		const snapshot: unknown = applyPatch(base as unknown as Json, value.patch);
		return looksLikeSnapshot(snapshot) ? snapshot : undefined;
	} catch {
		return undefined;
	}
}

export class RecordingReader {
	private readonly snapshots: Snapshot[] = [];
	private badLines = 0;
	private firstBadLine: number | undefined;
	private lineNumber = 0;
	/** The snapshot of the line before, which a delta line changes; none after a bad line. */
	private previous: Snapshot | undefined;

	add(line: string): void {
		this.lineNumber++;
		if (line.trim() === '') {
			return;
		}
		const snapshot = this.read(line);
		this.previous = snapshot;
		if (snapshot) {
			this.snapshots.push(snapshot);
			return;
		}
		this.badLines++;
		this.firstBadLine ??= this.lineNumber;
	}

	private read(line: string): Snapshot | undefined {
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			return undefined;
		}
		if (looksLikeSnapshot(value)) {
			return value;
		}
		return isRecord(value) ? appliedDelta(value, this.previous) : undefined;
	}

	result(): Recording {
		// Stable: snapshots recorded in the same millisecond keep their order.
		const snapshots = this.snapshots.toSorted((a, b) => a.generatedAt - b.generatedAt);
		return {
			snapshots,
			badLines: this.badLines,
			...(this.firstBadLine === undefined ? {} : {firstBadLine: this.firstBadLine}),
		};
	}
}

export function parseRecording(text: string): Recording {
	const reader = new RecordingReader();
	for (const line of text.split('\n')) {
		reader.add(line);
	}
	return reader.result();
}

export type ReadResult =
	| {readonly ok: true; readonly recording: Recording}
	| {readonly ok: false; readonly message: string};

/** Streams the file line by line: an hour of recording can be hundreds of megabytes. */
export async function readRecording(path: string): Promise<ReadResult> {
	const reader = new RecordingReader();
	try {
		const lines = createInterface({
			input: createReadStream(path, {encoding: 'utf8'}),
			crlfDelay: Number.POSITIVE_INFINITY,
		});
		for await (const line of lines) {
			reader.add(line);
		}
	} catch (error) {
		return {
			ok: false,
			message: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
		};
	}
	const recording = reader.result();
	if (recording.snapshots.length === 0) {
		const bad = recording.badLines > 0 ? `, only ${recording.badLines} unreadable lines` : '';
		return {
			ok: false,
			message: `${path} holds no lbtop snapshots${bad} (is it a --record file?)`,
		};
	}
	return {ok: true, recording};
}

export function badLinesWarning(path: string, recording: Recording): string | undefined {
	if (recording.badLines === 0) {
		return undefined;
	}
	const lines = recording.badLines === 1 ? 'line' : 'lines';
	return `skipped ${recording.badLines} unreadable ${lines} in ${path} (first: line ${recording.firstBadLine ?? '?'})`;
}
