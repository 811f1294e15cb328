// Rule 3a: one source probing many ports or addresses, rejected or not. Blocked probing is
// background noise worth knowing about; probing that got answers on unexpected ports is not.
import type {Snapshot} from '../../snapshot.js';
import {listenersByPort, loadBalancerSubnets} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural} from '../format.js';
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

export function sourceScans(snapshot: Snapshot): DraftFinding[] {
	const listeners = listenersByPort(snapshot.topology);
	return sourceProfiles(snapshot)
		.filter((profile) => isScan(profile))
		.map((profile) => {
			const ports = [...profile.ports].sort((a, b) => a - b);
			const answered = [...profile.acceptedPorts]
				.filter((port) => !listeners.has(port))
				.sort((a, b) => a - b);
			const reach =
				profile.addresses.size >= scanMinDistinctAddresses
					? `${plural(profile.addresses.size, 'address', 'addresses')} and ${plural(ports.length, 'port')}`
					: plural(ports.length, 'port');
			const outcome =
				answered.length > 0
					? `answered on ${listNames(answered.map(String), maxNamesInTitle)}`
					: 'all outside the listeners rejected or unanswered';
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
					: `Nothing outside the listeners answered; if the scan continues or grows, ${block}`;
			return draft({
				rule: 'source-scan',
				key: profile.addr,
				severity: answered.length > 0 ? 'warning' : 'info',
				confidence: profile.connections.length > 0 ? 'high' : 'medium',
				title,
				since: profile.firstSeen === undefined ? undefined : profile.firstSeen * 1000,
				evidence,
				next,
			});
		});
}
