// The LB's backend leg and the same conversation as the target's own interface logged it, joined
// into one unit before the client side is looked for. Both carry the same 5-tuple (the LB does not
// translate between its interface and the target's), so this join is exact.
import type {TargetGroupInfo} from '../types/topology.js';
import type {LegDraft} from './legs.js';
import {overlaps, type Span, timeScore} from './pairing-score.js';
import type {TargetEndpoint, TopologyIndex} from './topology-index.js';

export type BackendUnit = Span & {
	readonly backend: LegDraft | undefined;
	readonly view: LegDraft | undefined;
	/** The initiator as the packets carried it: the client (preservation on) or an LB address. */
	readonly originAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly protocol: number;
	/** The LB interface the backend traffic left from, when known. */
	readonly lbInterfaceId: string | undefined;
	/** The target groups of that target; empty when discovery does not know it. */
	readonly groups: readonly TargetGroupInfo[];
};

export function joinBackendUnits(
	backends: readonly LegDraft[],
	views: readonly LegDraft[],
	index: TopologyIndex,
	slackSeconds: number,
): BackendUnit[] {
	// View positions by the tuple without the initiator's address; a backend's own tuple is the
	// part of that list with its initiator (usually the whole list: one or two views).
	const groups = createPortGroups(views.length);
	for (let position = 0; position < views.length; position++) {
		const view = views[position];
		if (view !== undefined) {
			addToGroup(groups, portGroup(groups, view, true), position);
		}
	}

	const usedViews = new Uint8Array(views.length);
	const groupsOf = createGroupLists();
	const units: BackendUnit[] = [];
	for (const backend of backends) {
		const first = firstOfGroup(groups, portGroup(groups, backend, false));
		let origin: string | undefined = backend.originAddr;
		if (!hasOrigin(views, groups, first, origin) && index.lbAddrs.has(backend.originAddr)) {
			// The LB interface may log its own primary address as the source of forwarded packets
			// (pkt-srcaddr holds the client); without pkt-srcaddr in the format the port still matches.
			origin = undefined;
		}

		const chosen = best(views, groups, first, origin, usedViews, backend, slackSeconds);
		const view = views[chosen];
		if (view !== undefined) {
			usedViews[chosen] = 1;
		}

		units.push(unitOf(index, groupsOf, backend, backend, view));
	}

	for (let position = 0; position < views.length; position++) {
		const view = views[position];
		if (view !== undefined && usedViews[position] === 0) {
			units.push(unitOf(index, groupsOf, view, undefined, view));
		}
	}

	return units;
}

/**
 * The views grouped by (destination, ports, protocol): an open-addressed table of those four as
 * integers (address by id), each group a list of view positions in order (`heads`, `nexts`), so a
 * lookup hashes four integers instead of a Map key of some 45 bits (a heap number each time).
 */
type PortGroups = {
	readonly addrs: Map<string, number>;
	/** Per slot: address id, destination port, source port, protocol. */
	readonly keys: Int32Array;
	/** Per slot: its group + 1 (0: free). */
	readonly slots: Int32Array;
	readonly mask: number;
	/** Odd values (a hand-made leg's) are keyed as text, as `${a}|${b}|...` always was. */
	readonly odd: Map<string, number>;
	/** Per group its first view's position, and its last; per position the next in its group. */
	readonly heads: Int32Array;
	readonly tails: Int32Array;
	readonly nexts: Int32Array;
	count: number;
};

function createPortGroups(viewCount: number): PortGroups {
	let slots = 16;
	while (slots < 2 * viewCount) {
		slots *= 2;
	}

	return {
		addrs: new Map(),
		keys: new Int32Array(4 * slots),
		slots: new Int32Array(slots),
		mask: slots - 1,
		odd: new Map(),
		heads: new Int32Array(viewCount),
		tails: new Int32Array(viewCount),
		nexts: new Int32Array(viewCount),
		count: 0,
	};
}

const portCount = 65_536;
const protocolCount = 256;

/**
 * The group of the leg's destination, ports and protocol: everything but the initiator's address.
 * A new group is made only when `add` is set; otherwise -1 when there is none.
 */
function portGroup(groups: PortGroups, draft: LegDraft, add: boolean): number {
	const {dstAddr, dstPort, srcPort, protocol} = draft.leg;
	let addrId = groups.addrs.get(dstAddr);
	if (addrId === undefined) {
		addrId = groups.addrs.size;
		groups.addrs.set(dstAddr, addrId);
	}

	if (
		!isIndex(dstPort, portCount) ||
		!isIndex(srcPort, portCount) ||
		!isIndex(protocol, protocolCount)
	) {
		const key = `${addrId}|${dstPort}|${srcPort}|${protocol}`;
		const known = groups.odd.get(key);
		if (known !== undefined || !add) {
			return known ?? -1;
		}

		groups.odd.set(key, groups.count);
		return newGroup(groups);
	}

	// -0 is port 0, as the number keys took it.
	const destination = dstPort | 0;
	const source = srcPort | 0;
	const kind = protocol | 0;
	const {keys, slots, mask} = groups;
	let hash = Math.imul(addrId ^ (kind << 16), 0x9e_37_79_b1);
	hash = Math.imul(hash ^ destination, 0x85_eb_ca_6b);
	hash = Math.imul(hash ^ source, 0xc2_b2_ae_35);
	for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
		const group = (slots[slot] ?? 0) - 1;
		const at = 4 * slot;
		if (group < 0) {
			if (!add) {
				return -1;
			}

			keys[at] = addrId;
			keys[at + 1] = destination;
			keys[at + 2] = source;
			keys[at + 3] = kind;
			slots[slot] = groups.count + 1;
			return newGroup(groups);
		}

		if (
			keys[at] === addrId &&
			keys[at + 1] === destination &&
			keys[at + 2] === source &&
			keys[at + 3] === kind
		) {
			return group;
		}
	}
}

