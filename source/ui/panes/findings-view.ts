// Which findings the findings line lists: all of them, most severe first. No filter applies to
// them: `/` narrows the pane it was typed in, and a critical finding must never hide behind a
// search for something else.
import type {Finding, FindingSeverity, Snapshot} from '../../domain/snapshot.js';

const severityOrder: Readonly<Record<FindingSeverity, number>> = {critical: 0, warning: 1, info: 2};

/** The order the pane lists findings in (and the order `selected` indexes). */
export function findingsInOrder(findings: readonly Finding[]): Finding[] {
	return [...findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

export function findingsInView(snapshot: Pick<Snapshot, 'findings'>): Finding[] {
	return findingsInOrder(snapshot.findings);
}
