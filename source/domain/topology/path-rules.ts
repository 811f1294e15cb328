// What the security groups and network ACLs discovery read say about one packet, by their
// documented semantics. A network ACL is stateless and evaluated per subnet: its entries for the
// packet's direction are tried in rule-number order and the first that matches decides (the `*`
// entry, rule 32767, denies whatever is left). A security group is stateful and only allows: a
// packet opening a connection passes when any permission of any group on the interface matches it,
// and the replies of an allowed connection always pass.
import {parseAddress, parseRange, rangeContains} from '../ip-address.js';
import type {
	NetworkAclEntry,
	NetworkAclInfo,
	SecurityGroupInfo,
	SecurityGroupPermission,
	Topology,
} from '../types/topology.js';

export type Direction = 'inbound' | 'outbound';

export type Packet = {
	readonly protocol: number;
	/** The far side: the source of an inbound packet, the destination of an outbound one. */
	readonly peer: string;
	/** The packet's destination port. */
	readonly port: number;
	/** Security groups of the far side when it is in the VPC (the LB, a target). */
	readonly peerGroups?: readonly string[];
};

export type Decision = 'allow' | 'deny' | 'unknown';

export type AclVerdict = {
	readonly decision: Decision;
	readonly acl?: NetworkAclInfo;
	/** The entry that decided. */
	readonly entry?: NetworkAclEntry;
};

export type GroupVerdict = {
	readonly decision: Decision;
	readonly groups: readonly SecurityGroupInfo[];
	/** The permission that allowed the packet. */
	readonly permission?: SecurityGroupPermission;
};

const protocolNumbers: Readonly<Record<string, number>> = {tcp: 6, udp: 17, icmp: 1, icmpv6: 58};

/** `-1` (and `all`) matches every protocol; names and numbers are both tolerated. */
function protocolMatches(written: string, protocol: number): boolean {
	const text = written.toLowerCase();
	if (text === '-1' || text === 'all') {
		return true;
	}

	return (protocolNumbers[text] ?? Number(text)) === protocol;
}

/** Ports mean something for TCP and UDP only; a missing bound (or EC2's -1) is open. */
function portMatches(
	fromPort: number | undefined,
	toPort: number | undefined,
	packet: Packet,
): boolean {
	if (packet.protocol !== 6 && packet.protocol !== 17) {
		return true;
	}

	const from = fromPort === undefined || fromPort < 0 ? 0 : fromPort;
	const to = toPort === undefined || toPort < 0 ? 65_535 : toPort;
	return packet.port >= from && packet.port <= to;
}

/** Whether the range holds the address; undefined when either cannot be read. */
function inRange(cidr: string, addr: string): boolean | undefined {
	const range = parseRange(cidr);
	const address = parseAddress(addr);
	return range === undefined || address === undefined ? undefined : rangeContains(range, address);
}

export function networkAclOf(
	topology: Topology | undefined,
	subnetId: string | undefined,
): NetworkAclInfo | undefined {
	if (subnetId === undefined) {
		return undefined;
	}

	return topology?.networkAcls.find((acl) => acl.subnetIds.includes(subnetId));
}

export function aclVerdict(
	acl: NetworkAclInfo | undefined,
	direction: Direction,
	packet: Packet,
): AclVerdict {
	if (acl?.entries === undefined) {
		return {decision: 'unknown', ...(acl === undefined ? {} : {acl})};
	}

	const egress = direction === 'outbound';
	const entries = acl.entries
		.filter((entry) => entry.egress === egress)
		.sort((a, b) => a.ruleNumber - b.ruleNumber);
	for (const entry of entries) {
		if (!protocolMatches(entry.protocol, packet.protocol)) {
			continue;
		}

		if (!portMatches(entry.fromPort, entry.toPort, packet)) {
			continue;
		}

		const holds = inRange(entry.cidr, packet.peer);
		if (holds === undefined) {
			return {decision: 'unknown', acl, entry};
		}

		if (holds) {
			return {decision: entry.action, acl, entry};
		}
	}

	// The `*` entry is always there in AWS; a list read without it still ends in a deny.
	return {decision: 'deny', acl};
}

/** The groups discovery read among `ids`; undefined when one of them (or its rules) is missing. */
export function groupsWithRules(
	topology: Topology | undefined,
	ids: readonly string[],
): SecurityGroupInfo[] | undefined {
	const found = ids.map((id) =>
		topology?.securityGroupDetails.find((group) => group.groupId === id),
	);
	const withRules = (group: SecurityGroupInfo | undefined): group is SecurityGroupInfo =>
		group?.ingress !== undefined && group.egress !== undefined;
	return found.every(withRules) ? found : undefined;
}

function permissionVerdict(permission: SecurityGroupPermission, packet: Packet): Decision {
	if (
		!protocolMatches(permission.protocol, packet.protocol) ||
		!portMatches(permission.fromPort, permission.toPort, packet)
	) {
		return 'deny';
	}

	const peerGroups = packet.peerGroups ?? [];
	if (permission.groups.some((group) => peerGroups.includes(group))) {
		return 'allow';
	}

	const ranges = permission.cidrs.map((cidr) => inRange(cidr, packet.peer));
	if (ranges.includes(true)) {
		return 'allow';
	}

	// A prefix list or an unreadable range might hold the address; lbtop does not resolve them.
	return ranges.includes(undefined) || permission.prefixLists.length > 0 ? 'unknown' : 'deny';
}

/** Whether the groups of one interface let a packet that opens a connection through. */
export function groupVerdict(
	groups: readonly SecurityGroupInfo[] | undefined,
	direction: Direction,
	packet: Packet,
): GroupVerdict {
	if (groups === undefined) {
		return {decision: 'unknown', groups: []};
	}

	let unsure = false;
	for (const group of groups) {
		for (const permission of (direction === 'inbound' ? group.ingress : group.egress) ?? []) {
			const decision = permissionVerdict(permission, packet);
			if (decision === 'allow') {
				return {decision, groups, permission};
			}

			unsure ||= decision === 'unknown';
		}
	}

	return {decision: unsure ? 'unknown' : 'deny', groups};
}
