// IPv4 addresses as numbers and CIDR blocks as ranges: what rule evaluation and address pools
// compare millions of times, so parsed once into integers.

/** The address as an unsigned 32-bit number, or undefined when it is not dotted-quad IPv4. */
export function ipv4ToNumber(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) {
		return undefined;
	}
	let result = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
			return undefined;
		}
		result = result * 256 + Number(part);
	}
	return result;
}

export function numberToIpv4(value: number): string {
	return `${Math.floor(value / 16_777_216) % 256}.${Math.floor(value / 65_536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

/** A CIDR block as the first address and the count of addresses it covers. */
export type Ipv4Block = {readonly first: number; readonly size: number};

export function parseIpv4Cidr(cidr: string): Ipv4Block | undefined {
	const [address, bitsText, extra] = cidr.split('/');
	const bits = Number(bitsText);
	const value = address === undefined ? undefined : ipv4ToNumber(address);
	if (
		value === undefined ||
		extra !== undefined ||
		!/^\d{1,2}$/.test(bitsText ?? '') ||
		bits > 32
	) {
		return undefined;
	}
	const size = 2 ** (32 - bits);
	return {first: Math.floor(value / size) * size, size};
}

export function blockContains(block: Ipv4Block, address: number): boolean {
	return address >= block.first && address < block.first + block.size;
}
