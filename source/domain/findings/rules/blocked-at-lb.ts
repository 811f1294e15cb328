// Rule 2: REJECTs logged on the LB's own interfaces for a listener port. The traffic never reached
// the LB: its security group (when it has one) or its subnet's network ACL said no, and the rules
// discovery read say which. Evidence is the rows (with tcp-flags where the format has them) and the
// exact aggregates of the window (rejected sources the rules deny; counts against the port's own
// accepted traffic).
import type {Snapshot} from '../../snapshot.js';
import {listenerPortLabel, loadBalancerSubnets} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import type {SourceAggregate} from '../../types/flows.js';
import type {ListenerInfo} from '../../types/topology.js';
import {type Blame, blameRejection, type Control, controlKey} from '../blame.js';
import {controlName, denialText} from '../control-text.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {clearThrough, legsTime, rulesAllowNow} from '../evidence-time.js';
import {strengthText, type Weight, weigh} from '../evidence-weight.js';
import {listNames, plural} from '../format.js';
import {loadBalancerConnections, type Rejection, rejectionsOf} from '../rejections.js';
import {
	lateRejectShare,
	lbRejectCriticalShare,
	lbRejectMinFlows,
	maxEvidenceRows,
	maxNamesInTitle,
} from '../thresholds.js';

export const blockedAtLbRule: FindingRule = {
	name: 'blocked-at-lb',
	evaluate: (snapshot) => blockedAtLb(snapshot),
};

export function blockedAtLb(snapshot: Snapshot): DraftFinding[] {
	const frontend = rejectionsOf(snapshot).filter((rejection) => rejection.where === 'frontend');
	return (snapshot.topology?.listeners ?? []).flatMap((listener) =>
		findingForListener(
			snapshot,
			listener,
			frontend.filter((rejection) => rejection.leg.dstPort === listener.port),
		),
	);
}

function listenerProtocol(listener: ListenerInfo): number {
	return listener.protocol.toUpperCase() === 'UDP' ? 17 : 6;
}

/** The rules' verdict on a source the aggregates saw rejected at the LB, on any of its subnets. */
function sourceBlame(snapshot: Snapshot, listener: ListenerInfo, addr: string): Blame {
	const topology = snapshot.topology;
	const blames = loadBalancerSubnets(topology).map((subnetId) =>
		blameRejection(
			topology,
			{side: 'lb', subnetId, groupIds: topology?.securityGroups ?? []},
			{
				rejected: 'request',
				direction: 'inbound',
				packet: {protocol: listenerProtocol(listener), peer: addr, port: listener.port},
			},
		),
	);
	return (
		blames.find((blame) => blame.basis === 'rules') ?? blames[0] ?? {controls: [], basis: 'unknown'}
	);
}

type Evidence = {
	readonly rows: readonly Rejection[];
	readonly sources: readonly SourceAggregate[];
	readonly blames: readonly Blame[];
	readonly rejectedFlows: number;
	readonly acceptedFlows: number;
};

function weightOf(snapshot: Snapshot, evidence: Evidence): Weight {
	const rows = weigh(evidence.rows, loadBalancerConnections(snapshot).length);
	if (rows === 'fires' || evidence.blames.some((blame) => blame.basis === 'rules')) {
		return 'fires';
	}

	const {rejectedFlows, acceptedFlows} = evidence;
	const background = lateRejectShare * acceptedFlows;
	if (rejectedFlows >= Math.max(lbRejectMinFlows, background)) {
		return 'fires';
	}

	// Aggregates alone carry no times or directions: below the floor they say nothing.
	return rows;
}

/** The control most of the evidence points at, with the basis it rests on. */
function dominant(blames: readonly Blame[]): {controls: readonly Control[]; ruled: boolean} {
	const ruled = blames.filter((blame) => blame.basis === 'rules' || blame.basis === 'stateless');
	const pool = ruled.length > 0 ? ruled : blames;
	const counts = new Map<string, {blame: Blame; count: number}>();
	for (const blame of pool) {
		const key = blame.controls.map(controlKey).join('+');
		const known = counts.get(key);
		counts.set(key, {blame, count: (known?.count ?? 0) + 1});
	}

	const top = [...counts.values()].sort((a, b) => b.count - a.count)[0];
	return {controls: top?.blame.controls ?? [], ruled: ruled.length > 0};
}

