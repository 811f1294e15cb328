// Rule 2: REJECTs logged on the LB's own interfaces for a listener port. The traffic never
// reached the LB: its security group (when it has one) or its subnet's network ACL said no.
import type {Snapshot} from '../../snapshot.js';
import {listenerPortLabel, loadBalancerSubnets} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import type {ListenerInfo} from '../../types/topology.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural} from '../format.js';
import {
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
	const listeners = snapshot.topology?.listeners ?? [];
	return listeners.flatMap((listener) => findingForListener(snapshot, listener));
}

function findingForListener(snapshot: Snapshot, listener: ListenerInfo): DraftFinding[] {
	const port = listener.port;
	const aggregates = snapshot.flows?.aggregates;
	const sources = (aggregates?.rejectedSources ?? [])
		.filter((source) => source.where === 'lb' && source.ports.includes(port))
		.sort((a, b) => b.flows - a.flows || a.addr.localeCompare(b.addr));
	const connections = (snapshot.flows?.connections ?? []).filter(
		(connection) =>
			connection.frontend?.action === 'REJECT' &&
			(connection.listenerPort ?? connection.frontend.dstPort) === port,
	);
	const portRejects = aggregates?.rejectedPorts.find(
		(entry) => entry.port === port && entry.where === 'lb',
	)?.flows;
	const rejectedFlows = Math.max(
		portRejects ?? sources.reduce((sum, source) => sum + source.flows, 0),
		connections.length,
	);
	if (rejectedFlows < lbRejectMinFlows) {
		return [];
	}

	const acceptedFlows =
		aggregates?.acceptedPorts.find((entry) => entry.port === port && entry.where !== 'target')
			?.flows ?? 0;
	const rejectedShare = rejectedFlows / (rejectedFlows + acceptedFlows);
	const addresses =
		sources.length > 0
			? sources.map((source) => source.addr)
			: [...new Set(connections.map((connection) => connection.clientAddr))];
	const label = listenerPortLabel(listener, port);
	const groups = snapshot.topology?.securityGroups ?? [];
	const subnets = loadBalancerSubnets(snapshot.topology);
	const guard =
		groups.length > 0
			? `security group ${groups.join(', ')} or subnet network ACL`
			: 'subnet network ACL';
	const title =
		`Blocked at the LB on ${label} (${listener.protocol} listener): ${plural(rejectedFlows, 'rejected flow')} ` +
		`from ${listNames(addresses, maxNamesInTitle)} on the LB's interfaces (${guard})`;

	const evidence: EvidenceRef[] = [
		...addresses
			.slice(0, maxEvidenceRows)
			.map((addr) => ({kind: 'rejected-source' as const, addr})),
		...connections
			.slice(0, maxEvidenceRows)
			.map((connection) => ({kind: 'connection' as const, id: connection.id})),
	];
	const starts = connections.map((connection) => connection.frontend?.start ?? connection.start);

	return [
		draft({
			rule: 'blocked-at-lb',
			key: `${listener.protocol.toLowerCase()}/${port}`,
			severity: rejectedShare >= lbRejectCriticalShare ? 'critical' : 'warning',
			confidence: sources.length > 0 || connections.length > 0 ? 'high' : 'medium',
			title,
			since: starts.length > 0 ? Math.min(...starts) * 1000 : undefined,
			evidence,
			next: nextStep(groups, subnets, addresses, label),
			relatedResources: [snapshot.topology?.arn, ...groups, ...subnets],
			networkAclChanges: true,
		}),
	];
}

function nextStep(
	groups: readonly string[],
	subnets: readonly string[],
	addresses: readonly string[],
	label: string,
): string {
	const who = listNames(addresses, maxNamesInTitle);
	const acl =
		`the network ACLs of the LB's subnets${subnets.length > 0 ? ` ${subnets.join(', ')}` : ''} ` +
		`(inbound ${label} from ${who}, outbound ephemeral ports 1024-65535 back to them)`;
	if (groups.length === 0) {
		return `The LB has no security group, so check ${acl}`;
	}

	return `Check the LB's security group ${groups.join(', ')} inbound rules allow ${who} on ${label}, and ${acl}`;
}
