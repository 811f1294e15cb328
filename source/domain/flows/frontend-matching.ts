// Joining the client side (frontend legs) to the backend side (backend leg and target view), in
// passes from the strongest evidence to the weakest. Each leg joins at most one partner; whatever is
// left stays unpaired rather than being forced into a guess.
import type {BackendUnit} from './backend-units.js';
import {compareConnectionKeys, connectionKey} from './connection-id.js';
import type {LegDraft} from './legs.js';
import {type Identified, type Match, type MatchState, runPass, unitKey} from './matching-pass.js';
import {overlaps, type Span, shapeScore, timeScore} from './pairing-score.js';
import {listenerRoutesTo, type TopologyIndex} from './topology-index.js';

export type FrontendMatching = {
	/** In the order they were made. */
	readonly matches: readonly Match[];
	/** In connection id order, as are the lone units. */
	readonly loneFrontends: readonly Identified<LegDraft>[];
	readonly loneUnits: readonly Identified<BackendUnit>[];
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
	const fits = (frontend: LegDraft, unit: BackendUnit) =>
		compatible(index, slackSeconds, frontend, unit);
	const byTime = (frontend: LegDraft, unit: BackendUnit) =>
		timeScore(frontend.leg, unit, slackSeconds);
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
		score: byTime,
	});

	// Whether NLB keeps the client's source port end to end is not documented. The client address,
	// the routed target and the time window still point at one connection, but a client with several
	// connections open at once makes the choice between them a guess, so the row says "likely".
	runPass(state, {kind: 'likely', shortlist: clientShortlist, accepts: fits, score: byTime});

	// Preservation off: the backend starts at the LB's own address, so only the interface (one per
	// AZ), the time window and the traffic shape relate it to a client. Its lookup is built only
	// when a unit is left to look anything up.
	let byInterface: Map<string, (span: Span) => readonly number[]> | undefined;
	runPass(state, {
		kind: 'likely',
		shortlist(unit) {
			if (isClientUnit(unit)) {
				return undefined;
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
		accepts: fits,
		score: (frontend, unit) =>
			shapeAllowed(frontend, unit) ? shapeMatchScore(frontend, unit, slackSeconds) : undefined,
	});

	const loneFrontends: Identified<LegDraft>[] = [];
	for (const [position, draft] of frontends.entries()) {
		if (state.usedFrontends[position] === 0) {
			loneFrontends.push({item: draft, key: state.frontendKeys[position]});
		}
	}

	const loneUnits: Identified<BackendUnit>[] = [];
	for (const [position, unit] of units.entries()) {
		if (state.usedUnits[position] === 0) {
			loneUnits.push({item: unit, key: unitKey(state, position)});
		}
	}

	return {matches: state.matches, loneFrontends: byId(loneFrontends), loneUnits: byId(loneUnits)};
}

/** By connection id (an item without one first), keeping the given order among equal ids. */
function byId<Item>(items: Identified<Item>[]): Identified<Item>[] {
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
	return (
		frontend.leg.protocol === unit.protocol &&
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
function shapeAllowed(frontend: LegDraft, unit: BackendUnit): boolean {
	const preserving = unit.groups.some((group) => group.preserveClientIp);
	return !preserving || frontend.leg.srcPort === unit.srcPort;
}

function shapeMatchScore(frontend: LegDraft, unit: BackendUnit, slackSeconds: number): number {
	const backendLeg = unit.backend?.leg ?? unit.view?.leg;
	const shape = backendLeg === undefined ? 0 : shapeScore(frontend.leg, backendLeg);
	const samePort = frontend.leg.srcPort === unit.srcPort ? 1 : 0;
	return 2 * timeScore(frontend.leg, unit, slackSeconds) + shape + samePort;
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
