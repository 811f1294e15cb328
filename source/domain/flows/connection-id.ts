// Connection ids that survive refreshes: the same legs give the same id, so the UI keeps its
// selection and the row does not jump when new records arrive.
import type {FlowLeg} from '../types/flows.js';

export function connectionId(anchor: FlowLeg): string {
	const identity = [
		anchor.role,
		anchor.interfaceId,
		anchor.protocol,
		anchor.srcAddr,
		anchor.srcPort,
		anchor.dstAddr,
		anchor.dstPort,
		anchor.start,
	].join('|');
	return `c-${fnv1a(identity)}${fnv1a([...identity].reverse().join(''))}`;
}

// Two 32-bit FNV-1a passes (forwards and backwards): 64 bits keep collisions out of reach for the
// few thousand rows a screen holds, without pulling a hash library into the domain.
function fnv1a(text: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}

	return hash.toString(16).padStart(8, '0');
}
