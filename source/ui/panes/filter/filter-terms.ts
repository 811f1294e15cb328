// What was typed after `/`, read as terms: an address or CIDR, a port, an action, an AZ, an
// interface, a target, or free text. A term that looks like one of these but is not valid is
// reported, so `10.0.0.0/33` says why it matches nothing instead of silently hiding every row.
import type {FlowAction} from '../../../domain/snapshot.js';
import {type IpRange, parseRange} from './ip-address.js';

export type FilterTerm =
	| {readonly kind: 'address'; readonly text: string; readonly range: IpRange}
	| {readonly kind: 'port'; readonly text: string; readonly port: number}
	| {readonly kind: 'action'; readonly text: string; readonly action: FlowAction}
	| {readonly kind: 'zone'; readonly text: string; readonly zone: string}
	| {readonly kind: 'interface'; readonly text: string; readonly prefix: string}
	| {readonly kind: 'target'; readonly text: string; readonly prefix: string}
	| {readonly kind: 'text'; readonly text: string; readonly needle: string};

export type TermError = {readonly error: string};

export type ParsedFilter = {
	/** The filter as typed, trimmed. */
	readonly text: string;
	/** The valid terms; a row must match every one. */
	readonly terms: readonly FilterTerm[];
	/** One message per term that could not be read; those terms are left out of the match. */
	readonly errors: readonly string[];
};

const actions: Readonly<Record<string, FlowAction>> = {
	accept: 'ACCEPT',
	accepted: 'ACCEPT',
	reject: 'REJECT',
	rejected: 'REJECT',
};

// us-east-1a, us-gov-west-1b, ap-southeast-2c; AZ ids such as use1-az1.
const zoneName = /^[a-z]{2}(?:-[a-z]+)+-\d+[a-z]$/;
const zoneId = /^[a-z]{3,5}\d+-az\d+$/;
const interfaceId = /^eni-[\da-z]+$/;
const instanceId = /^i-[\da-z]+$/;
const looksLikeIpv4 = /^\d+(?:\.\d+){3}$/;
const hexAndColons = /^[\da-f:.]+$/;

/** A full IPv6 address has 7 colons; a shorter one needs `::`. Times such as 13:41:07 are text. */
function looksLikeIpv6(text: string): boolean {
	return hexAndColons.test(text) && (text.includes('::') || text.split(':').length === 8);
}

/** `10.0.1` alone is text (a prefix of many addresses); before a `/` it can only be a CIDR. */
function looksLikeAddress(text: string, beforeSlash: boolean): boolean {
	return (
		looksLikeIpv4.test(text) || looksLikeIpv6(text) || (beforeSlash && /^\d+(?:\.\d+)*$/.test(text))
	);
}

function portTerm(token: string, digits: string): FilterTerm | TermError {
	const port = Number(digits);
	return /^\d{1,5}$/.test(digits) && port <= 65_535
		? {kind: 'port', text: token, port}
		: {error: `invalid port ${token}`};
}

function rangeTerm(token: string, lower: string): FilterTerm | TermError | undefined {
	const slash = lower.lastIndexOf('/');
	const isCidr = slash !== -1;
	if (!looksLikeAddress(isCidr ? lower.slice(0, slash) : lower, isCidr)) {
		return undefined;
	}

	const range = parseRange(lower);
	if (range !== undefined) {
		return {kind: 'address', text: token, range};
	}

	return {error: `invalid ${isCidr ? 'CIDR' : 'address'} ${token}`};
}

export function parseTerm(token: string): FilterTerm | TermError {
	const lower = token.toLowerCase();
	if (lower.startsWith('port:')) {
		return portTerm(token, lower.slice('port:'.length));
	}

	if (/^\d+$/.test(lower)) {
		return portTerm(token, lower);
	}

	const action = Object.hasOwn(actions, lower) ? actions[lower] : undefined;
	if (action !== undefined) {
		return {kind: 'action', text: token, action};
	}

	const range = rangeTerm(token, lower);
	if (range !== undefined) {
		return range;
	}

	if (zoneName.test(lower) || zoneId.test(lower)) {
		return {kind: 'zone', text: token, zone: lower};
	}

	if (interfaceId.test(lower)) {
		return {kind: 'interface', text: token, prefix: lower};
	}

	if (instanceId.test(lower)) {
		return {kind: 'target', text: token, prefix: lower};
	}

	return {kind: 'text', text: token, needle: lower};
}

export function parseFilter(text: string): ParsedFilter {
	const trimmed = text.trim();
	const terms: FilterTerm[] = [];
	const errors: string[] = [];
	for (const token of trimmed.split(/\s+/)) {
		if (token === '') {
			continue;
		}

		const term = parseTerm(token);
		if ('error' in term) {
			errors.push(term.error);
		} else {
			terms.push(term);
		}
	}

	return {text: trimmed, terms, errors};
}

export function isTermError(term: FilterTerm | TermError): term is TermError {
	return 'error' in term;
}
