// Rule 1: traffic the LB forwarded, rejected on its way to or back from a target. The documented
// NLB signature (seed 000) is ACCEPT on the LB's interface and REJECT on the target's: the target's
// security group does not allow the source it sees (the client with client IP preservation on, the
// LB's private address when off). A rejected reply is a network ACL (security groups are stateful),
// and the rules discovery read name the control that denies the rest (blame.ts).
import type {Snapshot} from '../../snapshot.js';
import {
	loadBalancerAddresses,
	type TargetRef,
	targetLabel,
} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import {controlKey} from '../blame.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {clearThrough, legsTime, rulesAllowNow} from '../evidence-time.js';
import {confidenceOf, strengthText, type Weight, weigh} from '../evidence-weight.js';
import {listNames, plural, protocolName, unique} from '../format.js';
import {loadBalancerConnections, type Rejection, rejectionsOf} from '../rejections.js';
import {maxEvidenceRows, maxNamesInTitle} from '../thresholds.js';
import {targetNextStep, targetRuleName, targetTitle} from './target-rejects-text.js';

export const targetRejectsRule: FindingRule = {
	name: 'target-rejects',
	evaluate: (snapshot) => targetRejects(snapshot),
};

export type RejectGroup = {
	readonly key: string;
	readonly rejections: readonly Rejection[];
};

/**
 * Rejections that share a cause share a finding: the controls that deny them, or, while the rules
 * cannot tell, the guard of the interface (the targets' security groups).
 */
function groupKey(rejection: Rejection): string {
	const {blame, target, leg, where} = rejection;
	const prefix = where === 'backend' ? 'lb/' : '';
	if (where === 'target' && target === undefined) {
		return `target/${leg.dstAddr}`;
	}

	const named =
		blame.basis === 'rules' || blame.basis === 'stateless'
			? blame.controls
			: blame.controls.slice(0, 1);
	return `${prefix}${named.map(controlKey).join('+')}`;
}

export function targetRejects(snapshot: Snapshot): DraftFinding[] {
	const groups = new Map<string, Rejection[]>();
	for (const rejection of rejectionsOf(snapshot)) {
		if (rejection.where === 'frontend') {
			continue;
		}

		const key = groupKey(rejection);
		const group = groups.get(key);
		if (group === undefined) {
			groups.set(key, [rejection]);
		} else {
			group.push(rejection);
		}
	}

	const carried = loadBalancerConnections(snapshot);
	return [...groups.entries()].flatMap(([key, rejections]) => {
		const weight = weigh(rejections, carried.length);
		return weight === 'none' ? [] : [findingFor(snapshot, {key, rejections}, weight)];
	});
}

function findingFor(snapshot: Snapshot, group: RejectGroup, weight: Weight): DraftFinding {
	const {rejections} = group;
	const first = rejections[0];
	const connections = unique(rejections.map(({connection}) => connection));
	const lbAddresses = loadBalancerAddresses(snapshot.topology);
	// Clients first: the LB's own address among them is its health checks, rejected alike.
	const peers = unique(
		rejections.map(({leg, where}) => (where === 'backend' ? leg.dstAddr : leg.srcAddr)),
	).sort((a, b) => Number(lbAddresses.has(a)) - Number(lbAddresses.has(b)));
	const refs = targetRefs(rejections);
	const ports = portNames(rejections);
	const targets =
		refs.length > 0
			? unique(refs.map((ref) => targetLabel(ref)))
			: unique(rejections.map(({leg}) => leg.dstAddr));
	const counted = `${plural(connections.length, 'connection')}${connections.length > maxEvidenceRows ? ` (${maxEvidenceRows} listed)` : ''}`;
	const text = {
		ports: ports.join(', '),
		counted,
		targets: listNames(targets, maxNamesInTitle),
		peers: listNames(peers, maxNamesInTitle),
		seesLoadBalancer: peers.length > 0 && peers.every((peer) => lbAddresses.has(peer)),
		healthChecksToo: peers.some((peer) => lbAddresses.has(peer)),
	};
	const legs = rejections.map(({leg}) => leg);
	const time = legsTime(legs);
	const where = first?.where ?? 'target';
	const scale = loadBalancerConnections(snapshot).length;
	const evidence: EvidenceRef[] = [
		...refs.map(({group: targetGroup, target}) => ({
			kind: 'target' as const,
			targetGroupArn: targetGroup.arn,
			id: target.id,
		})),
		...connections
			.slice(0, maxEvidenceRows)
			.map((connection) => ({kind: 'connection' as const, id: connection.id})),
	];
	const possible = weight === 'possible';
	const title = targetTitle(snapshot, rejections, text);
	return draft({
		rule: targetRuleName(rejections),
		key: group.key,
		// Connections the LB accepted and sent on fail for real clients, whatever their share.
		severity: possible ? 'info' : 'critical',
		confidence: confidenceOf(rejections, weight),
		title: possible ? `Possible block: ${title}` : title,
		since: time.since,
		sinceFromRows: time.sinceFromRows,
		lastSeen: time.lastSeen,
		clearThrough: clearThrough(snapshot, legs, where === 'backend' ? 'backend' : 'targetView'),
		rulesAllowNow: rulesAllowNow(
			snapshot,
			rejections.map(({blame}) => blame.basis),
			time.lastSeen,
		),
		evidence,
		next: `${targetNextStep(snapshot, rejections, text)} ${strengthText(rejections, scale)}`,
		relatedResources: [
			...refs.flatMap(({target, group: targetGroup}) => [
				...target.securityGroups,
				target.id,
				target.interfaceId,
				target.subnetId,
				targetGroup.arn,
			]),
			// Rejections share their verdicts: each verdict's controls once.
			...unique(rejections.map(({blame}) => blame)).flatMap((blame) =>
				blame.controls.flatMap((control): (string | undefined)[] =>
					control.kind === 'security-group'
						? [...control.groupIds]
						: [control.networkAclId, control.subnetId],
				),
			),
		],
		networkAclChanges: true,
		deniesTraffic: true,
	});
}

/**
 * The targets of the rejections, once each (by target group and id), in the order they first come;
 * of refs with one key (an instance registered on two ports), the last rejection's stands. A group
 * holds thousands of rejections of a few targets, each a TargetRef shared by every leg logged at
 * that target: a key is made once per ref, not once per rejection.
 */
function targetRefs(rejections: readonly Rejection[]): TargetRef[] {
	const byKey = new Map<string, TargetRef>();
	const keys = new Map<TargetRef, string>();
	for (const {target} of rejections) {
		if (target === undefined) {
			continue;
		}

		let key = keys.get(target);
		if (key === undefined) {
			key = `${target.group.arn}|${target.target.id}`;
			keys.set(target, key);
		}

		byKey.set(key, target);
	}

	return [...byKey.values()];
}

/** `tcp/443` for each protocol and port the rejections reached, once each, in the order they come. */
function portNames(rejections: readonly Rejection[]): string[] {
	const names = new Map<number | string, string>();
	for (const {leg} of rejections) {
		const {protocol, dstPort} = leg;
		// A record's protocol is 0-255 and its port 0-65535: one number names the pair.
		const pair =
			isByte(protocol) && isPort(dstPort) ? protocol * 65_536 + dstPort : `${protocol}/${dstPort}`;
		if (!names.has(pair)) {
			names.set(pair, `${protocolName(protocol)}/${dstPort}`);
		}
	}

	return [...names.values()];
}

function isByte(value: number): boolean {
	return Number.isInteger(value) && value >= 0 && value <= 255;
}

function isPort(value: number): boolean {
	return Number.isInteger(value) && value >= 0 && value <= 65_535;
}
