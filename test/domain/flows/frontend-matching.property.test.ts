// Joining frontends to backend units gives exactly what the matcher as it was gives
// (reference/frontend-matching.ts): the same matches in the same order, the same lone legs with
// their keys, candidate counts and whether a partner may still come. The exact pass now looks only
// at the frontends of a unit's client address and source port; ports compare as before (NaN is one
// port, -0 and 0 are one), so worlds with odd ports are run too.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {type BackendUnit, joinBackendUnits} from '../../../source/domain/flows/backend-units.js';
import {flowTableOf} from '../../../source/domain/flows/flow-table.js';
import {
	type FrontendMatching,
	matchFrontends,
} from '../../../source/domain/flows/frontend-matching.js';
import {addLegDrafts, type LegDraft} from '../../../source/domain/flows/legs.js';
import {indexTopology} from '../../../source/domain/flows/topology-index.js';
import {buildWorld, type WorldSpec, worldSpec} from './pairing-world.js';
import {matchFrontends as referenceMatchFrontends} from './reference/frontend-matching.js';

const slackSeconds = 60;

type Legs = {
	readonly frontends: LegDraft[];
	readonly units: BackendUnit[];
	readonly index: ReturnType<typeof indexTopology>;
};

function legsOf(spec: WorldSpec): Legs {
	const world = buildWorld(spec);
	const index = indexTopology(world.topology);
	const frontends: LegDraft[] = [];
	const backends: LegDraft[] = [];
	const views: LegDraft[] = [];
	addLegDrafts(
		flowTableOf(world.records),
		index,
		{},
		{
			frontend: frontends,
			backend: backends,
			target: views,
		},
	);
	return {frontends, units: joinBackendUnits(backends, views, index, slackSeconds), index};
}

/** Every output field, with the legs and units named by position so identity is checked too. */
function shapeOf(matching: FrontendMatching, legs: Legs) {
	const frontend = (draft: LegDraft) => legs.frontends.indexOf(draft);
	const unit = (item: BackendUnit) => legs.units.indexOf(item);
	return {
		matches: matching.matches.map((match) => ({
			frontend: frontend(match.frontend.item),
			key: match.frontend.key,
			unit: unit(match.unit),
			kind: match.kind,
		})),
		loneFrontends: matching.loneFrontends.map((lone) => ({...lone, item: frontend(lone.item)})),
		loneUnits: matching.loneUnits.map((lone) => ({...lone, item: unit(lone.item)})),
	};
}

function expectSameMatching(legs: Legs): void {
	const {frontends, units, index} = legs;
	const matching = matchFrontends(frontends, units, index, slackSeconds);
	const reference = referenceMatchFrontends(frontends, units, index, slackSeconds);
	expect(shapeOf(matching, legs)).toEqual(shapeOf(reference, legs));
	// Not a tie hiding a difference: the positions above are found, never -1.
	for (const match of matching.matches) {
		expect(frontends).toContain(match.frontend.item);
		expect(units).toContain(match.unit);
	}
}

const oddPort = fc.constantFrom(Number.NaN, -0, 0, 1.5, -1, 443, 65_536);

/** The legs with some source ports replaced (frontends' and units' alike, so odd ones meet). */
function withPorts(
	legs: Legs,
	frontendPorts: readonly (number | undefined)[],
	unitPorts: readonly (number | undefined)[],
): Legs {
	const frontends = legs.frontends.map((draft, position) => {
		const port = frontendPorts[position % Math.max(1, frontendPorts.length)];
		return port === undefined ? draft : {...draft, leg: {...draft.leg, srcPort: port}};
	});
	const units = legs.units.map((unit, position) => {
		const port = unitPorts[position % Math.max(1, unitPorts.length)];
		return port === undefined ? unit : {...unit, srcPort: port};
	});
	return {frontends, units, index: legs.index};
}

describe('matchFrontends against the matcher as it was', () => {
	it('gives the same matches and lone legs on random worlds', () => {
		fc.assert(
			fc.property(worldSpec, (spec) => {
				expectSameMatching(legsOf(spec));
			}),
			{numRuns: 150},
		);
	});

	it('gives the same with odd source ports on either side', () => {
		const ports = fc.array(fc.option(oddPort, {nil: undefined}), {minLength: 1, maxLength: 7});
		fc.assert(
			fc.property(worldSpec, ports, ports, (spec, frontendPorts, unitPorts) => {
				expectSameMatching(withPorts(legsOf(spec), frontendPorts, unitPorts));
			}),
			{numRuns: 100},
		);
	});
});
