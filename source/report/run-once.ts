// `--once` / `--json` and non-interactive terminals: one snapshot, printed, then exit.
import type {AwsSettings} from '../aws/clients.js';
import type {Config} from '../domain/config.js';
import {startupFailure, startupFailureText} from '../domain/startup-failure.js';
import {deriveSnapshot} from '../live/derive.js';
import {Engine} from '../live/engine.js';
import {initialSnapshot} from '../live/initial-snapshot.js';
import {defaultSources} from '../live/sources.js';
import {SnapshotStore} from '../live/store.js';
import {jsonSnapshot} from './json-snapshot.js';
import {textSummary} from './text-summary.js';

/**
 * Either the snapshot, or (lbtop could not even find the load balancer: wrong name, credentials,
 * network) only the problem and what to do, for stderr and exit 1: a report of empty sources
 * beside it would read as "Findings: none". Per-source failures are in the output, exit 0.
 */
export type OnceResult =
	| {readonly output: string; readonly exitCode: 0}
	| {readonly problem: string; readonly exitCode: 1};

export async function runOnce(
	config: Config,
	aws: AwsSettings,
	region: string,
): Promise<OnceResult> {
	const now = Date.now();
	const store = new SnapshotStore(initialSnapshot(config, now, region), deriveSnapshot);
	const engine = new Engine({config, store, aws, sources: defaultSources});
	try {
		const snapshot = await engine.snapshotOnce();
		const failure = startupFailure(snapshot);
		if (failure !== undefined) {
			return {problem: startupFailureText(failure.error), exitCode: 1};
		}
		const output =
			config.output === 'json' ? jsonSnapshot(snapshot) : textSummary(snapshot, Date.now());
		return {output, exitCode: 0};
	} finally {
		await engine.stop();
	}
}
