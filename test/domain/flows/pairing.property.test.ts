// Pairing never lies: in any world built from the documented record semantics, no row joins legs of
// two different connections (or a health check's to a client's), and a frontend the LB never
// forwarded (rejected, or to a port with no listener) is never joined to a backend leg.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {pairConnections} from '../../../source/domain/flows/pairing.js';
import type {Connection} from '../../../source/domain/types/flows.js';
import {buildWorld, legKey, type World, worldSpec} from './pairing-world.js';

function owners(world: World, connection: Connection): string[] {
	return [connection.frontend, connection.backend, connection.targetView].flatMap((leg) =>
		leg === undefined ? [] : [world.owner.get(legKey(leg)) ?? `unknown ${legKey(leg)}`],
	);
}

describe('pairConnections on random worlds', () => {
	it("never puts one connection's legs in another connection's row", () => {
		fc.assert(
			fc.property(worldSpec, (spec) => {
				const world = buildWorld(spec);
				for (const connection of pairConnections(world.records, world.topology)) {
					const legOwners = owners(world, connection);
					expect(new Set(legOwners).size, `${connection.kind} row ${legOwners.join(', ')}`).toBe(1);
					const [owner] = legOwners;
					if (owner !== undefined && world.neverForwarded.has(owner)) {
						expect(connection.backend ?? connection.targetView).toBeUndefined();
					}
				}
			}),
			{numRuns: 150},
		);
	});

	it('keeps every leg: each one shows in a row', () => {
		fc.assert(
			fc.property(worldSpec, (spec) => {
				const world = buildWorld(spec);
				const shown = pairConnections(world.records, world.topology).flatMap((connection) =>
					[connection.frontend, connection.backend, connection.targetView].flatMap((leg) =>
						leg === undefined ? [] : [legKey(leg)],
					),
				);
				expect(new Set(shown)).toEqual(new Set(world.owner.keys()));
			}),
			{numRuns: 50},
		);
	});
});
