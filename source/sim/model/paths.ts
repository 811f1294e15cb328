// Where a packet's journey through the load balancer ends, decided by the configuration in force:
// the LB subnet's network ACL and the LB's security groups on the way in, the listener, then the
// backend hops (the LB's groups outbound, each subnet's ACL when the packet crosses a subnet edge,
// the target's groups), the host itself, and the reply's way back through the ACLs, which are
// stateless and judge it again on its own ports. Security groups never stop a reply.
import type {SecurityGroup} from '../world/types.js';
import type {ConfigState} from './config-state.js';
import {aclAllows, cidrContains, groupsAllow} from './rules.js';
import type {HostBehaviour} from './spec.js';
import type {Host, LbNode, ModelTopology} from './topology.js';

export type Endpoint = {readonly ip: string; readonly address: number; readonly port: number};

/** Where a client's packet to a listener port ends at the LB. */
export type FrontendFate = 'accepted' | 'acl' | 'security-group' | 'no-listener';

/** How far a backend connection (LB node to target) gets. */
export type BackendFate =
	/** Rejected leaving the LB (its group outbound, or its subnet's ACL): REJECT at the LB's interface. */
	| 'lb-out'
	/** Rejected entering the target (its subnet's ACL or its groups): REJECT at the target's interface. */
	| 'target-in'
	/** The host drops the SYNs without an answer. */
	| 'silent'
	/** Nothing listens on the port: the host answers with a reset. */
	| 'refused'
	/** The reply is rejected leaving the target's subnet (ACL outbound): REJECT at the target's interface. */
	| 'target-out'
	/** The reply is rejected entering the LB's subnet (ACL inbound): REJECT at the LB's interface. */
	| 'lb-in'
	/** The handshake completes. */
	| 'open';

const groupLists = new WeakMap<
	ReadonlyMap<string, SecurityGroup>,
	Map<readonly string[], SecurityGroup[]>
>();

/** The groups with these ids in this state (looked up once per state and id list). */
export function groupsOf(state: ConfigState, ids: readonly string[]): SecurityGroup[] {
	let byIds = groupLists.get(state.securityGroups);
	if (byIds === undefined) {
		byIds = new Map();
		groupLists.set(state.securityGroups, byIds);
	}
	let groups = byIds.get(ids);
	if (groups === undefined) {
		groups = ids.flatMap((id) => {
			const group = state.securityGroups.get(id);
			return group === undefined ? [] : [group];
		});
		byIds.set(ids, groups);
	}
	return groups;
}

export function frontendFate(
	topology: ModelTopology,
	state: ConfigState,
	node: LbNode,
	client: Endpoint,
	port: number,
): FrontendFate {
	if (!aclAllows(topology.aclOf(state, node.subnetId), false, client.address, port)) return 'acl';
	const groups = groupsOf(state, state.loadBalancer.securityGroups);
	if (!groupsAllow(groups, 'ingress', client.address, port, [])) return 'security-group';
	return state.listeners.some((listener) => listener.port === port) ? 'accepted' : 'no-listener';
}

/** Whether the LB subnet's ACL lets the LB's answer out to the client (on its ephemeral port). */
export function frontendReplyAllowed(
	topology: ModelTopology,
	state: ConfigState,
	node: LbNode,
	client: Endpoint,
): boolean {
	return aclAllows(topology.aclOf(state, node.subnetId), true, client.address, client.port);
}

export function hostListens(host: HostBehaviour, port: number): boolean {
	return host.listens === 'all' || host.listens.some((served) => served.port === port);
}

export function hostDrops(host: HostBehaviour, source: number): boolean {
	return (
		host.drops.some((cidr) => cidrContains(cidr, source)) &&
		!host.accepts.some((cidr) => cidrContains(cidr, source))
	);
}

/**
 * A backend connection from `source` (the client with client IP preservation on, the node
 * otherwise, or the node for a health check) to the host on `port`.
 */
export function backendFate(
	topology: ModelTopology,
	state: ConfigState,
	node: LbNode,
	target: {readonly host: Host; readonly behaviour: HostBehaviour},
	source: Endpoint,
	port: number,
): BackendFate {
	const {host, behaviour} = target;
	const lbGroupIds = state.loadBalancer.securityGroups;
	const lbGroups = groupsOf(state, lbGroupIds);
	const crosses = host.subnetId !== node.subnetId;
	const lbAcl = crosses ? topology.aclOf(state, node.subnetId) : undefined;
	const targetAcl = crosses ? topology.aclOf(state, host.subnetId) : undefined;
	if (
		!groupsAllow(lbGroups, 'egress', host.address, port, host.securityGroupIds) ||
		!aclAllows(lbAcl, true, host.address, port)
	) {
		return 'lb-out';
	}
	if (
		!aclAllows(targetAcl, false, source.address, port) ||
		!groupsAllow(
			groupsOf(state, host.securityGroupIds),
			'ingress',
			source.address,
			port,
			lbGroupIds,
		)
	) {
		return 'target-in';
	}
	if (hostDrops(behaviour, source.address)) return 'silent';
	const answer = hostListens(behaviour, port) ? 'open' : 'refused';
	if (!aclAllows(targetAcl, true, source.address, source.port)) return 'target-out';
	if (!aclAllows(lbAcl, false, host.address, source.port)) return 'lb-in';
	return answer;
}

/**
 * Whether the network ACLs in force still pass an established connection's packets both ways.
 * ACLs are stateless, so a rule added mid-connection stops it; security groups track the
 * connection and let it finish whatever their rules say now (VPC user guide).
 */
export function aclsStillPass(
	topology: ModelTopology,
	state: ConfigState,
	node: LbNode,
	client: Endpoint,
	listenerPort: number,
	backend: {readonly host: Host; readonly source: Endpoint; readonly port: number},
): boolean {
	const lbAcl = topology.aclOf(state, node.subnetId);
	if (
		!aclAllows(lbAcl, false, client.address, listenerPort) ||
		!aclAllows(lbAcl, true, client.address, client.port)
	) {
		return false;
	}
	if (backend.host.subnetId === node.subnetId) return true;
	const targetAcl = topology.aclOf(state, backend.host.subnetId);
	const {host, source, port} = backend;
	return (
		aclAllows(lbAcl, true, host.address, port) &&
		aclAllows(targetAcl, false, source.address, port) &&
		aclAllows(targetAcl, true, source.address, source.port) &&
		aclAllows(lbAcl, false, host.address, source.port)
	);
}
