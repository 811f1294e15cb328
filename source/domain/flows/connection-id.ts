// Connection ids that survive refreshes: the same legs give the same id, so the UI keeps its
// selection and the row does not jump when new records arrive.
//
// The id is `c-` and two 32-bit FNV-1a hashes in hex of the leg's identity text
// (`role|interface|protocol|src|srcport|dst|dstport|start`): one over the text, one over the text
// reversed. 64 bits keep collisions out of reach for the few thousand rows a screen holds, without
// pulling a hash library into the domain. Pairing orders thousands of legs by id, so the hashes are
// also available as numbers (ConnectionKey), which order exactly as the ids do.
import type {FlowLeg} from '../types/flows.js';

/** The two hashes, as signed 32-bit integers (which V8 stores without boxing). */
export type ConnectionKey = {readonly forward: number; readonly backward: number};

export function connectionId(anchor: FlowLeg): string {
	return formatConnectionId(connectionKey(anchor));
}

export function formatConnectionId(key: ConnectionKey): string {
	const {forward, backward} = key;
	// One string built from its character codes: joining hex pieces would make a string per step.
	return String.fromCharCode(
		99, // c
		45, // -
		nibble(forward, 28),
		nibble(forward, 24),
		nibble(forward, 20),
		nibble(forward, 16),
		nibble(forward, 12),
		nibble(forward, 8),
		nibble(forward, 4),
		nibble(forward, 0),
		nibble(backward, 28),
		nibble(backward, 24),
		nibble(backward, 20),
		nibble(backward, 16),
		nibble(backward, 12),
		nibble(backward, 8),
		nibble(backward, 4),
		nibble(backward, 0),
	);
}

/** The lower-case hex digit of the four bits at `shift`, as a character code. */
function nibble(hash: number, shift: number): number {
	const value = (hash >>> shift) & 0xf;
	return value < 10 ? 48 + value : 87 + value;
}

/** The order of the ids as strings: fixed-width lower-case hex orders as the numbers do. */
export function compareConnectionKeys(left: ConnectionKey, right: ConnectionKey): number {
	return (
		(left.forward >>> 0) - (right.forward >>> 0) || (left.backward >>> 0) - (right.backward >>> 0)
	);
}

const offsetBasis = 0x81_1c_9d_c5;
const prime = 0x01_00_01_93;
const bar = 124;

// The identity text's code units, written here instead of into a string that is only hashed.
let buffer = new Uint16Array(256);

/**
 * The last identity text's first pieces (role, interface, protocol), still at the buffer's start,
 * and the forward hash over them: legs come in runs of one interface and role, and those pieces
 * are half of each text (prefixLength -1: none kept).
 */
const prefix = {role: '', interfaceId: '', protocol: 0, length: -1, forward: 0};

export function connectionKey(anchor: FlowLeg): ConnectionKey {
	const {role, interfaceId, srcAddr, dstAddr, protocol} = anchor;
	// Every number takes at most 17 characters as the ids write it (the plain path's digits).
	const room = role.length + interfaceId.length + srcAddr.length + dstAddr.length + 4 * 17 + 8;
	if (buffer.length < room) {
		buffer = new Uint16Array(2 * room);
		prefix.length = -1;
	}

	const units = buffer;
	let length = prefix.length;
	let forward = prefix.forward;
	if (
		length < 0 ||
		role !== prefix.role ||
		interfaceId !== prefix.interfaceId ||
		protocol !== prefix.protocol
	) {
		length = writeText(units, 0, role);
		length = writeText(units, length, interfaceId);
		length = writeNumber(units, length, protocol);
		forward = hashForward(units, length);
		prefix.role = role;
		prefix.interfaceId = interfaceId;
		prefix.protocol = protocol;
		prefix.length = length;
		prefix.forward = forward;
	}

	const prefixLength = length;
	length = writeText(units, length, srcAddr);
	length = writeNumber(units, length, anchor.srcPort);
	length = writeText(units, length, dstAddr);
	length = writeNumber(units, length, anchor.dstPort);
	length = writeNumber(units, length, anchor.start);
	if (length < 0) {
		return keyOfText(identityText(anchor));
	}

	// The last piece has no separator after it.
	length--;
	// The two hashes in one loop while both have characters left: each is a chain of multiplies,
	// and two chains side by side take little longer than one.
	let backward = offsetBasis | 0;
	const last = length - 1;
	const both = length - prefixLength;
	for (let index = 0; index < both; index++) {
		forward = Math.imul(forward ^ (units[prefixLength + index] ?? 0), prime);
		backward = Math.imul(backward ^ (units[last - index] ?? 0), prime);
	}

	for (let index = Math.max(0, both); index < length; index++) {
		backward = Math.imul(backward ^ (units[last - index] ?? 0), prime);
	}

	return {forward, backward};
}

