// The demo's client population: a few hundred public addresses with a long-tailed share of the
// traffic, drawn from documentation ranges and from ranges common in GeoIP test data, so no real
// party's address shows up in the demo.
import {createRandom, hashSeed, type Random} from './prng.js';

type ClientRange = {readonly prefix: string; readonly firstHost: number; readonly count: number};

const clientRanges: readonly ClientRange[] = [
	{prefix: '198.51.100', firstHost: 1, count: 110},
	{prefix: '203.0.113', firstHost: 1, count: 110},
	// 192.0.2.1-31 stay free for the NLB's Elastic IPs and the operators' own addresses.
	{prefix: '192.0.2', firstHost: 32, count: 90},
	{prefix: '81.2.69', firstHost: 1, count: 50},
	{prefix: '89.160.20', firstHost: 1, count: 50},
];

/** Background internet noise (probes of SSH, RDP, SMB...) comes from elsewhere. */
export const noiseRanges: readonly string[] = ['175.16.199', '2.125.160'];

/** The scan incident's single source. */
export const scannerAddress = '216.160.83.56';

export type ClientPool = {
	readonly addresses: readonly string[];
	readonly pick: (random: Random) => string;
};

export function buildClientPool(seed: number): ClientPool {
	const random = createRandom(hashSeed(seed, 'clients'));
	const addresses: string[] = [];
	for (const range of clientRanges) {
		const hosts = new Set<number>();
		while (hosts.size < range.count) {
			hosts.add(random.int(range.firstHost, 254));
		}
		for (const host of hosts) {
			addresses.push(`${range.prefix}.${host}`);
		}
	}
	// Shuffle so the heavy hitters are spread over the ranges, then weight by rank (Zipf-like).
	for (let index = addresses.length - 1; index > 0; index--) {
		const other = random.int(0, index);
		const current = addresses[index];
		const swapped = addresses[other];
		if (current !== undefined && swapped !== undefined) {
			addresses[index] = swapped;
			addresses[other] = current;
		}
	}
	const cumulative: number[] = [];
	let total = 0;
	for (let rank = 0; rank < addresses.length; rank++) {
		total += 1 / (rank + 1) ** 0.8;
		cumulative.push(total);
	}
	return {
		addresses,
		pick: (source) => {
			const target = source.next() * total;
			let low = 0;
			let high = cumulative.length - 1;
			while (low < high) {
				const middle = (low + high) >> 1;
				if ((cumulative[middle] ?? total) < target) {
					low = middle + 1;
				} else {
					high = middle;
				}
			}
			return addresses[low] ?? scannerAddress;
		},
	};
}

/** Linux picks source ports from 32768-60999, Windows and macOS from 49152-65535. */
export function clientEphemeralPort(random: Random): number {
	return random.chance(0.45) ? random.int(32_768, 60_999) : random.int(49_152, 65_535);
}