function newGroup(groups: PortGroups): number {
	const group = groups.count;
	groups.heads[group] = -1;
	groups.count = group + 1;
	return group;
}

function addToGroup(groups: PortGroups, group: number, position: number): void {
	groups.nexts[position] = -1;
	if ((groups.heads[group] ?? -1) < 0) {
		groups.heads[group] = position;
	} else {
		groups.nexts[groups.tails[group] ?? 0] = position;
	}

	groups.tails[group] = position;
}

/** The first view position of the group, -1 for none (no group). */
function firstOfGroup(groups: PortGroups, group: number): number {
	return group < 0 ? -1 : (groups.heads[group] ?? -1);
}

function isIndex(value: number, count: number): boolean {
	return Number.isInteger(value) && value >= 0 && value < count;
}

/** Whether a view of the group from `first` on has the initiator. */
function hasOrigin(
	views: readonly LegDraft[],
	groups: PortGroups,
	first: number,
	origin: string,
): boolean {
	for (let position = first; position >= 0; position = groups.nexts[position] ?? -1) {
		if (views[position]?.originAddr === origin) {
			return true;
		}
	}

	return false;
}

/**
 * The unused, overlapping view closest in time to the backend leg (the first on a tie), among the
 * group's views from `first` on with the given initiator (any, when undefined); -1 if none.
 */
function best(
	views: readonly LegDraft[],
	groups: PortGroups,
	first: number,
	origin: string | undefined,
	usedViews: Uint8Array,
	backend: LegDraft,
	slackSeconds: number,
): number {
	let chosen = -1;
	let chosenScore = -1;
	for (let position = first; position >= 0; position = groups.nexts[position] ?? -1) {
		const candidate = views[position];
		if (
			candidate === undefined ||
			(origin !== undefined && candidate.originAddr !== origin) ||
			usedViews[position] === 1 ||
			!overlaps(candidate.leg, backend.leg, slackSeconds)
		) {
			continue;
		}

		const score = timeScore(candidate.leg, backend.leg, slackSeconds);
		if (score > chosenScore) {
			chosen = position;
			chosenScore = score;
		}
	}

	return chosen;
}

type GroupLists = (targets: readonly TargetEndpoint[]) => readonly TargetGroupInfo[];

/**
 * The distinct target groups of a targets list. Legs share the topology index's lists, so each
 * list's groups are worked out once and shared by every unit that has it.
 */
function createGroupLists(): GroupLists {
	const known = new Map<readonly TargetEndpoint[], readonly TargetGroupInfo[]>();
	return (targets) => {
		let groups = known.get(targets);
		if (groups === undefined) {
			groups = addGroups([], targets);
			known.set(targets, groups);
		}

		return groups;
	};
}

function unitOf(
	index: TopologyIndex,
	groupsOf: GroupLists,
	main: LegDraft,
	backend: LegDraft | undefined,
	view: LegDraft | undefined,
): BackendUnit {
	// The target's own view knows the client address even when the LB interface hid it.
	const originAddr =
		backend !== undefined && index.lbAddrs.has(backend.originAddr) && view !== undefined
			? view.originAddr
			: main.originAddr;
	const lbInterfaceId = backend?.leg.interfaceId ?? index.lbAddrs.get(originAddr);
	const both = backend !== undefined && view !== undefined;
	const groups =
		both && backend.targets !== view.targets
			? addGroups(addGroups([], backend.targets), view.targets)
			: groupsOf(main.targets);
	return {
		backend,
		view,
		originAddr,
		srcPort: main.leg.srcPort,
		dstAddr: main.leg.dstAddr,
		dstPort: main.leg.dstPort,
		protocol: main.leg.protocol,
		lbInterfaceId,
		groups,
		start: both ? Math.min(backend.leg.start, view.leg.start) : main.leg.start,
		end: both ? Math.max(backend.leg.end, view.leg.end) : main.leg.end,
	};
}

/** Adds the targets' groups not already listed, in target order. */
function addGroups(
	groups: TargetGroupInfo[],
	targets: readonly TargetEndpoint[],
): TargetGroupInfo[] {
	for (const entry of targets) {
		if (!groups.includes(entry.group)) {
			groups.push(entry.group);
		}
	}

	return groups;
}
