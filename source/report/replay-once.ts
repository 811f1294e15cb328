// `lbtop replay FILE --once | --json`: one recorded snapshot, printed as `--once`/`--json` would
// have printed it at the time it was recorded.
import type {ReplayConfig} from '../domain/replay-config.js';
import {jsonSnapshot} from './json-snapshot.js';
import type {Recording} from './replay-file.js';
import {replayIndex} from './replay-select.js';
import {textSummary} from './text-summary.js';

export function replayOnceOutput(recording: Recording, config: ReplayConfig): string {
	const snapshot = recording.snapshots[replayIndex(recording.snapshots, config.at)];
	if (snapshot === undefined) {
		return '';
	}
	// Ages and lags as they were when the snapshot was taken, not as of today.
	return config.output === 'json'
		? jsonSnapshot(snapshot)
		: textSummary(snapshot, snapshot.generatedAt);
}
