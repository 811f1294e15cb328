// Connection ids are what the UI keeps its selection by across refreshes, so they must not change:
// `c-` and the 32-bit FNV-1a hashes (hex) of the leg's identity text and of that text reversed by
// code points. The ids are computed without building the text; the definition is written out here.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	compareConnectionKeys,
	connectionId,
	connectionKey,
} from '../../../source/domain/flows/connection-id.js';
import type {FlowLeg} from '../../../source/domain/types/flows.js';

function fnv1a(text: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}

	return hash.toString(16).padStart(8, '0');
}

function definedId(leg: FlowLeg): string {
	const identity = [
		leg.role,
		leg.interfaceId,
		leg.protocol,
		leg.srcAddr,
		leg.srcPort,
		leg.dstAddr,
		leg.dstPort,
		leg.start,
	].join('|');
	return `c-${fnv1a(identity)}${fnv1a([...identity].reverse().join(''))}`;
}

const leg: FlowLeg = {
	role: 'frontend',
	interfaceId: 'eni-0a1b2c3d4e5f60718',
	protocol: 6,
	srcAddr: '198.51.100.7',
	srcPort: 40_000,
	dstAddr: '10.0.1.10',
	dstPort: 80,
	action: 'ACCEPT',
	packets: 1,
	bytes: 2,
	start: 1_700_000_000,
	end: 1_700_000_060,
};

describe('connectionId', () => {
	it('gives the ids it has always given', () => {
		expect(connectionId(leg)).toBe('c-b4ea5fd7553c40d7');
		expect(
			connectionId({
				...leg,
				role: 'target',
				srcAddr: '2001:db8::7',
				dstPort: 0,
				protocol: 1,
				start: 0,
			}),
		).toBe('c-82d1c731ff0f5435');
	});

	it.each<[string, Partial<FlowLeg>]>([
		['an ICMP leg (port 0)', {protocol: 1, srcPort: 0, dstPort: 0}],
		['an IPv6 leg', {srcAddr: '2001:db8::7', dstAddr: '2001:db8::1'}],
		['the largest safe start', {start: Number.MAX_SAFE_INTEGER}],
		['a start just under a power of ten', {start: 9_999_999_999}],
		['the largest 32-bit start', {start: 2_147_483_647}],
		['the smallest start past 32 bits', {start: 2_147_483_648}],
		['single-digit ports', {srcPort: 9, dstPort: 1}],
		['ports at powers of ten', {srcPort: 10, dstPort: 10_000}],
		['a fractional start', {start: 1_700_000_000.5}],
		['a negative port', {srcPort: -1}],
		['a port of -0', {srcPort: -0}],
		['a NaN port', {dstPort: Number.NaN}],
		['an infinite start', {start: Number.POSITIVE_INFINITY}],
		['a start past 2^53', {start: 2 ** 60}],
		['an interface with an astral character', {interfaceId: 'eni-😀-1'}],
		['an interface with a lone surrogate', {interfaceId: 'eni-\uD800-1'}],
		['an interface with a non-ASCII letter', {interfaceId: 'ení-1'}],
		['an empty interface', {interfaceId: ''}],
		['a long interface', {interfaceId: `eni-${'a'.repeat(500)}`}],
	])('follows the definition for %s', (_name, changes) => {
		const changed = {...leg, ...changes};
		expect(connectionId(changed)).toBe(definedId(changed));
	});

	it('follows the definition for any whole numbers, either side of 32 bits', () => {
		const number = fc.oneof(
			fc.integer({min: 0, max: 2 ** 31 + 1000}),
			fc.maxSafeNat(),
			fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31, 2 ** 32),
		);
		fc.assert(
			fc.property(number, number, number, (port, protocol, start) => {
				const changed = {...leg, srcPort: port, protocol, start};
				expect(connectionId(changed)).toBe(definedId(changed));
			}),
		);
	});

	it('follows the definition for any run of legs, whichever pieces they share with the one before', () => {
		// Legs of one role, interface and protocol share the start of their identity texts, which is
		// written once for a run of them; a long or odd piece in between must not leave it stale.
		const text = fc.oneof(
			fc.constantFrom('eni-0a1b2c3d4e5f60718', 'eni-0f9e8d7c6b5a49382', '10.0.1.10', ''),
			fc.string({maxLength: 300}),
			fc.string({maxLength: 8, unit: 'binary'}),
		);
		const number = fc.oneof(
			fc.constantFrom(6, 17, 0, -0, 443),
			fc.integer({min: -5, max: 2 ** 33}),
			fc.double(),
		);
		const run = fc.array(
			fc.record({
				role: fc.constantFrom('frontend' as const, 'backend' as const, 'target' as const),
				interfaceId: text,
				protocol: number,
				srcAddr: text,
				srcPort: number,
				dstAddr: fc.constantFrom('10.0.1.10', '10.0.1.27'),
				start: number,
			}),
			{minLength: 1, maxLength: 12},
		);
		fc.assert(
			fc.property(run, (changes) => {
				for (const change of changes) {
					const changed = {...leg, ...change};
					expect(connectionId(changed)).toBe(definedId(changed));
				}
			}),
			{numRuns: 300},
		);
	});

	it('orders keys as the ids order (as text)', () => {
		const legs = fc.record({
			srcPort: fc.integer({min: 0, max: 65_535}),
			start: fc.integer({min: 0, max: 4_000_000_000}),
			srcAddr: fc.ipV4(),
		});
		fc.assert(
			fc.property(legs, legs, (left, right) => {
				const a = {...leg, ...left};
				const b = {...leg, ...right};
				const idA = connectionId(a);
				const idB = connectionId(b);
				const byIds = idA < idB ? -1 : idA > idB ? 1 : 0;
				expect(Math.sign(compareConnectionKeys(connectionKey(a), connectionKey(b)))).toBe(byIds);
			}),
		);
	});
});
