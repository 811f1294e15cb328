// Joining the client side (frontend legs) to the backend side (backend leg and target view), in
// passes from the strongest evidence to the weakest. Each leg joins at most one partner; whatever is
// left stays unpaired (or, where several legs fit, ambiguous) rather than being forced into a guess.
import type {BackendUnit} from './backend-units.js';
import {compareConnectionKeys, connectionKey} from './connection-id.js';
import type {LegDraft} from './legs.js';
import {type Identified, type Match, type MatchState, runPass, unitKey} from './matching-pass.js';
import {overlaps, type Span, shapesFit, shapeTolerance, timeScore} from './pairing-score.js';
import {listenerRoutesTo, type TopologyIndex} from './topology-index.js';
import {runUniquePass} from './unique-pass.js';

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

	const fits = (frontend: LegDraft, unit: BackendUnit) =>
		compatible(index, slackSeconds, frontend, unit);
	const isClientUnit = (unit: BackendUnit) => !index.lbAddrs.has(unit.originAddr);

	// Preservation on: the backend carries the client's address and port, so both must agree.
	const byClient = positionsBy(frontends, (draft) => draft.leg.srcAddr);
	const clientShortlist = (unit: BackendUnit) =>
		isClientUnit(unit) ? byClient.get(unit.originAddr) : undefined;
	runPass(state, {
		kind: 'exact',
		shortlist: clientShortlist,
		accepts: (frontend, unit) =>
			isSamePort(frontend.leg.srcPort, unit.srcPort) && fits(frontend, unit),
		score: (frontend, unit) => timeScore(frontend.leg, unit, slackSeconds),
	});

	// What is left joins only where one choice remains (unique-pass.ts). Two kinds of unit look for
	// their client here. One carries the client's address but another port: whether NLB keeps the
	// client's source port end to end is not documented. The other starts at the LB's own address
	// (preservation off): only the interface (one per AZ), the time window and the traffic's shape
	// relate it to a client. Its lookup is built only when such a unit is left.
	let byInterface: Map<string, (span: Span) => readonly number[]> | undefined;
	const counts = runUniquePass(state, {
		shortlist(unit) {
			if (isClientUnit(unit)) {
				return byClient.get(unit.originAddr);
			}

			byInterface ??= new Map(
				[...positionsBy(frontends, (draft) => draft.leg.interfaceId)].map(
					([interfaceId, positions]) => [
						interfaceId,
						timeWindows(frontends, positions, slackSeconds),
					],
				),
			);
			return byInterface.get(unit.lbInterfaceId ?? '')?.(unit);
		},
		fits: (frontend, unit) =>
			fits(frontend, unit) &&
			(isClientUnit(unit) || originAllowed(frontend, unit)) &&
			shapeFits(index, frontend, unit),
	});

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

/**
 * The frontends whose windows can overlap a span, found by binary search over start times instead of
 * a scan of every frontend on a busy interface.
 */
function timeWindows(
	frontends: readonly LegDraft[],
	positions: readonly number[],
	slackSeconds: number,
): (span: Span) => readonly number[] {
	const startOf = (position: number) => frontends[position]?.leg.start ?? 0;
	const sorted = [...positions].sort((left, right) => startOf(left) - startOf(right));
	const longest = sorted.reduce((most, position) => {
		const leg = frontends[position]?.leg;
		return leg === undefined ? most : Math.max(most, leg.end - leg.start);
	}, 0);
	const firstStartingAt = (time: number) => {
		let low = 0;
		let high = sorted.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (startOf(sorted[middle] ?? -1) < time) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return low;
	};

	return (span) =>
		sorted.slice(
			firstStartingAt(span.start - slackSeconds - longest),
			firstStartingAt(span.end + slackSeconds + 1),
		);
}
