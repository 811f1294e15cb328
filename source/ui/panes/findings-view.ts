// Which findings the findings pane lists: most severe first, and only those whose title matches
// the filter. The pane says how many the filter hides: a hidden critical finding must not read
// as "no findings".
import type {Finding, FindingSeverity, Snapshot} from '../../domain/snapshot.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import type {PaneView} from './pane-view.js';

const severityOrder: Readonly<Record<FindingSeverity, number>> = {critical: 0, warning: 1, info: 2};

/** The order the pane lists findings in (and the order `selected` indexes). */
export function findingsInOrder(findings: readonly Finding[]): Finding[] {
	return [...findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

export function findingFacts(finding: Finding): RowFacts {
	return {text: [finding.title]};
}

export function findingsInView(snapshot: Pick<Snapshot, 'findings'>, view: PaneView): Finding[] {
	return filterRows(findingsInOrder(snapshot.findings), view.filter, findingFacts);
}
