// Which control rejected a leg, by the documented semantics and the rules discovery read. A
// security group is stateful: the reply to a connection it allowed always passes, so a rejected
// reply can only be a network ACL (stateless, per subnet). A rejected request is checked against
// both: the one whose rules deny it is named; when neither rule set is known, the security group
// is named first (the documented NLB signature, seed 000) with the ACL as the alternative.
import {
	aclVerdict,
	type Decision,
	type Direction,
	groupsWithRules,
	groupVerdict,
	networkAclOf,
	type Packet,
} from '../topology/path-rules.js';
import type {NetworkAclEntry, Topology} from '../types/topology.js';
import type {RejectedDirection} from './leg-rejection.js';

/** Where a leg was logged: the LB's interface (frontend or backend leg) or the target's. */
export type Site = {
	readonly side: 'lb' | 'target';
	readonly subnetId?: string | undefined;
	/** The interface's security groups; empty when it has none (an NLB without security groups). */
	readonly groupIds: readonly string[];
};

export type SecurityGroupControl = {
	readonly kind: 'security-group';
	readonly side: 'lb' | 'target';
	readonly groupIds: readonly string[];
};

export type NetworkAclControl = {
	readonly kind: 'network-acl';
	readonly side: 'lb' | 'target';
	readonly networkAclId?: string;
	readonly subnetId?: string;
	readonly direction: Direction;
	/** The entry that denies the packet, when the entries are known. */
	readonly entry?: NetworkAclEntry;
};

export type Control = SecurityGroupControl | NetworkAclControl;

/**
 * `rules`: the rules read deny this traffic; `stateless`: only an ACL can reject a reply, whatever
 * its entries say now; `allowed-now`: the rules read allow it (changed since, or lbtop cannot see
 * the rule); `unknown`: the rules were not read.
 */
export type Basis = 'rules' | 'stateless' | 'allowed-now' | 'unknown';

export type Blame = {
	/** In the order the packet meets them; more than one when both deny. */
	readonly controls: readonly Control[];
	readonly basis: Basis;
};

export type RejectedPacket = {
	readonly rejected: RejectedDirection;
	/** The rejected packet's direction as the interface saw it. */
	readonly direction: Direction;
	readonly packet: Packet;
};

function aclControl(
	topology: Topology | undefined,
	site: Site,
	direction: Direction,
	entry?: NetworkAclEntry,
): NetworkAclControl {
	const acl = networkAclOf(topology, site.subnetId);
	return {
		kind: 'network-acl',
		side: site.side,
		...(acl === undefined ? {} : {networkAclId: acl.networkAclId}),
		...(site.subnetId === undefined ? {} : {subnetId: site.subnetId}),
		direction,
		...(entry === undefined || entry.action !== 'deny' ? {} : {entry}),
	};
}

export function blameRejection(
	topology: Topology | undefined,
	site: Site,
	{rejected, direction, packet}: RejectedPacket,
): Blame {
	const acl = aclVerdict(networkAclOf(topology, site.subnetId), direction, packet);
	if (rejected === 'reply') {
		return {
			controls: [aclControl(topology, site, direction, acl.entry)],
			basis: acl.decision === 'deny' ? 'rules' : 'stateless',
		};
	}

	const group: SecurityGroupControl = {
		kind: 'security-group',
		side: site.side,
		groupIds: site.groupIds,
	};
	const hasGroups = site.groupIds.length > 0;
	const groupDecision: Decision = hasGroups
		? groupVerdict(groupsWithRules(topology, site.groupIds), direction, packet).decision
		: 'allow';
	const aclDenies = acl.decision === 'deny';
	// Inbound, the subnet's ACL meets the packet before the interface's groups; outbound, after.
	const ordered = (first: Control | undefined, second: Control | undefined): Control[] =>
		(direction === 'inbound' ? [first, second] : [second, first]).filter(
			(control): control is Control => control !== undefined,
		);
	if (aclDenies || groupDecision === 'deny') {
		return {
			controls: ordered(
				aclDenies ? aclControl(topology, site, direction, acl.entry) : undefined,
				groupDecision === 'deny' ? group : undefined,
			),
			basis: 'rules',
		};
	}

	const candidates = [...(hasGroups ? [group] : []), aclControl(topology, site, direction)];
	const known = acl.decision !== 'unknown' && groupDecision !== 'unknown';
	return {controls: candidates, basis: known ? 'allowed-now' : 'unknown'};
}

/** One key per control, for grouping rejections that share a cause. */
export function controlKey(control: Control): string {
	return control.kind === 'security-group'
		? [...control.groupIds].sort().join('+')
		: `${control.networkAclId ?? control.subnetId ?? 'acl'}:${control.direction}`;
}
