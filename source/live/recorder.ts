// `--record FILE`: one line of NDJSON per snapshot change, so an incident can be replayed later
// (`lbtop replay FILE`) or searched with jq. Snapshots hold what lbtop shows, never credentials.
// A whole snapshot is written at the start and every few minutes; each change in between is a
// delta line holding only what changed (report/replay-file.ts reads both back).
import {type FileHandle, open} from 'node:fs/promises';
import type {Snapshot} from '../domain/snapshot.js';
import type {Json} from './record-delta.js';
import {diffJson} from './record-diff.js';

export type RecordedSource = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): Snapshot;
};

export type RecordingSummary = {
	readonly path: string;
	readonly lines: number;
	/** The first write that failed; recording stopped there. */
	readonly error?: string;
};

export type Recorder = {
	/** Stops listening, waits for pending lines to reach the file, and closes it. */
	close(): Promise<RecordingSummary>;
};

export function snapshotLine(snapshot: Snapshot): string {
	return `${JSON.stringify(snapshot)}\n`;
}

/**
 * A whole snapshot this often (by the snapshots' own clock): a replay can start from one, and a
 * damaged line costs at most this much of the recording.
 */
export const keyframeEveryMs = 10 * 60_000;

/** The change from `base` (the line before it in the file) to `snapshot`, as one line. */
export function deltaLine(base: Snapshot, snapshot: Snapshot): string {
	const patch = diffJson(base as unknown as Json, snapshot as unknown as Json) ?? {put: {}};
	return `${JSON.stringify({recordDelta: 1, base: base.generatedAt, generatedAt: snapshot.generatedAt, patch})}\n`;
}

class FileRecorder implements Recorder {
	private lines = 0;
	private error: string | undefined;
	private written: Promise<void> = Promise.resolve();
	private last: Snapshot | undefined;
	private lastKeyframeAt = Number.NEGATIVE_INFINITY;
	private readonly unsubscribe: () => void;

	constructor(
		private readonly path: string,
		private readonly file: FileHandle,
		private readonly source: RecordedSource,
	) {
		this.unsubscribe = source.subscribe(() => {
			this.record();
		});
		this.record();
	}

	async close(): Promise<RecordingSummary> {
		this.unsubscribe();
		await this.written;
		await this.file.close().catch(() => undefined);
		return {
			path: this.path,
			lines: this.lines,
			...(this.error === undefined ? {} : {error: this.error}),
		};
	}

	private keyframe(snapshot: Snapshot): string {
		this.lastKeyframeAt = snapshot.generatedAt;
		return snapshotLine(snapshot);
	}

	private record(): void {
		const snapshot = this.source.getSnapshot();
		if (snapshot === this.last || this.error !== undefined) {
			return;
		}
		const base = this.last;
		this.last = snapshot;
		const line =
			base === undefined || snapshot.generatedAt - this.lastKeyframeAt >= keyframeEveryMs
				? this.keyframe(snapshot)
				: deltaLine(base, snapshot);
		// Each line goes to the OS as soon as the previous one is written (no buffering in Node), so
		// a crash or kill loses at most the line being written; replay skips a cut last line.
		this.written = this.written.then(async () => {
			if (this.error !== undefined) {
				return;
			}
			try {
				await this.file.appendFile(line, 'utf8');
				this.lines++;
			} catch (error) {
				this.error = error instanceof Error ? error.message : String(error);
				this.unsubscribe();
			}
		});
	}
}

/**
 * Opens (or appends to) `path`, private to the user, and records the current snapshot and every
 * change after it. Rejects when the file cannot be opened, before anything runs.
 */
export async function startRecorder(source: RecordedSource, path: string): Promise<Recorder> {
	const file = await open(path, 'a', 0o600);
	return new FileRecorder(path, file, source);
}

/** Fails fast, before a run that may take seconds, when `path` cannot be recorded to. */
export async function checkRecordable(path: string): Promise<void> {
	const file = await open(path, 'a', 0o600);
	await file.close();
}
