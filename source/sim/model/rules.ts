// Security groups and network ACLs as AWS evaluates them (VPC user guide): a security group is
// stateful and allow-only (any rule that matches allows; the reply to an allowed connection is
// always allowed), a network ACL is stateless (each direction is judged on its own, entries in
// rule-number order, the first match decides, nothing matching is denied) and applies at the
// edge of the subnet it is associated with.
import {blockContains, type Ipv4Block, parseIpv4Cidr} from '../world/ipv4.js';
import type {
	NetworkAcl,
	NetworkAclEntry,
	SecurityGroup,
	SecurityGroupRule,
} from '../world/types.js';

const tcp = '6';

function protocolMatches(protocol: string, wanted: string): boolean {
	const normal =
		protocol === 'tcp' ? '6' : protocol === 'udp' ? '17' : protocol === 'icmp' ? '1' : protocol;
	return normal === '-1' || normal === 'all' || normal === wanted;
}

const blocks = new Map<string, Ipv4Block | undefined>();

function blockOf(cidr: string): Ipv4Block | undefined {
	if (!blocks.has(cidr)) blocks.set(cidr, parseIpv4Cidr(cidr));
	return blocks.get(cidr);
}

export function cidrContains(cidr: string, address: number): boolean {
	const block = blockOf(cidr);
	return block !== undefined && blockContains(block, address);
}

/**
 * A rule reduced to numbers, compiled once per rule list: evaluation runs for every packet of
 * every generated connection. A rule without ports (all traffic, or -1) covers every port; a
 * rule for another protocol never matches TCP.
 */
type Compiled = {
	readonly tcp: boolean;
	readonly fromPort: number;
	readonly toPort: number;
	readonly first: number;
	readonly last: number;
	readonly group?: string;
	readonly allow: boolean;
};

function compile(
	protocol: string,
	ports: {readonly from?: number; readonly to?: number},
	peer: {readonly cidr?: string; readonly group?: string},
	allow: boolean,
): Compiled {
	const block = peer.cidr === undefined ? undefined : blockOf(peer.cidr);
	const open = ports.from === undefined || ports.to === undefined || ports.from === -1;
	return {
		tcp: protocolMatches(protocol, tcp),
		fromPort: open ? 0 : (ports.from ?? 0),
		toPort: open ? 65_535 : (ports.to ?? 65_535),
		// A rule naming a group matches no address; an unreadable CIDR matches nothing.
		first: block?.first ?? 1,
		last: block === undefined ? 0 : block.first + block.size - 1,
		...(peer.group === undefined ? {} : {group: peer.group}),
		allow,
	};
}

function matches(
	rule: Compiled,
	peer: number,
	port: number,
	peerGroups: readonly string[],
): boolean {
	if (!rule.tcp || port < rule.fromPort || port > rule.toPort) return false;
	if (rule.group !== undefined) return peerGroups.includes(rule.group);
	return peer >= rule.first && peer <= rule.last;
}

/** Entries of one direction, in the order AWS evaluates them. Cached per entries array. */
const aclCache = new WeakMap<readonly NetworkAclEntry[], readonly [Compiled[], Compiled[]]>();

function entriesOf(acl: NetworkAcl, egress: boolean): Compiled[] {
	let compiled = aclCache.get(acl.entries);
	if (compiled === undefined) {
		const direction = (wanted: boolean) =>
			acl.entries
				.filter((entry) => entry.egress === wanted)
				.sort((left, right) => left.ruleNumber - right.ruleNumber)
				.map((entry) =>
					compile(
						entry.protocol,
						{
							...(entry.portRange === undefined
								? {}
								: {from: entry.portRange.from, to: entry.portRange.to}),
						},
						{cidr: entry.cidrBlock},
						entry.ruleAction === 'allow',
					),
				);
		compiled = [direction(false), direction(true)];
		aclCache.set(acl.entries, compiled);
	}
	return compiled[egress ? 1 : 0];
}

/**
 * Whether the ACL lets a TCP packet through in one direction. `peer` is the address on the other
 * side (the source of an inbound packet, the destination of an outbound one) and `port` the
 * packet's destination port, as ACL entries match them. No ACL (not modelled): allowed.
 */
export function aclAllows(
	acl: NetworkAcl | undefined,
	egress: boolean,
	peer: number,
	port: number,
): boolean {
	if (acl === undefined) return true;
	for (const entry of entriesOf(acl, egress)) {
		if (matches(entry, peer, port, [])) return entry.allow;
	}
	return false;
}

const ruleCache = new WeakMap<readonly SecurityGroupRule[], Compiled[]>();

function rulesOf(rules: readonly SecurityGroupRule[]): Compiled[] {
	let compiled = ruleCache.get(rules);
	if (compiled === undefined) {
		compiled = rules.map((rule) =>
			compile(
				rule.ipProtocol,
				{
					...(rule.fromPort === undefined ? {} : {from: rule.fromPort}),
					...(rule.toPort === undefined ? {} : {to: rule.toPort}),
				},
				{
					...(rule.cidrIpv4 === undefined ? {} : {cidr: rule.cidrIpv4}),
					...(rule.referencedGroupId === undefined ? {} : {group: rule.referencedGroupId}),
				},
				true,
			),
		);
		ruleCache.set(rules, compiled);
	}
	return compiled;
}

/**
 * Whether the groups allow a new TCP connection in one direction: inbound from `peer` to `port`,
 * or outbound to `peer` on `port`. `peerGroups` are the groups of what is on the other side (a rule
 * that references a group matches traffic from or to its members). No group at all: allowed
 * (nothing filters the interface).
 */
export function groupsAllow(
	groups: readonly SecurityGroup[],
	direction: 'ingress' | 'egress',
	peer: number,
	port: number,
	peerGroups: readonly string[],
): boolean {
	if (groups.length === 0) return true;
	for (const group of groups) {
		for (const rule of rulesOf(group[direction])) {
			if (matches(rule, peer, port, peerGroups)) return true;
		}
	}
	return false;
}
