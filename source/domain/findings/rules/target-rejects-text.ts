// The words of rule 1: the title names the control whose rules deny the traffic (or, when the rules
// cannot tell, the target's security group as the documented cause), the next step what to change.
import type {Snapshot} from '../../snapshot.js';
import {loadBalancerPrivateIps, securityGroupLabel} from '../../topology/topology-lookup.js';
import type {Control} from '../blame.js';
import {controlClaim, controlName} from '../control-text.js';
import {listNames, unique, utcTime} from '../format.js';
import type {Rejection} from '../rejections.js';
import {maxNamesInTitle} from '../thresholds.js';

export type TitleText = {
	readonly ports: string;
	readonly counted: string;
	readonly targets: string;
	readonly peers: string;
	readonly seesLoadBalancer: boolean;
	/** Some of the rejected come from the LB's own address: its health checks. */
	readonly healthChecksToo: boolean;
};

function primary(rejections: readonly Rejection[]): Control | undefined {
	return rejections[0]?.blame.controls[0];
}

/** The ACL is named only when its rules or the stateless semantics point at it. */
function aclBlamed(rejections: readonly Rejection[]): boolean {
	const basis = rejections[0]?.blame.basis;
	return (
		primary(rejections)?.kind === 'network-acl' && (basis === 'rules' || basis === 'stateless')
	);
}

export function targetRuleName(rejections: readonly Rejection[]): string {
	if (rejections[0]?.where === 'backend') {
		return 'lb-backend-rejects';
	}

	return aclBlamed(rejections) ? 'target-nacl-rejects' : 'target-sg-rejects';
}

function claims(snapshot: Snapshot, rejections: readonly Rejection[]): string {
	const blame = rejections[0]?.blame;
	const controls = blame?.controls ?? [];
	const joiner = blame?.basis === 'rules' ? ' and ' : ' or ';
	return controls.map((control) => controlClaim(snapshot.topology, control)).join(joiner);
}

export function targetTitle(
	snapshot: Snapshot,
	rejections: readonly Rejection[],
	text: TitleText,
): string {
	const reply = rejections[0]?.rejection.direction === 'reply';
	const tail = `${text.counted} to ${text.targets}`;
	if (rejections[0]?.where === 'backend') {
		return reply
			? `${claims(snapshot, rejections)}: targets' replies rejected at the LB's interface · ${tail}`
			: `${claims(snapshot, rejections)}: the LB's connections rejected at its own interface on ${text.ports} · ${tail}`;
	}

	if (aclBlamed(rejections)) {
		const control = primary(rejections);
		if (reply && control?.kind === 'network-acl' && control.entry === undefined) {
			return `${controlName(snapshot.topology, control)} rejects the targets' replies (security groups never reject a reply): ACCEPT in, REJECT out at the target · ${tail} from ${text.peers}`;
		}

		const what = reply
			? 'replies rejected at the target'
			: `ACCEPT at LB, REJECT at target on ${text.ports}`;
		return `${claims(snapshot, rejections)}: ${what} · ${tail} from ${text.peers}`;
	}

	const control = primary(rejections);
	const groups =
		control?.kind === 'security-group'
			? control.groupIds.map((id) => securityGroupLabel(snapshot.topology, id))
			: [];
	const sgText = groups.length > 0 ? ` (${groups.join(', ')})` : '';
	const who = text.seesLoadBalancer
		? "the LB's address"
		: text.healthChecksToo
			? "client IPs and the LB's health checks"
			: 'client IPs';
	// The cause first: an 80-column findings line shows the start; the drill-down shows the rest.
	return `Target SG${sgText} rejects ${who}: ACCEPT at LB, REJECT at target on ${text.ports} · ${tail} from ${text.peers}`;
}

