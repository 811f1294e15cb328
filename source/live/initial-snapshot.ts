import type {Config} from '../domain/config.js';
import {type Snapshot, type SourceState, snapshotSchemaVersion} from '../domain/snapshot.js';

const pending: SourceState = {status: 'pending'};

/** What the screen shows before any source has answered: nothing invented, everything pending. */
export function initialSnapshot(config: Config, now: number, region: string): Snapshot {
	return {
		schemaVersion: snapshotSchemaVersion,
		generatedAt: now,
		region,
		target: config.target ?? '',
		window: {start: now - config.windowMs, end: now},
		paused: false,
		sources: {
			identity: pending,
			discovery: pending,
			flows: pending,
			metrics: pending,
			changes: pending,
		},
		findings: [],
		cost: {queries: 0, bytesScanned: 0, usdPerGb: insightsUsdPerGb, usd: 0},
	};
}

// Logs Insights list price in us-east-1; other regions differ slightly, and the screen says "≈".
export const insightsUsdPerGb = 0.005;
