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
	const keys = createPortKeys();
	// View positions by the tuple without the initiator's address; a backend's own tuple is the
	// part of that list with its initiator (usually the whole list: one or two views).
	const viewsByPort = new Map<number | string, number[]>();
	for (let position = 0; position < views.length; position++) {
		const view = views[position];
		if (view === undefined) {
			continue;
		}

		const key = portKey(keys, view);
		const group = viewsByPort.get(key);
		if (group === undefined) {
			viewsByPort.set(key, [position]);
		} else {
			group.push(position);
		}
	}

	const usedViews = new Uint8Array(views.length);
	const groupsOf = createGroupLists();
	const units: BackendUnit[] = [];
	for (const backend of backends) {
		const candidates = viewsByPort.get(portKey(keys, backend)) ?? noViews;
		let origin: string | undefined = backend.originAddr;
		if (!hasOrigin(views, candidates, origin) && index.lbAddrs.has(backend.originAddr)) {
			// The LB interface may log its own primary address as the source of forwarded packets
			// (pkt-srcaddr holds the client); without pkt-srcaddr in the format the port still matches.
			origin = undefined;
		}

		const chosen = best(views, candidates, origin, usedViews, backend, slackSeconds);
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

const noViews: readonly number[] = [];

type PortKeys = {readonly addrs: Map<string, number>};

function createPortKeys(): PortKeys {
	return {addrs: new Map()};
}

// Below these, (address id, destination port, source port, protocol) is one exact number.
const maxAddrIds = 2 ** 13;
const portCount = 65_536;
const protocolCount = 256;

/**
 * The tuple's destination, ports and protocol: everything but the initiator's address. Odd values
 * (a hand-made record's) are keyed as text, as `${a}|${b}|...` always was.
 */
function portKey(keys: PortKeys, draft: LegDraft): number | string {
	const {dstAddr, dstPort, srcPort, protocol} = draft.leg;
	let addrId = keys.addrs.get(dstAddr);
	if (addrId === undefined) {
		addrId = keys.addrs.size;
		keys.addrs.set(dstAddr, addrId);
	}

	if (
		addrId < maxAddrIds &&
		isIndex(dstPort, portCount) &&
		isIndex(srcPort, portCount) &&
		isIndex(protocol, protocolCount)
	) {
		return ((addrId * portCount + dstPort) * portCount + srcPort) * protocolCount + protocol;
	}

	return `${addrId}|${dstPort}|${srcPort}|${protocol}`;
}

function isIndex(value: number, count: number): boolean {
	return Number.isInteger(value) && value >= 0 && value < count;
}

function hasOrigin(
	views: readonly LegDraft[],
	candidates: readonly number[],
	origin: string,
): boolean {
	for (const position of candidates) {
		if (views[position]?.originAddr === origin) {
			return true;
		}
	}

	return false;
}

/**
 * The unused, overlapping view closest in time to the backend leg (the first on a tie), among the
 * candidates with the given initiator (any, when undefined); -1 if none.
 */
function best(
	views: readonly LegDraft[],
	candidates: readonly number[],
	origin: string | undefined,
	usedViews: Uint8Array,
	backend: LegDraft,
	slackSeconds: number,
): number {
	let chosen = -1;
	let chosenScore = -1;
	for (const position of candidates) {
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
