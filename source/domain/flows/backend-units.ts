// The LB's backend leg and the same conversation as the target's own interface logged it, joined
// into one unit before the client side is looked for. Both carry the same 5-tuple (the LB does not
// translate between its interface and the target's), so this join is exact.
import type {TargetGroupInfo} from '../types/topology.js';
import {groupBy} from './group-by.js';
import type {LegDraft} from './legs.js';
import {overlaps, type Span, timeScore} from './pairing-score.js';
import type {TargetEndpoint, TopologyIndex} from './topology-index.js';

export type BackendUnit = Span & {
	readonly backend?: LegDraft;
	readonly view?: LegDraft;
	/** The initiator as the packets carried it: the client (preservation on) or an LB address. */
	readonly originAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly protocol: number;
	/** The LB interface the backend traffic left from, when known. */
	readonly lbInterfaceId?: string;
	readonly targets: readonly TargetEndpoint[];
	/** The target groups of that target; empty when discovery does not know it. */
	readonly groups: readonly TargetGroupInfo[];
};

export function joinBackendUnits(
	backends: readonly LegDraft[],
	views: readonly LegDraft[],
	index: TopologyIndex,
	slackSeconds: number,
): BackendUnit[] {
	const viewsByTuple = groupBy(views, (view) => tupleKey(view.originAddr, view));
	const viewsByPort = groupBy(views, (view) => tupleKey('', view));
	const usedViews = new Set<LegDraft>();
	const units: BackendUnit[] = [];
	for (const backend of backends) {
		let candidates = viewsByTuple.get(tupleKey(backend.originAddr, backend)) ?? [];
		if (candidates.length === 0 && index.lbAddrs.has(backend.originAddr)) {
			// The LB interface may log its own primary address as the source of forwarded packets
			// (pkt-srcaddr holds the client); without pkt-srcaddr in the format the port still matches.
			candidates = viewsByPort.get(tupleKey('', backend)) ?? [];
		}

		const view = best(
			candidates.filter(
				(candidate) =>
					!usedViews.has(candidate) && overlaps(candidate.leg, backend.leg, slackSeconds),
			),
			backend,
			slackSeconds,
		);
		if (view !== undefined) {
			usedViews.add(view);
		}

		units.push(unitOf(index, backend, backend, view));
	}

	for (const view of views) {
		if (!usedViews.has(view)) {
			units.push(unitOf(index, view, undefined, view));
		}
	}

	return units;
}

function tupleKey(originAddr: string, draft: LegDraft): string {
	const {leg} = draft;
	return [originAddr, leg.srcPort, leg.dstAddr, leg.dstPort, leg.protocol].join('|');
}

function best(
	candidates: readonly LegDraft[],
	backend: LegDraft,
	slackSeconds: number,
): LegDraft | undefined {
	let chosen: LegDraft | undefined;
	let chosenScore = -1;
	for (const candidate of candidates) {
		const score = timeScore(candidate.leg, backend.leg, slackSeconds);
		if (score > chosenScore) {
			chosen = candidate;
			chosenScore = score;
		}
	}

	return chosen;
}

function unitOf(
	index: TopologyIndex,
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
	const legs = [backend, view].filter((draft) => draft !== undefined);
	const targets = legs.flatMap((draft) => draft.targets);
	return {
		...(backend === undefined ? {} : {backend}),
		...(view === undefined ? {} : {view}),
		originAddr,
		srcPort: main.leg.srcPort,
		dstAddr: main.leg.dstAddr,
		dstPort: main.leg.dstPort,
		protocol: main.leg.protocol,
		...(lbInterfaceId === undefined ? {} : {lbInterfaceId}),
		targets,
		groups: [...new Set(targets.map((entry) => entry.group))],
		start: Math.min(...legs.map((draft) => draft.leg.start)),
		end: Math.max(...legs.map((draft) => draft.leg.end)),
	};
}
