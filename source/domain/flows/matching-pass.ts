// The exact pass of joining frontends to backend units (both carry the client's address and port):
// every free unit's best few compatible frontends become candidates, and the candidates are taken
// best first (by score, then by the connection ids of the frontend and of the unit, so ties resolve
// the same way on every refresh). The shared state and `take` serve the likely pass too.
//
// Taking candidates best first only needs that order between candidates that compete for a leg. A
// candidate whose frontend and unit appear in no other candidate (nearly all of them, on a load
// balancer whose clients keep their source ports) is taken whatever the order, so only the others
// are sorted, and a unit's id is worked out only when a tie needs it.
import type {PairingKind} from '../types/flows.js';
import type {BackendUnit} from './backend-units.js';
import {type ConnectionKey, compareConnectionKeys, connectionKey} from './connection-id.js';
import type {LegDraft} from './legs.js';

/** An item with the key of its connection id (of its first leg; undefined: it has none). */
export type Identified<Item> = {readonly item: Item; readonly key: ConnectionKey | undefined};

export type Match = {
	readonly frontend: Identified<LegDraft>;
	readonly unit: BackendUnit;
	readonly kind: Extract<PairingKind, 'exact' | 'likely'>;
};

/** The legs being matched and what is taken so far; positions index `frontends` and `units`. */
export type MatchState = {
	readonly frontends: readonly LegDraft[];
	readonly frontendKeys: readonly ConnectionKey[];
	readonly units: readonly BackendUnit[];
	/** Worked out on demand (unitKey). */
	readonly unitKeys: (ConnectionKey | undefined)[];
	/** 0: free; 1: joined; 2: never forwarded by the LB, so never joined (see frontend-matching). */
	readonly usedFrontends: Uint8Array;
	readonly usedUnits: Uint8Array;
	readonly matches: Match[];
};

/**
 * The exact pass: the best-scoring candidates are taken first. Its tests read what they need from
 * the context handed to runPass, so a pass is made once, not per refresh: V8 keeps optimized code
 * only for functions that stay alive, and closures made per call lose theirs at each full collection.
 */
export type Pass<Context> = {
	readonly kind: Match['kind'];
	/** Frontend positions a unit may join (none: undefined). */
	readonly shortlist: (context: Context, unit: BackendUnit) => readonly number[] | undefined;
	/** Whether the pair may join at all (cheap tests first), and how well it fits. */
	readonly accepts: (context: Context, frontend: LegDraft, unit: BackendUnit) => boolean;
	readonly score: (context: Context, frontend: LegDraft, unit: BackendUnit) => number | undefined;
};

// Per backend unit, only the best few frontends compete: beyond them a guess is no better, and
// keeping every pair makes a busy interface quadratic in memory and sort time.
const candidatesPerUnit = 16;

/**
 * The candidates as three columns (a frontend, a unit and their score at each index): a refresh has
 * thousands, and numbers in arrays are no objects for the garbage collector.
 */
type Candidates = {
	readonly frontends: number[];
	readonly units: number[];
	readonly scores: number[];
};

export function runPass<Context>(state: MatchState, pass: Pass<Context>, context: Context): void {
	const {frontends, units, usedFrontends, usedUnits} = state;
	const candidates: Candidates = {frontends: [], units: [], scores: []};
	const byRank = (left: number, right: number) => compareCandidates(state, candidates, left, right);
	// Index loops: these run per unit and per candidate, three passes a refresh.
	for (let unitPosition = 0; unitPosition < units.length; unitPosition++) {
		const unit = units[unitPosition];
		if (unit === undefined || usedUnits[unitPosition] === 1) {
			continue;
		}

		const first = candidates.units.length;
		const shortlist = pass.shortlist(context, unit);
		for (let rank = 0; shortlist !== undefined && rank < shortlist.length; rank++) {
			const position = shortlist[rank] ?? -1;
			const frontend = frontends[position];
			if (
				frontend === undefined ||
				usedFrontends[position] !== 0 ||
				!pass.accepts(context, frontend, unit)
			) {
				continue;
			}

			const score = pass.score(context, frontend, unit);
			if (score !== undefined) {
				candidates.frontends.push(position);
				candidates.units.push(unitPosition);
				candidates.scores.push(score);
			}
		}

		if (candidates.units.length - first > candidatesPerUnit) {
			keepBest(candidates, first, byRank);
		}
	}

	takeBestFirst(state, pass.kind, candidates, byRank);
}

