// Rule 3b: a source absent from the earlier part of the window that now sends a large share of the
// connections. New clients are normal on a public LB; a new heavy hitter is worth a look.
import type {Snapshot} from '../../snapshot.js';
import type {Connection} from '../../types/flows.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {plural, utcTime} from '../format.js';
import {sourceProfiles} from '../source-profiles.js';
import {
	maxEvidenceRows,
	newSourceBaselineMinConnections,
	newSourceMinConnections,
	newSourceMinShare,
	newSourceRecentMs,
} from '../thresholds.js';
import {isScan} from './source-scan.js';

export const newSourceRule: FindingRule = {
	name: 'new-source',
	evaluate: (snapshot) => newSources(snapshot),
};

export function newSources(snapshot: Snapshot, now?: number): DraftFinding[] {
	const connections = snapshot.flows?.connections ?? [];
	// Flow records arrive minutes late, so "recent" is measured from the newest data, not the clock
	// (read only when the data does not say, so the rule need not rerun as the clock moves).
	const reference = snapshot.flows?.dataThrough ?? now ?? snapshot.generatedAt;
	const recentStart = (reference - newSourceRecentMs) / 1000;
	const baseline = connections.filter((connection) => connection.start < recentStart);
	const recent = connections.filter((connection) => connection.start >= recentStart);
	if (baseline.length < newSourceBaselineMinConnections || recent.length === 0) {
		return [];
	}

	const usual = new Set(baseline.map((connection) => connection.clientAddr));
	const recentBySource = new Map<string, Connection[]>();
	for (const connection of recent) {
		const list = recentBySource.get(connection.clientAddr);
		if (list === undefined) {
			recentBySource.set(connection.clientAddr, [connection]);
		} else {
			list.push(connection);
		}
	}

	return sourceProfiles(snapshot)
		.filter((profile) => !usual.has(profile.addr) && !isScan(profile))
		.flatMap((profile) => {
			const own = recentBySource.get(profile.addr) ?? [];
			const share = own.length / recent.length;
			if (own.length < newSourceMinConnections || share < newSourceMinShare) {
				return [];
			}

			const since = Math.min(...own.map((connection) => connection.start)) * 1000;
			const lastSeen = Math.max(...own.map((connection) => connection.end)) * 1000;
			const rejected = own.filter(
				(connection) =>
					connection.frontend?.action === 'REJECT' || connection.targetView?.action === 'REJECT',
			).length;
			return [
				draft({
					rule: 'new-source',
					key: profile.addr,
					severity: 'info',
					confidence: 'low',
					title:
						`New source ${profile.addr}: ${plural(own.length, 'connection')} since ${utcTime(since)} ` +
						`(${Math.round(share * 100)}% of recent traffic, ${rejected} rejected), not seen earlier in the window`,
					since,
					lastSeen,
					evidence: own
						.slice(0, maxEvidenceRows)
						.map((connection) => ({kind: 'connection', id: connection.id})),
					next: `Check whether ${profile.addr} is a known client (a new office, partner, or load test); if not, watch its share and consider denying it in the LB subnets' network ACL`,
				}),
			];
		});
}