function findingForListener(
	snapshot: Snapshot,
	listener: ListenerInfo,
	rows: readonly Rejection[],
): DraftFinding[] {
	const port = listener.port;
	const aggregates = snapshot.flows?.aggregates;
	const sources = (aggregates?.rejectedSources ?? [])
		.filter((source) => source.where === 'lb' && source.ports.includes(port))
		.sort((a, b) => b.flows - a.flows || a.addr.localeCompare(b.addr));
	const sourceBlames = sources.map((source) => sourceBlame(snapshot, listener, source.addr));
	const portRejects = aggregates?.rejectedPorts.find(
		(entry) => entry.port === port && entry.where === 'lb',
	)?.flows;
	const connections = [...new Set(rows.map((rejection) => rejection.connection))];
	const evidence: Evidence = {
		rows,
		sources,
		blames: [...rows.map((rejection) => rejection.blame), ...sourceBlames],
		rejectedFlows: Math.max(
			portRejects ?? sources.reduce((sum, source) => sum + source.flows, 0),
			connections.length,
		),
		acceptedFlows:
			aggregates?.acceptedPorts.find((entry) => entry.port === port && entry.where !== 'target')
				?.flows ?? 0,
	};
	const weight = weightOf(snapshot, evidence);
	if (weight === 'none') {
		return [];
	}

	const addresses =
		sources.length > 0
			? sources.map((source) => source.addr)
			: [...new Set(connections.map((connection) => connection.clientAddr))];
	// Every number in the title is the sum of what the evidence rows show.
	const amount =
		sources.length > 0
			? plural(
					sources.reduce((sum, source) => sum + source.flows, 0),
					'rejected flow',
				)
			: plural(connections.length, 'rejected connection');
	const label = listenerPortLabel(listener, port);
	const {controls, ruled} = dominant(evidence.blames);
	const reply =
		rows.length > 0 && rows.every((rejection) => rejection.rejection.direction === 'reply');
	const guard = guardText(snapshot, controls, ruled);
	const who = listNames(addresses, maxNamesInTitle);
	const head = reply
		? `Replies on ${label} (${listener.protocol} listener) rejected at the LB's interface`
		: `Blocked at the LB on ${label} (${listener.protocol} listener)`;
	const traffic = reply ? `${amount} to ${who}` : `${amount} from ${who}`;
	// The control that denies it comes before the list of clients, which a one-line title may cut.
	const title = ruled
		? `${head}: ${guard}; ${traffic}`
		: `${head}: ${traffic} on the LB's interfaces (${guard})`;
	const legs = rows.map((rejection) => rejection.leg);
	const time = legsTime(legs);
	const share = evidence.rejectedFlows / (evidence.rejectedFlows + evidence.acceptedFlows);
	const refs: EvidenceRef[] = [
		...addresses
			.slice(0, maxEvidenceRows)
			.map((addr) => ({kind: 'rejected-source' as const, addr})),
		...connections
			.slice(0, maxEvidenceRows)
			.map((connection) => ({kind: 'connection' as const, id: connection.id})),
	];
	const groups = snapshot.topology?.securityGroups ?? [];
	const subnets = loadBalancerSubnets(snapshot.topology);
	const strength =
		rows.length > 0 ? ` ${strengthText(rows, loadBalancerConnections(snapshot).length)}` : '';
	return [
		draft({
			rule: 'blocked-at-lb',
			key: `${listener.protocol.toLowerCase()}/${port}`,
			severity:
				weight === 'possible' ? 'info' : share >= lbRejectCriticalShare ? 'critical' : 'warning',
			confidence:
				weight === 'possible'
					? 'low'
					: ruled || rows.some((rejection) => rejection.evidence === 'certain')
						? 'high'
						: 'medium',
			title: weight === 'possible' ? `Possible block: ${title}` : title,
			since: time.since,
			sinceFromRows: time.sinceFromRows,
			lastSeen: time.lastSeen,
			clearThrough: clearThrough(snapshot, legs, 'frontend', port),
			rulesAllowNow: rulesAllowNow(
				snapshot,
				rows.map((rejection) => rejection.blame.basis),
				time.lastSeen,
			),
			evidence: refs,
			next: `${nextStep(snapshot, controls, ruled, who, label)}${strength}`,
			relatedResources: [snapshot.topology?.arn, ...groups, ...subnets],
			networkAclChanges: true,
			deniesTraffic: true,
		}),
	];
}

function guardText(snapshot: Snapshot, controls: readonly Control[], ruled: boolean): string {
	if (ruled && controls.length > 0) {
		return controls.map((control) => denialText(snapshot.topology, control)).join(' and ');
	}

	const groups = snapshot.topology?.securityGroups ?? [];
	return groups.length > 0
		? `security group ${groups.join(', ')} or subnet network ACL`
		: 'subnet network ACL';
}

function nextStep(
	snapshot: Snapshot,
	controls: readonly Control[],
	ruled: boolean,
	who: string,
	label: string,
): string {
	const topology = snapshot.topology;
	const [control] = controls;
	if (ruled && control?.kind === 'network-acl') {
		const below = control.entry === undefined ? '' : ` numbered below ${control.entry.ruleNumber}`;
		const way =
			control.direction === 'outbound'
				? `outbound tcp 1024-65535 to ${who}`
				: `inbound ${label} from ${who}`;
		return `${controlName(topology, control)} must allow ${way}${below}${control.entry === undefined ? '' : `, or rule ${control.entry.ruleNumber} must go`}; network ACLs are stateless, so the replies need outbound 1024-65535 too.`;
	}

	if (ruled && control?.kind === 'security-group') {
		return `${controlName(topology, control)} has no inbound rule allowing ${who} on ${label}: add one if these clients are expected (see Changes for who removed it).`;
	}

	const groups = topology?.securityGroups ?? [];
	const subnets = loadBalancerSubnets(topology);
	const acl =
		`the network ACLs of the LB's subnets${subnets.length > 0 ? ` ${subnets.join(', ')}` : ''} ` +
		`(inbound ${label} from ${who}, outbound ephemeral ports 1024-65535 back to them)`;
	if (groups.length === 0) {
		return `The LB has no security group, so check ${acl}.`;
	}

	return `Check the LB's security group ${groups.join(', ')} inbound rules allow ${who} on ${label}, and ${acl}.`;
}
