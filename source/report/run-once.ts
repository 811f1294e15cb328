// `--once` / `--json` and non-interactive terminals: one snapshot, printed, then exit.
import type {AwsSettings} from '../aws/clients.js';
import type {Config} from '../domain/config.js';
import type {Snapshot} from '../domain/snapshot.js';
import {deriveSnapshot} from '../live/derive.js';
import {Engine} from '../live/engine.js';
import {initialSnapshot} from '../live/initial-snapshot.js';
import {defaultSources} from '../live/sources.js';
import {SnapshotStore} from '../live/store.js';
import {jsonSnapshot} from './json-snapshot.js';
import {textSummary} from './text-summary.js';

export type OnceResult = {
	readonly output: string;
	readonly exitCode: 0 | 1;
	readonly problem?: string;
};

/** Exit 1 when lbtop could not even find the load balancer; per-source failures are in the output. */
function problemOf(snapshot: Snapshot): string | undefined {
	const discovery = snapshot.sources.discovery;
	if (snapshot.topology === undefined && discovery.error) {
		return `${discovery.error.message}\n  ${discovery.error.hint}`;
	}
	return undefined;
}

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
		const output =
			config.output === 'json' ? jsonSnapshot(snapshot) : textSummary(snapshot, Date.now());
		const problem = problemOf(snapshot);
		return {output, exitCode: problem ? 1 : 0, ...(problem ? {problem} : {})};
	} finally {
		await engine.stop();
	}
}
