// The frontend matcher as it was before the exact pass looked frontends up by client address and
// source port, kept as the reference frontend-matching.property.test.ts checks the matcher against.
// Joining the client side (frontend legs) to the backend side (backend leg and target view), in
// passes from the strongest evidence to the weakest. Each leg joins at most one partner; whatever is
// left stays unpaired (or, where several legs fit, ambiguous) rather than being forced into a guess.
import type {BackendUnit} from '../../../../source/domain/flows/backend-units.js';
import {
	compareConnectionKeys,
	connectionKey,
} from '../../../../source/domain/flows/connection-id.js';
import type {LegDraft} from '../../../../source/domain/flows/legs.js';
import {
	type Identified,
	type Match,
	type MatchState,
	type Pass,
	runPass,
	unitKey,
} from '../../../../source/domain/flows/matching-pass.js';
import {
	overlaps,
	shapesFit,
	shapeTolerance,
	timeScore,
} from '../../../../source/domain/flows/pairing-score.js';
import {
	inWindow,
	type TimeWindows,
	timeWindows,
} from '../../../../source/domain/flows/time-windows.js';
import {
	listenerRoutesTo,
	type TopologyIndex,
} from '../../../../source/domain/flows/topology-index.js';
import {runUniquePass, type UniquePass} from '../../../../source/domain/flows/unique-pass.js';

/**
 * A leg left without a partner: how many legs it could have been joined to, and whether one can
 * still come (false for a frontend the LB never forwarded).
 */
export type Lone<Item> = Identified<Item> & {
	readonly candidates: number;
	readonly partnerPossible: boolean;
};

export type FrontendMatching = {
	/** In the order they were made. */
	readonly matches: readonly Match[];
	/** In connection id order, as are the lone units. */
	readonly loneFrontends: readonly Lone<LegDraft>[];
	readonly loneUnits: readonly Lone<BackendUnit>[];
};

export function matchFrontends(
	frontends: readonly LegDraft[],
	units: readonly BackendUnit[],
	index: TopologyIndex,
	slackSeconds: number,
): FrontendMatching {
	// Every frontend becomes a row and needs its id; a unit's is worked out when needed.
	const state: MatchState = {
		frontends,
		frontendKeys: frontends.map((draft) => connectionKey(draft.leg)),
		units,
		unitKeys: [],
		usedFrontends: new Uint8Array(frontends.length),
		usedUnits: new Uint8Array(units.length),
		matches: [],
	};
	// Index loops: an entries() iterator makes a pair per leg.
	for (let position = 0; position < frontends.length; position++) {
		const frontend = frontends[position];
		if (frontend !== undefined && !forwarded(index, frontend)) {
			state.usedFrontends[position] = 2;
		}
	}

	const context: Context = {
		index,
		slackSeconds,
		frontends,
		// Preservation on: the backend carries the client's address and port, so both must agree.
		byClient: positionsBy(frontends, clientAddrOf),
		byInterface: undefined,
	};
	runPass(state, exactPass, context);
	const counts = runUniquePass(state, uniquePass, context);

	const loneFrontends: Lone<LegDraft>[] = [];
	for (let position = 0; position < frontends.length; position++) {
		const draft = frontends[position];
		if (draft !== undefined && state.usedFrontends[position] !== 1) {
			loneFrontends.push({
				item: draft,
				key: state.frontendKeys[position],
				candidates: counts.frontends[position] ?? 0,
				partnerPossible: state.usedFrontends[position] === 0,
			});
		}
	}

	const loneUnits: Lone<BackendUnit>[] = [];
	for (let position = 0; position < units.length; position++) {
		const unit = units[position];
		if (unit !== undefined && state.usedUnits[position] === 0) {
			loneUnits.push({
				item: unit,
				key: unitKey(state, position),
				candidates: counts.units[position] ?? 0,
				partnerPossible: true,
			});
		}
	}

	return {matches: state.matches, loneFrontends: byId(loneFrontends), loneUnits: byId(loneUnits)};
}

/**
 * What the passes read. The passes are made once at module level and read this instead of closing
 * over it: a closure made per refresh loses its optimized code at each full collection, and V8 then
 * compiles it again.
 */
type Context = {
	readonly index: TopologyIndex;
	readonly slackSeconds: number;
	readonly frontends: readonly LegDraft[];
	readonly byClient: Map<string, number[]>;
	/** Built only when a unit from the LB's own address is left (uniquePass). */
	byInterface: Map<string, TimeWindows> | undefined;
};

const exactPass: Pass<Context> = {
	kind: 'exact',
	shortlist: (context, unit) =>
		isClientUnit(context, unit) ? context.byClient.get(unit.originAddr) : undefined,
	accepts: (context, frontend, unit) =>
		isSamePort(frontend.leg.srcPort, unit.srcPort) &&
		compatible(context.index, context.slackSeconds, frontend, unit),
	score: (context, frontend, unit) => timeScore(frontend.leg, unit, context.slackSeconds),
};

