// Which side of a 5-tuple started the conversation, and what part of the load-balanced path the
// interface's records show. Flow records are one direction each and carry no "initiator" bit, so this
// is decided from the topology: listeners and targets are the servers.
import type {LegRole} from '../types/flows.js';
import {type FlowTable, rowFlag} from './flow-table.js';
import {
	addressFacts,
	isLbAddress,
	isTargetAddress,
	lbInterfaceOf,
	type TextFacts,
	targetInterfaceOf,
	targetsOfAddress,
} from './text-facts.js';
import type {TargetEndpoint, TopologyIndex} from './topology-index.js';
import type {Tuple} from './tuples.js';

/** Side a is the tuple's first source, side b its first destination. */
export type Side = 'a' | 'b';

export type Orientation = {
	readonly role: LegRole;
	/** The side that serves; the other one is the client. */
	readonly server: Side;
	/** The registered target the server side is, for backend and target legs. */
	readonly targets: readonly TargetEndpoint[];
	readonly zone: string | undefined;
};

const noTargets: readonly TargetEndpoint[] = [];

/**
 * Orientations handed out so far, by targets list, zone and role and server: a load balancer has a
 * few dozen, and thousands of conversations share them (they are never changed).
 */
export type Orientations = Map<
	readonly TargetEndpoint[],
	Map<string | undefined, (Orientation | undefined)[]>
>;

/** A table and the row numbers the tuples index. */
export type Records = {
	readonly table: FlowTable;
	readonly rows: Int32Array;
	readonly orientations: Orientations;
	/** The topology's word on each address and interface of the table, by text id. */
	readonly facts: TextFacts;
};

const roleSlots: Readonly<Record<LegRole, number>> = {frontend: 0, backend: 2, target: 4};

function orientation(
	records: Records,
	role: LegRole,
	server: Side,
	targets: readonly TargetEndpoint[],
	zone: string | undefined,
): Orientation {
	const memo = records.orientations;
	let zones = memo.get(targets);
	if (zones === undefined) {
		zones = new Map();
		memo.set(targets, zones);
	}

	let slots = zones.get(zone);
	if (slots === undefined) {
		slots = [];
		zones.set(zone, slots);
	}

	const slot = roleSlots[role] + (server === 'a' ? 0 : 1);
	let known = slots[slot];
	if (known === undefined) {
		known = {role, server, targets, zone};
		slots[slot] = known;
	}

	return known;
}

/** The tuple's records are the table's `rows[tuple.from..tuple.to)`, in the order they came. */
export function orientLeg(
	index: TopologyIndex,
	tuple: Tuple,
	records: Records,
): Orientation | undefined {
	const lbInterface = lbInterfaceOf(records.facts, index, tuple.interfaceTextId);
	if (lbInterface !== undefined) {
		return orientOnLoadBalancer(index, tuple, records, lbInterface.zone);
	}

	return orientOnTarget(index, tuple, records);
}

// The side tests below take both sides' values rather than a predicate closure: they run once per
// conversation, thousands of times a refresh. Addresses are asked about by their text ids (equal
// ids are equal texts), so each address is looked up in the topology once, not per conversation.
function orientOnLoadBalancer(
	index: TopologyIndex,
	tuple: Tuple,
	records: Records,
	zone: string,
): Orientation {
	const {aPort, bPort} = tuple;
	const a = addressFacts(records.facts, index, tuple.aAddrId);
	const b = addressFacts(records.facts, index, tuple.bAddrId);
	const listenerSide = pick(isListener(index, a, aPort), isListener(index, b, bPort));
	if (listenerSide !== undefined) {
		return orientation(records, 'frontend', listenerSide, noTargets, zone);
	}

	const targetsOfA = targetsOfAddress(records.facts, index, tuple.aAddrId, aPort);
	const targetsOfB = targetsOfAddress(records.facts, index, tuple.bAddrId, bPort);
	const targetSide = pick(targetsOfA.length > 0, targetsOfB.length > 0);
	if (targetSide !== undefined) {
		const targets = targetSide === 'a' ? targetsOfA : targetsOfB;
		return orientation(records, 'backend', targetSide, targets, zone);
	}

	// Traffic to the LB's own address on a port that is no listener (a scan, a stale client): the LB
	// side is still what was being reached.
	const targetHost = pick(isTargetAddress(a), isTargetAddress(b));
	if (targetHost !== undefined) {
		return orientation(records, 'backend', targetHost, noTargets, zone);
	}

	const lbSide = pick(isLbAddress(a), isLbAddress(b));
	if (lbSide !== undefined) {
		return orientation(records, 'frontend', lbSide, noTargets, zone);
	}

	// Neither side is the LB: forwarded traffic to a target discovery has not seen (yet).
	return orientation(records, 'backend', serverByHeuristic(tuple, records), noTargets, zone);
}

