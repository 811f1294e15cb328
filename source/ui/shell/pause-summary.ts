// What pausing holds back: the screen keeps the snapshot of the moment `p` was pressed while the
// engine keeps collecting, so the banner says how much newer data is waiting.
import type {Snapshot} from '../../domain/snapshot.js';
import {formatClock, formatDuration} from '../format.js';
import type {TimeZoneMode} from '../pane-types.js';

export type PauseSummary = {
	/** How much newer the live snapshot is than the one on screen. */
	readonly heldBackMs: number;
	readonly newFindings: number;
};

export function pauseSummary(frozen: Snapshot, live: Snapshot): PauseSummary {
	const shown = new Set(frozen.findings.map((finding) => finding.id));
	return {
		heldBackMs: live === frozen ? 0 : Math.max(0, live.generatedAt - frozen.generatedAt),
		newFindings: live.findings.filter((finding) => !shown.has(finding.id)).length,
	};
}

export function pauseText(
	frozen: Snapshot,
	live: Snapshot,
	timeZone: TimeZoneMode,
	separator: string,
): string {
	const summary = pauseSummary(frozen, live);
	const parts = [`PAUSED at ${formatClock(frozen.generatedAt, timeZone)}`];
	parts.push(
		summary.heldBackMs > 0
			? `holding back ${formatDuration(summary.heldBackMs)} of updates`
			: 'nothing newer yet',
	);
	if (summary.newFindings > 0) {
		parts.push(`${summary.newFindings} new finding${summary.newFindings === 1 ? '' : 's'}`);
	}
	parts.push('p resumes');
	return parts.join(separator);
}