function aclNext(snapshot: Snapshot, rejections: readonly Rejection[], text: TitleText): string {
	const control = primary(rejections);
	if (control?.kind !== 'network-acl') {
		return '';
	}

	const acl = controlName(snapshot.topology, control);
	const below = control.entry === undefined ? '' : ` numbered below ${control.entry.ruleNumber}`;
	if (rejections[0]?.rejection.direction === 'reply') {
		const way =
			control.direction === 'outbound'
				? 'an outbound rule allowing tcp 1024-65535 to'
				: 'an inbound rule allowing tcp 1024-65535 from';
		return `Network ACLs are stateless: the replies need their own rule. Give ${acl} ${way} ${text.peers}${below}.`;
	}

	const way = control.direction === 'outbound' ? 'outbound to' : 'inbound from';
	return `Allow ${text.ports} ${way} ${text.peers} in ${acl}${below}${control.entry === undefined ? '' : `, or remove rule ${control.entry.ruleNumber}`}.`;
}

function groupNext(snapshot: Snapshot, rejections: readonly Rejection[], text: TitleText): string {
	const topology = snapshot.topology;
	const refs = unique(rejections.flatMap(({target}) => (target === undefined ? [] : [target])));
	const securityGroups = unique(refs.flatMap(({target}) => target.securityGroups));
	const guard =
		securityGroups.length > 0 ? securityGroups.join(', ') : "the targets' security groups";
	const lbGroups = topology?.securityGroups ?? [];
	const subnets = unique(
		refs.flatMap(({target}) => (target.subnetId === undefined ? [] : [target.subnetId])),
	);
	const basis = rejections[0]?.blame.basis;
	const acl =
		basis === 'rules'
			? ''
			: `; also check the network ACL of ${subnets.length > 0 ? `${subnets.join(', ')} (the targets' subnets)` : "the targets' subnets"}`;
	const groupNames = unique(refs.map(({group}) => group.name));
	const missing = basis === 'rules' ? ' (no rule allows them now)' : '';
	if (text.seesLoadBalancer) {
		const reference =
			lbGroups.length > 0 ? `, or reference the LB's security group ${lbGroups.join(', ')}` : '';
		return (
			`Check ${guard} inbound rules allow the LB's private IPs ${listNames(loadBalancerPrivateIps(topology), 6)} on ${text.ports}${missing}` +
			`${reference} (client IP preservation is off for ${listNames(groupNames, 3) || 'the target group'})${acl}.`
		);
	}

	const reference =
		lbGroups.length > 0 ? `, or reference the NLB's security group ${lbGroups.join(', ')}` : '';
	const preserving = refs.some(({group}) => group.preserveClientIp)
		? ` (client IP preservation is on for ${listNames(groupNames, 3)}, so targets see client addresses)`
		: '';
	return `Check ${guard} inbound rules allow ${text.peers} on ${text.ports}${missing}${reference}${preserving}${acl}.`;
}

/** When the rules read after the REJECTs allow the traffic, something changed since. */
function allowedNowNote(snapshot: Snapshot, rejections: readonly Rejection[]): string {
	if (rejections[0]?.blame.basis !== 'allowed-now') {
		return '';
	}

	const readAt = snapshot.sources.discovery.fetchedAt;
	const when = readAt === undefined ? '' : ` read at ${utcTime(readAt)}`;
	return ` The rules${when} allow this traffic now: changed since the REJECTs (see Changes), or a rule lbtop cannot resolve (a prefix list) applies.`;
}

export function targetNextStep(
	snapshot: Snapshot,
	rejections: readonly Rejection[],
	text: TitleText,
): string {
	const first = rejections[0];
	const step =
		aclBlamed(rejections) || first?.where === 'backend'
			? aclNext(snapshot, rejections, text) ||
				`Check ${claims(snapshot, rejections)} for ${text.ports} between the LB and ${listNames([text.targets], maxNamesInTitle)}.`
			: groupNext(snapshot, rejections, text);
	return `${step}${allowedNowNote(snapshot, rejections)}`;
}
