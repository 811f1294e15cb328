// A small seeded PRNG so the demo world is the same for the same seed, on every machine and run.
// Each piece of the world (a minute of traffic, an interface's delivery delay) seeds its own
// generator from stable parts, so the content never depends on the order it was built in.

export type Random = {
	/** Uniform in [0, 1). */
	readonly next: () => number;
	/** Uniform integer in [min, max]. */
	readonly int: (min: number, max: number) => number;
	readonly chance: (probability: number) => boolean;
	readonly pick: <T>(items: readonly T[]) => T;
	/** `length` lowercase hex digits. */
	readonly hex: (length: number) => string;
};

/** Mixes numbers and strings into one 32-bit seed (FNV-1a over the parts, then a final avalanche). */
export function hashSeed(...parts: readonly (number | string)[]): number {
	let hash = 0x81_1c_9d_c5;
	for (const part of parts) {
		const text = typeof part === 'number' ? `n${part}` : `s${part}`;
		for (let index = 0; index < text.length; index++) {
			hash ^= text.charCodeAt(index);
			hash = Math.imul(hash, 0x01_00_01_93);
		}
		hash ^= 0x2c;
		hash = Math.imul(hash, 0x01_00_01_93);
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85_eb_ca_6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2_b2_ae_35);
	hash ^= hash >>> 16;
	return hash >>> 0;
}

/** mulberry32: fast, small state, good enough spread for synthetic traffic. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (probability) => next() < probability,
		pick: <T>(items: readonly T[]): T => {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) {
				throw new RangeError('cannot pick from an empty list');
			}
			return item;
		},
		hex: (length) => {
			let text = '';
			while (text.length < length) {
				text += Math.floor(next() * 16).toString(16);
			}
			return text;
		},
	};
}

/** Deterministic RFC 4122 version-4-shaped id (request ids, event ids). */
export function uuidFrom(random: Random): string {
	const variant = (8 + random.int(0, 3)).toString(16);
	return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${variant}${random.hex(3)}-${random.hex(12)}`;
}
