// Rule 3a: one source probing many ports or addresses, rejected or not. Blocked probing is
// background noise worth knowing about (info); probing that got answers on unexpected ports, or
// that reached a listener of an internal LB (so it comes from inside the network), is not.
import type {Snapshot} from '../../snapshot.js';
import {loadBalancerSubnets} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural} from '../format.js';
import {answeredPorts, guardPhrase, reachedListeners} from '../probe-guard.js';
import {type SourceProfile, sourceProfiles} from '../source-profiles.js';
import {
	maxEvidenceRows,
	maxNamesInTitle,
	scanMinDistinctAddresses,
	scanMinDistinctPorts,
} from '../thresholds.js';

/** Ports listed in a scan title: enough to recognise the pattern (22, 23, 80, 443...). */
const maxPortsInTitle = 6;

export const sourceScanRule: FindingRule = {
	name: 'source-scan',
	evaluate: (snapshot) => sourceScans(snapshot),
};

export function isScan(profile: SourceProfile): boolean {
	return (
		profile.ports.size >= scanMinDistinctPorts || profile.addresses.size >= scanMinDistinctAddresses
	);
}

/**
 * A scan is connections the source opened: REJECTs of what it sent, or rows where it is the client.
 * A source seen only sending accepted records, with neither, is answering conversations others
 * began (a target deregistered since discovery still replies to its clients' ephemeral ports).
 */
function probedAnything(profile: SourceProfile): boolean {
	return profile.rejectedFlows > 0 || profile.connections.length > 0;
}

export function sourceScans(snapshot: Snapshot): DraftFinding[] {
	const internal = snapshot.topology?.scheme === 'internal';
	return sourceProfiles(snapshot)
		.filter((profile) => isScan(profile) && probedAnything(profile))
		.map((profile) => {
			const ports = [...profile.ports].sort((a, b) => a - b);
			const answered = answeredPorts(snapshot, profile);
			const inside = internal ? reachedListeners(snapshot, profile) : [];
			const reach =
				profile.addresses.size >= scanMinDistinctAddresses
					? `${plural(profile.addresses.size, 'address', 'addresses')} and ${plural(ports.length, 'port')}`
					: plural(ports.length, 'port');
			const where =
				profile.rejectedAt.has('target') && !profile.rejectedAt.has('lb')
					? "the targets' interfaces"
					: 'the LB';
			const outcome =
				answered.length > 0
					? `answered on ${listNames(answered.map(String), maxNamesInTitle)}`
					: inside.length > 0
						? `reached listener ${listNames(inside.map(String), maxNamesInTitle)} of this internal LB`
						: `all outside the listeners rejected at ${where} (${guardPhrase(snapshot, [profile]) || 'no answer'}); no action needed`;
			const title =
				`Scan from ${profile.addr}: ${reach} ${listNames(ports.map(String), maxPortsInTitle)}; ` +
				`${plural(profile.rejectedFlows, 'rejected flow')}; ${outcome}`;
			const evidence: EvidenceRef[] = [
				...(profile.rejectedFlows > 0
					? [{kind: 'rejected-source' as const, addr: profile.addr}]
					: []),
				...profile.connections.slice(0, maxEvidenceRows).map((connection) => ({
					kind: 'connection' as const,
					id: connection.id,
				})),
			];
			const subnets = loadBalancerSubnets(snapshot.topology);
			const block =
				`deny ${profile.addr}/32 in the network ACL of the LB's subnets ${subnets.join(', ')}`.trim();
			const next =
				answered.length > 0
					? `Find what answers on ${answered.join(', ')} (these are not listener ports) and close it; if the scan continues, ${block}`
					: inside.length > 0
						? `${profile.addr} is inside your network or a peered one: find the host and why it scans; ${block}`
						: `Nothing outside the listeners answered: no action needed; if the scan continues or grows, ${block}`;
			return draft({
				rule: 'source-scan',
				key: profile.addr,
				severity: answered.length > 0 || inside.length > 0 ? 'warning' : 'info',
				confidence: profile.connections.length > 0 ? 'high' : 'medium',
				title,
				since: profile.firstSeen === undefined ? undefined : profile.firstSeen * 1000,
				lastSeen: profile.lastSeen === undefined ? undefined : profile.lastSeen * 1000,
				evidence,
				next,
			});
		});
}
