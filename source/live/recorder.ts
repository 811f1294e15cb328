// `--record FILE`: one line of NDJSON per snapshot change, so an incident can be replayed later
// (`lbtop replay FILE`) or searched with jq. Snapshots hold what lbtop shows, never credentials.
import {type FileHandle, open} from 'node:fs/promises';
import type {Snapshot} from '../domain/snapshot.js';

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

class FileRecorder implements Recorder {
	private lines = 0;
	private error: string | undefined;
	private written: Promise<void> = Promise.resolve();
	private last: Snapshot | undefined;
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

	private record(): void {
		const snapshot = this.source.getSnapshot();
		if (snapshot === this.last || this.error !== undefined) {
			return;
		}
		this.last = snapshot;
		const line = snapshotLine(snapshot);
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
