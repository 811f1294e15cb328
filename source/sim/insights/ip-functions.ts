// isValidIp*, isIp*InSubnet: address checks used on flow logs (`isIpv4InSubnet(srcAddr, "10.0.0.0/16")`).
import {ipv4ToNumber} from '../world/ipv4.js';

function ipv6ToBigInt(text: string): bigint | undefined {
	const halves = text.split('::');
	if (halves.length > 2 || text.includes(':::')) {
		return undefined;
	}
	const groupsOf = (half: string | undefined): string[] =>
		half === undefined || half === '' ? [] : half.split(':');
	const head = groupsOf(halves[0]);
	const tail = groupsOf(halves[1]);
	const missing = 8 - head.length - tail.length;
	if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) {
		return undefined;
	}
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	let result = 0n;
	for (const group of groups) {
		if (!/^[0-9a-fA-F]{1,4}$/.test(group)) {
			return undefined;
		}
		result = (result << 16n) | BigInt(Number.parseInt(group, 16));
	}
	return result;
}

export const isValidIpv4 = (text: string): boolean => ipv4ToNumber(text) !== undefined;
export const isValidIpv6 = (text: string): boolean => ipv6ToBigInt(text) !== undefined;

function splitCidr(cidr: string, maxBits: number): [string, number] | undefined {
	const [address, bitsText, extra] = cidr.split('/');
	const bits = Number(bitsText);
	if (
		address === undefined ||
		extra !== undefined ||
		!/^\d+$/.test(bitsText ?? '') ||
		bits > maxBits
	) {
		return undefined;
	}
	return [address, bits];
}

export function isIpv4InSubnet(address: string, cidr: string): boolean {
	const parsed = splitCidr(cidr, 32);
	const value = ipv4ToNumber(address);
	const network = parsed === undefined ? undefined : ipv4ToNumber(parsed[0]);
	if (parsed === undefined || value === undefined || network === undefined) {
		return false;
	}
	const size = 2 ** (32 - parsed[1]);
	return Math.floor(value / size) === Math.floor(network / size);
}

export function isIpv6InSubnet(address: string, cidr: string): boolean {
	const parsed = splitCidr(cidr, 128);
	const value = ipv6ToBigInt(address);
	const network = parsed === undefined ? undefined : ipv6ToBigInt(parsed[0]);
	if (parsed === undefined || value === undefined || network === undefined) {
		return false;
	}
	const shift = BigInt(128 - parsed[1]);
	return value >> shift === network >> shift;
}
