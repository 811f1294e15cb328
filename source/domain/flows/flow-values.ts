// Validators for single flow log values. Each returns undefined for a value that is not what the
// field documents, so the caller can reject the whole record instead of guessing.

const digits = /^[0-9]{1,16}$/;

export function parseCount(text: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
	if (!digits.test(text)) {
		return undefined;
	}

	const value = Number(text);
	return Number.isSafeInteger(value) && value <= max ? value : undefined;
}

export const maxPort = 65_535;
export const maxProtocol = 255;
// tcp-flags is documented as a bitmask of the TCP header flags; 16 bits leaves room for flags AWS may
// start reporting without letting arbitrary numbers through.
export const maxTcpFlags = 65_535;

const ipv4Octet = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4 = new RegExp(`^${ipv4Octet}(?:\\.${ipv4Octet}){3}$`);
const hexGroup = /^[0-9a-f]{1,4}$/;

export function isIpv4(text: string): boolean {
	return ipv4.test(text);
}

export function isIpv6(text: string): boolean {
	const lower = text.toLowerCase();
	if (lower.length > 45 || !lower.includes(':')) {
		return false;
	}

	const halves = lower.split('::');
	if (halves.length > 2) {
		return false;
	}

	const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
	// An embedded IPv4 tail (::ffff:192.0.2.1) takes the room of two groups, and only at the very end.
	const tailIsIpv4 = !lower.endsWith(':') && isIpv4(groups.at(-1) ?? '');
	const hexGroups = tailIsIpv4 ? groups.slice(0, -1) : groups;
	if (!hexGroups.every((group) => hexGroup.test(group))) {
		return false;
	}

	const width = hexGroups.length + (tailIsIpv4 ? 2 : 0);
	return halves.length === 2 ? width <= 7 : width === 8;
}

/** An address as lbtop compares it: IPv4 as written, IPv6 in lower case. */
export function parseAddress(text: string): string | undefined {
	if (isIpv4(text)) {
		return text;
	}

	return isIpv6(text) ? text.toLowerCase() : undefined;
}