/** Keeps the best candidatesPerUnit of the candidates from `first` on (a stable sort by rank). */
function keepBest(
	candidates: Candidates,
	first: number,
	byRank: (left: number, right: number) => number,
): void {
	const {frontends, units, scores} = candidates;
	const order: number[] = [];
	for (let index = first; index < units.length; index++) {
		order.push(index);
	}

	order.sort(byRank);
	order.length = candidatesPerUnit;
	const kept = order.map((index) => [frontends[index] ?? -1, scores[index] ?? 0] as const);
	frontends.length = first + candidatesPerUnit;
	units.length = first + candidatesPerUnit;
	scores.length = first + candidatesPerUnit;
	for (let rank = 0; rank < kept.length; rank++) {
		const [frontend, score] = kept[rank] ?? [-1, 0];
		frontends[first + rank] = frontend;
		scores[first + rank] = score;
	}
}

function takeBestFirst(
	state: MatchState,
	kind: Match['kind'],
	candidates: Candidates,
	byRank: (left: number, right: number) => number,
): void {
	const {usedFrontends, usedUnits} = state;
	const {frontends, units} = candidates;
	// How many candidates name each leg: a candidate whose legs no other names competes with nobody.
	const frontendUses = new Uint16Array(state.frontends.length);
	const unitUses = new Uint16Array(state.units.length);
	for (let index = 0; index < units.length; index++) {
		const frontend = frontends[index] ?? 0;
		const unit = units[index] ?? 0;
		frontendUses[frontend] = Math.min(2, (frontendUses[frontend] ?? 0) + 1);
		unitUses[unit] = Math.min(2, (unitUses[unit] ?? 0) + 1);
	}

	const contested: number[] = [];
	for (let index = 0; index < units.length; index++) {
		const frontend = frontends[index] ?? 0;
		const unit = units[index] ?? 0;
		if (frontendUses[frontend] === 1 && unitUses[unit] === 1) {
			take(state, kind, frontend, unit);
		} else {
			contested.push(index);
		}
	}

	for (const index of contested.sort(byRank)) {
		const frontend = frontends[index] ?? 0;
		const unit = units[index] ?? 0;
		if (usedFrontends[frontend] === 0 && usedUnits[unit] === 0) {
			take(state, kind, frontend, unit);
		}
	}
}

/** Joins the frontend and the unit at these positions. */
export function take(state: MatchState, kind: Match['kind'], frontend: number, unit: number): void {
	const frontendDraft = state.frontends[frontend];
	const unitFound = state.units[unit];
	if (frontendDraft === undefined || unitFound === undefined) {
		return;
	}

	state.usedFrontends[frontend] = 1;
	state.usedUnits[unit] = 1;
	const key = state.frontendKeys[frontend];
	state.matches.push({frontend: {item: frontendDraft, key}, unit: unitFound, kind});
}

/** Best score first, then by frontend id, then by unit id (ties of ids: the order given). */
function compareCandidates(
	state: MatchState,
	candidates: Candidates,
	left: number,
	right: number,
): number {
	const {frontends, units, scores} = candidates;
	return (
		(scores[right] ?? 0) - (scores[left] ?? 0) ||
		compareFrontends(state, frontends[left] ?? 0, frontends[right] ?? 0) ||
		compareUnits(state, units[left] ?? 0, units[right] ?? 0)
	);
}

function compareFrontends(state: MatchState, left: number, right: number): number {
	const leftKey = state.frontendKeys[left];
	const rightKey = state.frontendKeys[right];
	if (left === right || leftKey === undefined || rightKey === undefined) {
		return left - right;
	}

	return compareConnectionKeys(leftKey, rightKey) || left - right;
}

function compareUnits(state: MatchState, left: number, right: number): number {
	if (left === right) {
		return 0;
	}

	const leftKey = unitKey(state, left);
	const rightKey = unitKey(state, right);
	// A unit without a leg has the empty id, which sorts first.
	if (leftKey === undefined || rightKey === undefined) {
		return Number(rightKey === undefined) - Number(leftKey === undefined) || left - right;
	}

	return compareConnectionKeys(leftKey, rightKey) || left - right;
}

/** The key of the unit's connection id (of its backend leg, else its target view). */
export function unitKey(state: MatchState, position: number): ConnectionKey | undefined {
	const known = state.unitKeys[position];
	if (known !== undefined) {
		return known;
	}

	const unit = state.units[position];
	const leg = unit?.backend?.leg ?? unit?.view?.leg;
	const key = leg === undefined ? undefined : connectionKey(leg);
	state.unitKeys[position] = key;
	return key;
}
