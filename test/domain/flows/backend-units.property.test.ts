// The LB's backend legs are joined to the target's own view of the same tuple. Views are grouped by
// destination, ports and protocol as integers, with odd values (a hand-made leg's: NaN, -0,
// fractions, out of range) keyed as text; whatever the legs, each backend gets the view the
// definition gives: among views whose `${dstAddr}|${dstPort}|${srcPort}|${protocol}` is the
// backend's (numbers as String writes them), unused, overlapping, with the backend's initiator when
// one of them has it, the closest in time, the first on a tie.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {joinBackendUnits} from '../../../source/domain/flows/backend-units.js';
import type {LegDraft} from '../../../source/domain/flows/legs.js';
import {overlaps, timeScore} from '../../../source/domain/flows/pairing-score.js';
import {indexTopology} from '../../../source/domain/flows/topology-index.js';
import type {FlowLeg} from '../../../source/domain/types/flows.js';
import {nlbTopology} from './fixtures.js';

const index = indexTopology(nlbTopology({preserveClientIp: true}));
const slackSeconds = 60;

const number = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom(0, 6, 17, 80, 443, 8443, 40_000)},
	{weight: 1, arbitrary: fc.constantFrom(-0, Number.NaN, 1.5, -1, 256, 65_536, 2 ** 40)},
);

const draft = (role: FlowLeg['role']) =>
	fc
		.record({
			originAddr: fc.constantFrom('198.51.100.7', '10.0.1.10', '10.0.2.10'),
			dstAddr: fc.constantFrom('10.0.1.27', '10.0.2.31', ''),
			dstPort: number,
			srcPort: number,
			protocol: number,
			start: fc.integer({min: 0, max: 400}),
			length: fc.integer({min: 0, max: 200}),
		})
		.map(
			({originAddr, dstAddr, dstPort, srcPort, protocol, start, length}): LegDraft => ({
				leg: {
					role,
					interfaceId: role === 'backend' ? 'eni-0aaa000000000000a' : 'eni-0bbb000000000000b',
					protocol,
					srcAddr: originAddr,
					srcPort,
					dstAddr,
					dstPort,
					action: 'ACCEPT',
					packets: 1,
					bytes: 40,
					start,
					end: start + length,
				},
				originAddr,
				targets: [],
				accepted: true,
				forwardPackets: 1,
				forwardBytes: 40,
				reversePackets: 0,
				reverseBytes: 0,
			}),
		);

const textKey = ({leg}: LegDraft) => `${leg.dstAddr}|${leg.dstPort}|${leg.srcPort}|${leg.protocol}`;

/** Each backend's view by the definition above (undefined: none). */
function definedViews(
	backends: readonly LegDraft[],
	views: readonly LegDraft[],
): (LegDraft | undefined)[] {
	const used = new Set<LegDraft>();
	return backends.map((backend) => {
		const group = views.filter((view) => textKey(view) === textKey(backend));
		const lbOrigin =
			!group.some((view) => view.originAddr === backend.originAddr) &&
			index.lbAddrs.has(backend.originAddr);
		let chosen: LegDraft | undefined;
		let chosenScore = -1;
		for (const view of group) {
			if (
				(lbOrigin || view.originAddr === backend.originAddr) &&
				!used.has(view) &&
				overlaps(view.leg, backend.leg, slackSeconds)
			) {
				const score = timeScore(view.leg, backend.leg, slackSeconds);
				if (score > chosenScore) {
					chosen = view;
					chosenScore = score;
				}
			}
		}

		if (chosen !== undefined) {
			used.add(chosen);
		}

		return chosen;
	});
}

describe('backend legs joined to target views', () => {
	it('take the view the definition gives, odd values included', () => {
		fc.assert(
			fc.property(
				fc.array(draft('backend'), {maxLength: 12}),
				fc.array(draft('target'), {maxLength: 12}),
				(backends, views) => {
					const units = joinBackendUnits(backends, views, index, slackSeconds);
					const expected = definedViews(backends, views);
					// By position: equal views are still different legs.
					const positions = (chosen: readonly (LegDraft | undefined)[]) =>
						chosen.map((view) => (view === undefined ? -1 : views.indexOf(view)));
					expect(positions(units.map((unit) => unit.view))).toEqual(
						positions([...expected, ...views.filter((view) => !expected.includes(view))]),
					);
					expect(units.map((unit) => unit.backend)).toEqual([
						...backends,
						...views.filter((view) => !expected.includes(view)).map(() => undefined),
					]);
				},
			),
			{numRuns: 1000},
		);
	});
});
