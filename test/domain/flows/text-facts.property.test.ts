// Orientation asks the topology about addresses and interfaces by their text ids, each looked up
// once. Whatever the texts and the order they are asked in, the answers are the topology index's
// own answers for the texts.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	addressFacts,
	createTextFacts,
	isLbAddress,
	isTargetAddress,
	lbInterfaceOf,
	targetInterfaceOf,
	targetsOfAddress,
} from '../../../source/domain/flows/text-facts.js';
import {indexTopology} from '../../../source/domain/flows/topology-index.js';
import {placeWorld} from './pairing-world-topology.js';

const placement = fc
	.tuple(fc.integer({min: 1, max: 3}), fc.integer({min: 1, max: 2}), fc.boolean(), fc.boolean())
	.map(([zones, targets, web, api]) => placeWorld(zones, targets, {web, api}));

const question = fc.tuple(fc.constantFrom('address', 'interface'), fc.nat(), fc.nat(9000));

describe('text facts', () => {
	it("answer as the topology index does for the ids' texts", () => {
		fc.assert(
			fc.property(placement, fc.array(question, {maxLength: 60}), (world, questions) => {
				const index = indexTopology(world.topology);
				const texts = [
					'',
					'198.51.100.7',
					'eni-unknown',
					...world.zones.flatMap((zone) => [zone.ip, zone.interfaceId]),
					...Object.values(world.hosts).flatMap((hosts) =>
						hosts.flatMap((host) => [host.ip, host.interfaceId]),
					),
				];
				const ports = [0, 80, 443, 8080, 8443, 40_000];
				const facts = createTextFacts(texts);
				for (const [kind, pick, port] of questions) {
					const id = pick % texts.length;
					const text = texts[id] ?? '';
					if (kind === 'address') {
						const asked = ports[port % ports.length] ?? 0;
						const addressKind = addressFacts(facts, index, id);
						expect(isLbAddress(addressKind)).toBe(index.lbAddrs.has(text));
						expect(isTargetAddress(addressKind)).toBe(index.targetAddrs.has(text));
						expect(targetsOfAddress(facts, index, id, asked)).toEqual(
							index.targetsByEndpoint.get(text)?.get(asked) ?? [],
						);
					} else {
						expect(lbInterfaceOf(facts, index, id)).toBe(index.lbInterfaces.get(text));
						expect(targetInterfaceOf(facts, index, id)).toBe(index.targetInterfaces.get(text));
					}
				}
			}),
			{numRuns: 200},
		);
	});
});