// What is left joins only where one choice remains (unique-pass.ts). Two kinds of unit look for
// their client here. One carries the client's address but another port: whether NLB keeps the
// client's source port end to end is not documented. The other starts at the LB's own address
// (preservation off): only the interface (one per AZ), the time window and the traffic's shape
// relate it to a client. Its lookup is built only when such a unit is left.
const uniquePass: UniquePass<Context> = {
	shortlist(context, unit) {
		if (isClientUnit(context, unit)) {
			return context.byClient.get(unit.originAddr);
		}

		context.byInterface ??= interfaceWindows(context.frontends);
		const windows = context.byInterface.get(unit.lbInterfaceId ?? '');
		return windows === undefined ? undefined : inWindow(windows, unit, context.slackSeconds);
	},
	fits: (context, frontend, unit) =>
		compatible(context.index, context.slackSeconds, frontend, unit) &&
		(isClientUnit(context, unit) || originAllowed(frontend, unit)) &&
		shapeFits(context.index, frontend, unit),
};

function isClientUnit(context: Context, unit: BackendUnit): boolean {
	return !context.index.lbAddrs.has(unit.originAddr);
}

function clientAddrOf(draft: LegDraft): string {
	return draft.leg.srcAddr;
}

function interfaceOf(draft: LegDraft): string {
	return draft.leg.interfaceId;
}

/**
 * Whether the LB can have forwarded the frontend leg at all: it let the client's packets in, on a
 * port a listener serves. A probe the LB rejected, or one to a port with no listener, has no backend
 * leg, so any it was joined to would be someone else's. Without any listener known (discovery has not
 * read them) the port says nothing.
 */
function forwarded(index: TopologyIndex, frontend: LegDraft): boolean {
	return (
		frontend.accepted &&
		(index.listenersByPort.size === 0 || index.listenersByPort.has(frontend.leg.dstPort))
	);
}

/** By connection id (an item without one first), keeping the given order among equal ids. */
function byId<Item extends Identified<unknown>>(items: Item[]): Item[] {
	return items.sort((left, right) => {
		if (left.key === undefined || right.key === undefined) {
			return Number(right.key === undefined) - Number(left.key === undefined);
		}

		return compareConnectionKeys(left.key, right.key);
	});
}

/** Ports compare as the text keys did: NaN is one port (a hand-made leg's), -0 and 0 are one. */
function isSamePort(left: number, right: number): boolean {
	return left === right || (Number.isNaN(left) && Number.isNaN(right));
}

function compatible(
	index: TopologyIndex,
	slackSeconds: number,
	frontend: LegDraft,
	unit: BackendUnit,
): boolean {
	// The node that took the client's connection opens the backend one from its own interface.
	return (
		frontend.leg.protocol === unit.protocol &&
		(unit.lbInterfaceId === undefined || unit.lbInterfaceId === frontend.leg.interfaceId) &&
		overlaps(frontend.leg, unit, slackSeconds) &&
		routes(index, frontend, unit)
	);
}

function routes(index: TopologyIndex, frontend: LegDraft, unit: BackendUnit): boolean {
	const {groups} = unit;
	if (groups.length === 0) {
		return true;
	}

	for (const group of groups) {
		if (listenerRoutesTo(index, frontend.leg.dstPort, group.arn)) {
			return true;
		}
	}

	return false;
}

// A target group that preserves client IPs sends real connections from the client's address; a
// backend leg from the LB's address there is a health check or a connection opened before the
// setting changed. Only the same source port (the interface hiding the client behind its own
// address) is enough to join those.
function originAllowed(frontend: LegDraft, unit: BackendUnit): boolean {
	const preserving = unit.groups.some((group) => group.preserveClientIp);
	return !preserving || frontend.leg.srcPort === unit.srcPort;
}

function shapeFits(index: TopologyIndex, frontend: LegDraft, unit: BackendUnit): boolean {
	const backend = unit.backend ?? unit.view;
	const listener = index.listenersByPort.get(frontend.leg.dstPort)?.[0];
	return backend === undefined || shapesFit(frontend, backend, shapeTolerance(listener?.protocol));
}

function append<Key>(groups: Map<Key, number[]>, key: Key, position: number): void {
	const group = groups.get(key);
	if (group === undefined) {
		groups.set(key, [position]);
	} else {
		group.push(position);
	}
}

function positionsBy<Key>(
	frontends: readonly LegDraft[],
	keyOf: (draft: LegDraft) => Key,
): Map<Key, number[]> {
	const groups = new Map<Key, number[]>();
	for (let position = 0; position < frontends.length; position++) {
		const frontend = frontends[position];
		if (frontend !== undefined) {
			append(groups, keyOf(frontend), position);
		}
	}

	return groups;
}

function interfaceWindows(frontends: readonly LegDraft[]): Map<string, TimeWindows> {
	const windows = new Map<string, TimeWindows>();
	for (const [interfaceId, positions] of positionsBy(frontends, interfaceOf)) {
		windows.set(interfaceId, timeWindows(frontends, positions));
	}

	return windows;
}
