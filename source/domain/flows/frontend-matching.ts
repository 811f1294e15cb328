// Joining the client side (frontend legs) to the backend side (backend leg and target view), in
// passes from the strongest evidence to the weakest. Each leg joins at most one partner; whatever is
// left stays unpaired rather than being forced into a guess.
import type {PairingKind} from '../types/flows.js';
import type {BackendUnit} from './backend-units.js';
import {connectionId} from './connection-id.js';
import {groupBy} from './group-by.js';
import type {LegDraft} from './legs.js';
import {overlaps, shapeScore, timeScore} from './pairing-score.js';
import {listenerRoutesTo, type TopologyIndex} from './topology-index.js';

export type FrontendMatch = {
	readonly frontend: LegDraft;
	readonly unit: BackendUnit;
	readonly kind: Exclude<PairingKind, 'unpaired'>;
};

export type FrontendMatching = {
	readonly matches: readonly FrontendMatch[];
	readonly loneFrontends: readonly LegDraft[];
	readonly loneUnits: readonly BackendUnit[];
};

type Candidate = {readonly frontend: number; readonly unit: number; readonly score: number};

// Per backend unit, only the best few frontends compete: beyond them a guess is no better, and
// keeping every pair makes a busy interface quadratic in memory and sort time.
const candidatesPerUnit = 16;

export function matchFrontends(
	frontendDrafts: readonly LegDraft[],
	unitList: readonly BackendUnit[],
	index: TopologyIndex,
	slackSeconds: number,
): FrontendMatching {
	// A fixed order (by stable id) makes ties resolve the same way on every refresh.
	const frontends = sortById(frontendDrafts, (draft) => draft.leg);
	const units = sortById(unitList, (unit) => unit.backend?.leg ?? unit.view?.leg);
	const frontendOf = new Map(frontends.map((draft, position) => [draft, position]));
	const usedFrontends = new Set<number>();
	const usedUnits = new Set<number>();
	const matches: FrontendMatch[] = [];

	const pass = (
		kind: FrontendMatch['kind'],
		shortlist: (unit: BackendUnit) => readonly LegDraft[],
		score: (frontend: LegDraft, unit: BackendUnit) => number | undefined,
	) => {
		const candidates: Candidate[] = [];
		for (const [unitPosition, unit] of units.entries()) {
			if (usedUnits.has(unitPosition)) {
				continue;
			}

			const scored: Candidate[] = [];
			for (const frontend of shortlist(unit)) {
				const position = frontendOf.get(frontend) ?? -1;
				if (usedFrontends.has(position) || !compatible(frontend, unit)) {
					continue;
				}

				const value = score(frontend, unit);
				if (value !== undefined) {
					scored.push({frontend: position, unit: unitPosition, score: value});
				}
			}

			candidates.push(...scored.sort(byScore).slice(0, candidatesPerUnit));
		}

		for (const candidate of candidates.sort(byScore)) {
			const frontend = frontends[candidate.frontend];
			const unit = units[candidate.unit];
			if (
				frontend !== undefined &&
				unit !== undefined &&
				!usedFrontends.has(candidate.frontend) &&
				!usedUnits.has(candidate.unit)
			) {
				usedFrontends.add(candidate.frontend);
				usedUnits.add(candidate.unit);
				matches.push({frontend, unit, kind});
			}
		}
	};

	const compatible = (frontend: LegDraft, unit: BackendUnit) =>
		frontend.leg.protocol === unit.protocol &&
		overlaps(frontend.leg, unit, slackSeconds) &&
		routes(index, frontend, unit);
	const isClientUnit = (unit: BackendUnit) => !index.lbAddrs.has(unit.originAddr);
	const byTime = (frontend: LegDraft, unit: BackendUnit) =>
		timeScore(frontend.leg, unit, slackSeconds);

	// Preservation on: the backend carries the client's address and port, so both must agree.
	const byClientPort = groupBy(frontends, (draft) =>
		clientKey(draft.leg.srcAddr, draft.leg.srcPort),
	);
	pass(
		'exact',
		(unit) =>
			isClientUnit(unit) ? (byClientPort.get(clientKey(unit.originAddr, unit.srcPort)) ?? []) : [],
		byTime,
	);

	// Whether NLB keeps the client's source port end to end is not documented. The client address,
	// the routed target and the time window still point at one connection, but a client with several
	// connections open at once makes the choice between them a guess, so the row says "likely".
	const byClient = groupBy(frontends, (draft) => draft.leg.srcAddr);
	pass(
		'likely',
		(unit) => (isClientUnit(unit) ? (byClient.get(unit.originAddr) ?? []) : []),
		byTime,
	);

	// Preservation off: the backend starts at the LB's own address, so only the interface (one per
	// AZ), the time window and the traffic shape relate it to a client.
	const byInterface = new Map(
		[...groupBy(frontends, (draft) => draft.leg.interfaceId)].map(([interfaceId, drafts]) => [
			interfaceId,
			timeWindows(drafts, slackSeconds),
		]),
	);
	pass(
		'likely',
		(unit) => (isClientUnit(unit) ? [] : (byInterface.get(unit.lbInterfaceId ?? '')?.(unit) ?? [])),
		(frontend, unit) =>
			shapeAllowed(frontend, unit) ? shapeMatchScore(frontend, unit, slackSeconds) : undefined,
	);

	return {
		matches,
		loneFrontends: frontends.filter((_, position) => !usedFrontends.has(position)),
		loneUnits: units.filter((_, position) => !usedUnits.has(position)),
	};
}

function routes(index: TopologyIndex, frontend: LegDraft, unit: BackendUnit): boolean {
	const {groups} = unit;
	return (
		groups.length === 0 ||
		groups.some((group) => listenerRoutesTo(index, frontend.leg.dstPort, group.arn))
	);
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

function byScore(left: Candidate, right: Candidate): number {
	return right.score - left.score || left.frontend - right.frontend || left.unit - right.unit;
}

function sortById<Item>(
	items: readonly Item[],
	legOf: (item: Item) => LegDraft['leg'] | undefined,
): Item[] {
	const keyed = items.map((item) => {
		const leg = legOf(item);
		return {item, id: leg === undefined ? '' : connectionId(leg)};
	});
	keyed.sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
	return keyed.map((entry) => entry.item);
}

/**
 * The frontends whose windows can overlap a span, found by binary search over start times instead of
 * a scan of every frontend on a busy interface.
 */
function timeWindows(
	drafts: readonly LegDraft[],
	slackSeconds: number,
): (span: {readonly start: number; readonly end: number}) => readonly LegDraft[] {
	const sorted = [...drafts].sort((left, right) => left.leg.start - right.leg.start);
	const longest = sorted.reduce(
		(most, draft) => Math.max(most, draft.leg.end - draft.leg.start),
		0,
	);
	const firstStartingAt = (time: number) => {
		let low = 0;
		let high = sorted.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if ((sorted[middle]?.leg.start ?? 0) < time) {
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

function clientKey(addr: string, port: number): string {
	return `${addr}|${port}`;
}
