import type {Snapshot} from '../domain/snapshot.js';

/** `--json`: the Snapshot as documented in docs/snapshot.md, one object, newline-terminated. */
export function jsonSnapshot(snapshot: Snapshot): string {
	return `${JSON.stringify(snapshot, null, 2)}\n`;
}
