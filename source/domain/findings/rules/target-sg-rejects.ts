// Rule 1, the documented NLB signature (seed 000): the LB's interface logs ACCEPT for the frontend
// and backend legs while the target's interface logs REJECT. The target's security group (or
// its subnet's network ACL) does not allow the source the target sees: the client when client
// IP preservation is on, the LB's private address when it is off.
import type {Snapshot} from '../../snapshot.js';
import {
	findTarget,
	loadBalancerAddresses,
	loadBalancerPrivateIps,
	securityGroupLabel,
	type TargetRef,
	targetLabel,
} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import type {Connection} from '../../types/flows.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural, protocolName, unique} from '../format.js';
import {maxEvidenceRows, maxNamesInTitle, targetRejectMinConnections} from '../thresholds.js';

export const targetSgRejectsRule: FindingRule = {
	name: 'target-sg-rejects',
	evaluate: (snapshot) => targetSgRejects(snapshot),
};

type Rejection = {readonly connection: Connection; readonly ref: TargetRef | undefined};

export function targetSgRejects(snapshot: Snapshot): DraftFinding[] {
	const rejections = (snapshot.flows?.connections ?? []).flatMap((connection): Rejection[] => {
		const view = connection.targetView;
		const lbLegs = [connection.frontend, connection.backend].filter((leg) => leg !== undefined);
		if (
			view?.action !== 'REJECT' ||
			lbLegs.length === 0 ||
			lbLegs.some((leg) => leg.action !== 'ACCEPT')
		) {
			return [];
		}

		const ref = findTarget(snapshot.topology, {
			addr: view.dstAddr,
			port: view.dstPort,
			interfaceId: view.interfaceId,
		});
		return [{connection, ref}];
	});

	const byGuard = new Map<string, Rejection[]>();
	for (const rejection of rejections) {
		const key = guardKey(rejection);
		const group = byGuard.get(key);
		if (group === undefined) {
			byGuard.set(key, [rejection]);
		} else {
			group.push(rejection);
		}
	}

	return [...byGuard.entries()]
		.filter(([, group]) => group.length >= targetRejectMinConnections)
		.map(([key, group]) => findingFor(snapshot, key, group));
}

/** Targets behind the same security groups share one cause, so they share one finding. */
function guardKey({connection, ref}: Rejection): string {
	if (ref !== undefined && ref.target.securityGroups.length > 0) {
		return [...ref.target.securityGroups].sort().join('+');
	}

	return `target/${connection.targetView?.dstAddr ?? connection.targetAddr ?? 'unknown'}`;
}

function findingFor(snapshot: Snapshot, key: string, group: readonly Rejection[]): DraftFinding {
	const topology = snapshot.topology;
	const refs = uniqueRefs(group);
	const lbAddresses = loadBalancerAddresses(topology);
	const peers = unique(
		group.map(({connection}) => connection.targetView?.srcAddr ?? connection.clientAddr),
	);
	const seesLoadBalancer = peers.length > 0 && peers.every((peer) => lbAddresses.has(peer));
	const securityGroups = unique(refs.flatMap(({target}) => target.securityGroups));
	const ports = unique(
		group.map(({connection}) => {
			const view = connection.targetView;
			return `${protocolName(connection.protocol)}/${view?.dstPort ?? connection.targetPort ?? '?'}`;
		}),
	);
	const targetNames =
		refs.length > 0
			? refs.map((ref) => targetLabel(ref))
			: unique(
					group.map(
						({connection}) => connection.targetView?.dstAddr ?? connection.targetAddr ?? '?',
					),
				);
	const sgText =
		securityGroups.length > 0
			? ` (${securityGroups.map((id) => securityGroupLabel(topology, id)).join(', ')})`
			: '';
	const who = seesLoadBalancer ? "the LB's address" : 'client IPs';
	// The cause first: an 80-column findings line shows the start; the drill-down shows the rest.
	const title =
		`Target SG${sgText} rejects ${who}: ACCEPT at LB, REJECT at target on ${ports.join(', ')} · ` +
		`${plural(group.length, 'connection')} to ${listNames(targetNames, maxNamesInTitle)} ` +
		`from ${listNames(peers, maxNamesInTitle)}`;

	const evidence: EvidenceRef[] = [
		...refs.map(({group: targetGroup, target}) => ({
			kind: 'target' as const,
			targetGroupArn: targetGroup.arn,
			id: target.id,
		})),
		...group
			.slice(0, maxEvidenceRows)
			.map(({connection}) => ({kind: 'connection' as const, id: connection.id})),
	];
	const starts = group.map(({connection}) => connection.targetView?.start ?? connection.start);
	const exact = group.every(({connection}) => connection.kind === 'exact');

	return draft({
		rule: 'target-sg-rejects',
		key,
		severity: 'critical',
		confidence: exact && refs.length > 0 ? 'high' : 'medium',
		title,
		since: Math.min(...starts) * 1000,
		evidence,
		next: nextStep(snapshot, refs, securityGroups, peers, ports, seesLoadBalancer),
		relatedResources: [
			...securityGroups,
			...refs.flatMap(({target, group: targetGroup}) => [
				target.id,
				target.interfaceId,
				target.subnetId,
				targetGroup.arn,
			]),
		],
		networkAclChanges: true,
	});
}

function nextStep(
	snapshot: Snapshot,
	refs: readonly TargetRef[],
	securityGroups: readonly string[],
	peers: readonly string[],
	ports: readonly string[],
	seesLoadBalancer: boolean,
): string {
	const topology = snapshot.topology;
	const guard =
		securityGroups.length > 0 ? securityGroups.join(', ') : "the targets' security groups";
	const lbGroups = topology?.securityGroups ?? [];
	const subnets = unique(
		refs.flatMap(({target}) => (target.subnetId === undefined ? [] : [target.subnetId])),
	);
	const acl =
		subnets.length > 0
			? `; also check the network ACL of ${subnets.join(', ')} (the targets' subnets)`
			: "; also check the network ACL of the targets' subnets";
	const groupNames = unique(refs.map(({group}) => group.name));
	const portText = ports.join(', ');

	if (seesLoadBalancer) {
		const lbIps = loadBalancerPrivateIps(topology);
		const reference =
			lbGroups.length > 0 ? `, or reference the LB's security group ${lbGroups.join(', ')}` : '';
		return (
			`Check ${guard} inbound rules allow the LB's private IPs ${listNames(lbIps, 6)} on ${portText}` +
			`${reference} (client IP preservation is off for ${listNames(groupNames, 3) || 'the target group'})${acl}`
		);
	}

	const reference =
		lbGroups.length > 0 ? `, or reference the NLB's security group ${lbGroups.join(', ')}` : '';
	const preserving = refs.some(({group}) => group.preserveClientIp)
		? ` (client IP preservation is on for ${listNames(groupNames, 3)}, so targets see client addresses)`
		: '';
	return (
		`Check ${guard} inbound rules allow ${listNames(peers, maxNamesInTitle)} on ${portText}` +
		`${reference}${preserving}${acl}`
	);
}

function uniqueRefs(group: readonly Rejection[]): TargetRef[] {
	const seen = new Map<string, TargetRef>();
	for (const {ref} of group) {
		if (ref !== undefined) {
			seen.set(`${ref.group.arn}|${ref.target.id}|${ref.target.port}`, ref);
		}
	}

	return [...seen.values()];
}