/** FNV-1a of `units[0..to)` (the offset basis when `to` is not above 0: a piece failed). */
function hashForward(units: Uint16Array, to: number): number {
	let forward = offsetBasis | 0;
	for (let index = 0; index < to; index++) {
		forward = Math.imul(forward ^ (units[index] ?? 0), prime);
	}

	return forward;
}

/**
 * Writes text and a separator at `at`, returning where the next piece goes; -1 when a piece before
 * failed or the text has a surrogate (whose reversal by code points needs the slow path).
 */
function writeText(units: Uint16Array, at: number, text: string): number {
	if (at < 0) {
		return -1;
	}

	let length = at;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xd8_00 && code <= 0xdf_ff) {
			return -1;
		}

		units[length++] = code;
	}

	units[length] = bar;
	return length + 1;
}

/** Writes a number as String() does, and a separator; -1 for what the plain path leaves out. */
function writeNumber(units: Uint16Array, at: number, value: number): number {
	if (at < 0 || !Number.isSafeInteger(value) || value < 0) {
		// Fractions, negatives and huge values (a hand-made leg's) go to the text path.
		return -1;
	}

	if (value > maxInt32) {
		return writeLongNumber(units, at, value);
	}

	// Ports, protocols and times until 2038: integer division by ten compiles to a multiplication,
	// where the general path below divides in floating point, one slow division per digit.
	let digits = 1;
	for (let rest = (value / 10) | 0; rest > 0; rest = (rest / 10) | 0) {
		digits++;
	}

	let rest = value | 0;
	for (let index = at + digits - 1; index >= at; index--) {
		const quotient = (rest / 10) | 0;
		units[index] = 48 + rest - 10 * quotient;
		rest = quotient;
	}

	units[at + digits] = bar;
	return at + digits + 1;
}

const maxInt32 = 0x7f_ff_ff_ff;

function writeLongNumber(units: Uint16Array, at: number, value: number): number {
	let digits = 1;
	for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) {
		digits++;
	}

	// Written from the last digit back, as they come out of the remainders.
	let rest = value;
	for (let index = at + digits - 1; index >= at; index--) {
		const digit = rest % 10;
		units[index] = 48 + digit;
		// Exact: dividing a multiple of ten, where rest / 10 could round up near 2^53.
		rest = (rest - digit) / 10;
	}

	units[at + digits] = bar;
	return at + digits + 1;
}

function identityText(anchor: FlowLeg): string {
	return [
		anchor.role,
		anchor.interfaceId,
		anchor.protocol,
		anchor.srcAddr,
		anchor.srcPort,
		anchor.dstAddr,
		anchor.dstPort,
		anchor.start,
	].join('|');
}

// The text reversed by code points, so a surrogate pair stays in order.
function keyOfText(text: string): ConnectionKey {
	return {forward: fnv1a(text), backward: fnv1a([...text].reverse().join(''))};
}

function fnv1a(text: string): number {
	let hash = offsetBasis | 0;
	for (let index = 0; index < text.length; index++) {
		hash = Math.imul(hash ^ text.charCodeAt(index), prime);
	}

	return hash;
}