function orientOnTarget(
	index: TopologyIndex,
	tuple: Tuple,
	records: Records,
): Orientation | undefined {
	const {aAddr, aPort, bAddr, bPort} = tuple;
	const known = targetInterfaceOf(records.facts, index, tuple.interfaceTextId);
	const targetsOfA = targetsOfAddress(records.facts, index, tuple.aAddrId, aPort);
	const targetsOfB = targetsOfAddress(records.facts, index, tuple.bAddrId, bPort);
	const targetSide = pick(targetsOfA.length > 0, targetsOfB.length > 0);
	if (targetSide !== undefined) {
		const targets = targetSide === 'a' ? targetsOfA : targetsOfB;
		const zone = known?.zone ?? targets[0]?.target.availabilityZone;
		return orientation(records, 'target', targetSide, targets, zone);
	}

	// An interface nobody registered as a target, talking to no target endpoint: not this LB's path.
	if (known === undefined) {
		return undefined;
	}

	const ownSide = pick(ownsAddress(known.endpoints, aAddr), ownsAddress(known.endpoints, bAddr));
	const server = ownSide ?? serverByHeuristic(tuple, records);
	return orientation(records, 'target', server, noTargets, known.zone);
}

function isListener(index: TopologyIndex, addressKind: number, port: number): boolean {
	return isLbAddress(addressKind) && index.listenersByPort.has(port);
}

function ownsAddress(endpoints: readonly TargetEndpoint[], addr: string): boolean {
	return endpoints.some((entry) => entry.addr === addr);
}

/** The one side a test holds for; neither when it holds for both or for none. */
function pick(holdsForA: boolean, holdsForB: boolean): Side | undefined {
	if (holdsForA === holdsForB) {
		return undefined;
	}

	return holdsForA ? 'a' : 'b';
}

// tcp-flags: SYN (2) without the SYN-ACK combination (18) is only ever sent by the initiator.
const syn = 2;
const synAck = 18;

/**
 * The server when the topology cannot tell: the receiver of an opening SYN, else the lower port,
 * else whoever the first record was sent to.
 */
function serverByHeuristic(tuple: Tuple, records: Records): Side {
	const {table, rows} = records;
	for (let position = tuple.from; position < tuple.to; position++) {
		const row = rows[position] ?? 0;
		const hasFlags = ((table.flags[row] ?? 0) & rowFlag.hasTcpFlags) !== 0;
		if (hasFlags && ((table.tcpFlags[row] ?? 0) & synAck) === syn) {
			return isSentTo(tuple, table, row, 'a') ? 'a' : 'b';
		}
	}

	// Servers listen on low, well-known ports; clients take ephemeral ones.
	if (tuple.aPort !== tuple.bPort) {
		return tuple.aPort < tuple.bPort ? 'a' : 'b';
	}

	const first = tuple.to > tuple.from ? rows[tuple.from] : undefined;
	return first !== undefined && isSentTo(tuple, table, first, 'b') ? 'b' : 'a';
}

/** Whether the row's destination (an absent port is 0) is the side. */
function isSentTo(tuple: Tuple, table: FlowTable, row: number, side: Side): boolean {
	const addr = table.dstAddrs[row];
	const port = table.dstPorts[row];
	return side === 'a'
		? tuple.aAddrId === addr && tuple.aPort === port
		: tuple.bAddrId === addr && tuple.bPort === port;
}
