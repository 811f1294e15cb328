// Rule 3c: sources trying ports the LB does not listen on, below the scan threshold. On any
// internet-facing LB this is background: each is stated once, together, as info (what was tried,
// where it was rejected, "no action needed"). A probe becomes a warning of its own when something
// answered it, or when it comes from inside the network to an internal LB and reached a listener.
import type {Snapshot} from '../../snapshot.js';
import {loadBalancerSubnets} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural} from '../format.js';
import {answeredPorts, guardPhrase, probedPorts, reachedListeners} from '../probe-guard.js';
import {type SourceProfile, sourceProfiles} from '../source-profiles.js';
import {maxEvidenceRows, maxNamesInTitle} from '../thresholds.js';
import {isScan} from './source-scan.js';

/** Ports listed in a title: enough to recognise the pattern (22, 23, 3389...). */
const maxPortsInTitle = 6;

export const sourceProbesRule: FindingRule = {
	name: 'source-probes',
	evaluate: (snapshot) => sourceProbes(snapshot),
};

function evidenceOf(profiles: readonly SourceProfile[]): EvidenceRef[] {
	return [
		...profiles
			.filter((profile) => profile.rejectedFlows > 0)
			.slice(0, maxEvidenceRows)
			.map((profile) => ({kind: 'rejected-source' as const, addr: profile.addr})),
		...profiles
			.flatMap((profile) => profile.connections)
			.slice(0, maxEvidenceRows)
			.map((connection) => ({kind: 'connection' as const, id: connection.id})),
	];
}

function timeOf(profiles: readonly SourceProfile[]): {since?: number; lastSeen?: number} {
	const firsts = profiles.flatMap((profile) =>
		profile.firstSeen === undefined ? [] : [profile.firstSeen],
	);
	const lasts = profiles.flatMap((profile) =>
		profile.lastSeen === undefined ? [] : [profile.lastSeen],
	);
	return {
		...(firsts.length > 0 ? {since: Math.min(...firsts) * 1000} : {}),
		...(lasts.length > 0 ? {lastSeen: Math.max(...lasts) * 1000} : {}),
	};
}

function escalated(snapshot: Snapshot, profile: SourceProfile): DraftFinding {
	const probed = probedPorts(snapshot, profile);
	const answered = answeredPorts(snapshot, profile);
	const reached = reachedListeners(snapshot, profile);
	const outcome =
		answered.length > 0
			? `answered on ${listNames(answered.map(String), maxNamesInTitle)}, where no listener or target port is`
			: `it reached listener ${listNames(reached.map(String), maxNamesInTitle)} of this internal LB`;
	return draft({
		rule: 'source-probe',
		key: profile.addr,
		severity: 'warning',
		confidence: profile.connections.length > 0 ? 'high' : 'medium',
		title:
			`Probe from ${profile.addr}: ports ${listNames(probed.map(String), maxPortsInTitle)} rejected at the LB ` +
			`(${plural(profile.rejectedFlows, 'rejected flow')}), and ${outcome}`,
		...timeOf([profile]),
		evidence: evidenceOf([profile]),
		next:
			answered.length > 0
				? `Find what answers on ${answered.join(', ')} and close it; then deny ${profile.addr}/32 in the network ACL of the LB's subnets if it continues`
				: `${profile.addr} is inside your network or a peered one: find the host and why it probes ports on the LB`,
	});
}

export function sourceProbes(snapshot: Snapshot): DraftFinding[] {
	const internal = snapshot.topology?.scheme === 'internal';
	const probers = sourceProfiles(snapshot).filter(
		(profile) => !isScan(profile) && probedPorts(snapshot, profile).length > 0,
	);
	const loud = probers.filter(
		(profile) =>
			answeredPorts(snapshot, profile).length > 0 ||
			(internal && reachedListeners(snapshot, profile).length > 0),
	);
	const quiet = probers
		.filter((profile) => !loud.includes(profile))
		.sort((a, b) => b.rejectedFlows - a.rejectedFlows || a.addr.localeCompare(b.addr));
	const findings = loud.map((profile) => escalated(snapshot, profile));
	const [first] = quiet;
	if (first === undefined) {
		return findings;
	}

	const ports = [...new Set(quiet.flatMap((profile) => probedPorts(snapshot, profile)))].sort(
		(a, b) => a - b,
	);
	const flows = quiet.reduce((sum, profile) => sum + profile.rejectedFlows, 0);
	const who =
		quiet.length === 1
			? `Probe from ${first.addr}`
			: `Probes from ${plural(quiet.length, 'source')}`;
	const amount = flows > 0 ? `${plural(flows, 'rejected flow')}, ` : '';
	const subnets = loadBalancerSubnets(snapshot.topology);
	return [
		...findings,
		draft({
			rule: 'source-probes',
			key: 'lb',
			severity: 'info',
			confidence: 'high',
			title:
				`${who} of ports with no listener (${listNames(ports.map(String), maxPortsInTitle)}): ` +
				`${amount}all REJECTed at the LB (${guardPhrase(snapshot, quiet)}); no action needed`,
			...timeOf(quiet),
			evidence: evidenceOf(quiet),
			next:
				`Nothing answered: the LB turns away what it does not serve. No action needed; if one source grows into a scan, ` +
				`deny it in the network ACL of the LB's subnets ${subnets.join(', ')}`.trim(),
		}),
	];
}
