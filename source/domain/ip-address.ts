// Addresses as numbers, so "is 203.0.113.7 in 203.0.113.0/24" has one answer for IPv4 and IPv6,
// whatever way the address was written (2001:db8::1 and 2001:0db8:0:0::1 are the same host).

export type IpVersion = 4 | 6;

export type IpAddress = {
	readonly version: IpVersion;
	readonly value: bigint;
};

export type IpRange = IpAddress & {
	/** Leading bits that must match; 32 (IPv4) or 128 (IPv6) for a single address. */
	readonly prefix: number;
};

export const addressBits: Readonly<Record<IpVersion, number>> = {4: 32, 6: 128};

export function parseIpv4(text: string): bigint | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) {
		return undefined;
	}

	let value = 0n;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
			return undefined;
		}

		value = (value << 8n) | BigInt(part);
	}

	return value;
}

/** Hex groups of one side of `::`; an embedded IPv4 address may only come last. */
function ipv6Groups(part: string, ipv4Allowed: boolean): number[] | undefined {
	if (part === '') {
		return [];
	}

	const pieces = part.split(':');
	const groups: number[] = [];
	for (const [index, piece] of pieces.entries()) {
		if (piece.includes('.')) {
			const embedded = parseIpv4(piece);
			if (!ipv4Allowed || index !== pieces.length - 1 || embedded === undefined) {
				return undefined;
			}

			groups.push(Number(embedded >> 16n), Number(embedded & 0xff_ffn));
			continue;
		}

		if (!/^[\da-f]{1,4}$/i.test(piece)) {
			return undefined;
		}

		groups.push(Number.parseInt(piece, 16));
	}

	return groups;
}

export function parseIpv6(text: string): bigint | undefined {
	const halves = text.split('::');
	if (halves.length > 2) {
		return undefined;
	}

	const compressed = halves.length === 2;
	const head = ipv6Groups(halves[0] ?? '', !compressed);
	const tail = compressed ? ipv6Groups(halves[1] ?? '', true) : [];
	if (head === undefined || tail === undefined) {
		return undefined;
	}

	const missing = 8 - head.length - tail.length;
	if (compressed ? missing < 1 : missing !== 0) {
		return undefined;
	}

	const groups = [...head, ...Array.from({length: missing}, () => 0), ...tail];
	return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/**
 * Rows repeat the same few addresses (the LB's, the targets'), and a sort compares each row many
 * times: parsed addresses are kept, up to a bound, so a 3000-row pane re-sorts within a frame.
 */
const parsed = new Map<string, IpAddress | null>();
const parsedLimit = 20_000;

export function parseAddress(text: string): IpAddress | undefined {
	const known = parsed.get(text);
	if (known !== undefined) {
		return known ?? undefined;
	}

	const address = readAddress(text);
	if (parsed.size >= parsedLimit) {
		parsed.clear();
	}

	parsed.set(text, address ?? null);
	return address;
}

function readAddress(text: string): IpAddress | undefined {
	const v4 = parseIpv4(text);
	if (v4 !== undefined) {
		return {version: 4, value: v4};
	}

	const v6 = text.includes(':') ? parseIpv6(text) : undefined;
	return v6 === undefined ? undefined : {version: 6, value: v6};
}

/** `203.0.113.0/24`; host bits may be set (`203.0.113.7/24` means the same range). */
export function parseRange(text: string): IpRange | undefined {
	const slash = text.lastIndexOf('/');
	const address = parseAddress(slash === -1 ? text : text.slice(0, slash));
	if (address === undefined) {
		return undefined;
	}

	const bits = addressBits[address.version];
	if (slash === -1) {
		return {...address, prefix: bits};
	}

	const prefixText = text.slice(slash + 1);
	const prefix = Number(prefixText);
	if (!/^\d{1,3}$/.test(prefixText) || prefix > bits) {
		return undefined;
	}

	return {...address, prefix};
}

export function rangeContains(range: IpRange, address: IpAddress): boolean {
	if (range.version !== address.version) {
		return false;
	}

	const shift = BigInt(addressBits[range.version] - range.prefix);
	return range.value >> shift === address.value >> shift;
}

/** Whether two ranges share an address: the wider one holds the narrower one's network. */
export function rangesOverlap(left: IpRange, right: IpRange): boolean {
	if (left.version !== right.version) {
		return false;
	}

	const shift = BigInt(addressBits[left.version] - Math.min(left.prefix, right.prefix));
	return left.value >> shift === right.value >> shift;
}

/** IPv4 before IPv6, each numerically; whatever is not an address last, alphabetically. */
export function compareAddressText(left: string, right: string): number {
	const a = parseAddress(left);
	const b = parseAddress(right);
	if (a === undefined || b === undefined) {
		return Number(a === undefined) - Number(b === undefined) || left.localeCompare(right);
	}

	if (a.version !== b.version) {
		return a.version - b.version;
	}

	return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export function sameAddress(left: string, right: string): boolean {
	if (left === right) {
		return true;
	}

	const a = parseAddress(left);
	const b = parseAddress(right);
	return a !== undefined && b !== undefined && a.version === b.version && a.value === b.value;
}
