// A population's source addresses: drawn once from its CIDR blocks (never a block's network or
// broadcast address), each with a long-tailed share of the connections so a few heavy hitters
// stand out, as they do in real traffic.

import {createRandom, hashSeed, type Random} from '../demo/prng.js';
import {numberToIpv4, parseIpv4Cidr} from '../world/ipv4.js';

export type PoolAddress = {readonly ip: string; readonly address: number};

export type AddressPool = {
	readonly addresses: readonly PoolAddress[];
	readonly pick: (random: Random) => PoolAddress;
};

function hostsOf(cidr: string): {first: number; count: number} | undefined {
	const block = parseIpv4Cidr(cidr);
	if (block === undefined) return undefined;
	// A /31 or /32 is all hosts; larger blocks leave out their first and last address.
	return block.size <= 2
		? {first: block.first, count: block.size}
		: {first: block.first + 1, count: block.size - 2};
}

/** `count` distinct addresses spread over the blocks by their size; `skew` shapes their shares (Zipf). */
export function buildAddressPool(
	seed: number,
	name: string,
	cidrs: readonly string[],
	count: number,
	skew: number,
): AddressPool {
	const random = createRandom(hashSeed(seed, 'pool', name));
	const blocks = cidrs.flatMap((cidr) => hostsOf(cidr) ?? []);
	const capacity = blocks.reduce((total, block) => total + block.count, 0);
	const wanted = Math.max(1, Math.min(count, capacity));
	const chosen = new Set<number>();
	for (const [index, block] of blocks.entries()) {
		const share =
			index === blocks.length - 1
				? wanted - chosen.size
				: Math.round((wanted * block.count) / Math.max(1, capacity));
		const take = Math.min(block.count, Math.max(0, share));
		const before = chosen.size;
		if (take * 2 >= block.count) {
			for (let host = 0; host < block.count && chosen.size - before < take; host++) {
				chosen.add(block.first + host);
			}
		} else {
			while (chosen.size - before < take) chosen.add(block.first + random.int(0, block.count - 1));
		}
	}
	const addresses = [...chosen].map((address) => ({ip: numberToIpv4(address), address}));
	// Shuffle so the heavy hitters are spread over the blocks, then weight by rank (Zipf-like).
	for (let index = addresses.length - 1; index > 0; index--) {
		const other = random.int(0, index);
		const current = addresses[index];
		const swapped = addresses[other];
		if (current !== undefined && swapped !== undefined) {
			addresses[index] = swapped;
			addresses[other] = current;
		}
	}
	const cumulative = new Float64Array(addresses.length);
	let total = 0;
	for (let rank = 0; rank < addresses.length; rank++) {
		total += 1 / (rank + 1) ** skew;
		cumulative[rank] = total;
	}
	const fallback = addresses[0] ?? {ip: '0.0.0.0', address: 0};
	return {
		addresses,
		pick: (source) => {
			const target = source.next() * total;
			let low = 0;
			let high = cumulative.length - 1;
			while (low < high) {
				const middle = (low + high) >> 1;
				if ((cumulative[middle] ?? total) < target) low = middle + 1;
				else high = middle;
			}
			return addresses[low] ?? fallback;
		},
	};
}

/** Linux picks source ports from 32768-60999, Windows and macOS from 49152-65535. */
export function clientEphemeralPort(random: Random): number {
	return random.chance(0.45) ? random.int(32_768, 60_999) : random.int(49_152, 65_535);
}
