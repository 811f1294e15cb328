// How much a group of rejected connections weighs, and the sentence that says why: certain with
// tcp-flags, confirmed by the rules, or judged by count against the LB's own traffic.
import type {Confidence} from '../types/findings.js';
import {plural} from './format.js';
import type {Rejection} from './rejections.js';
import {countMinConnections, lateRejectShare} from './thresholds.js';

/** `fires`: a block; `possible`: too little to tell from late packets, shown as info. */
export type Weight = 'fires' | 'possible' | 'none';

export function weigh(group: readonly Rejection[], scale: number): Weight {
	if (group.some((rejection) => rejection.evidence !== 'count')) {
		return 'fires';
	}

	const count = new Set(group.map((rejection) => rejection.connection.id)).size;
	if (count >= Math.max(countMinConnections, Math.ceil(lateRejectShare * scale))) {
		return 'fires';
	}

	return count >= 1 && count >= lateRejectShare * scale ? 'possible' : 'none';
}

export function confidenceOf(group: readonly Rejection[], weight: Weight): Confidence {
	if (weight === 'possible') {
		return 'low';
	}

	return group.some((rejection) => rejection.evidence !== 'count') ? 'high' : 'medium';
}

/** Why these REJECTs are not late packets, or how sure lbtop can be that they are not. */
export function strengthText(group: readonly Rejection[], scale: number): string {
	const certain = group.filter((rejection) => rejection.evidence === 'certain').length;
	if (certain > 0) {
		const what = group.some((rejection) => rejection.rejection.direction === 'reply')
			? 'rejected SYN-ACKs (answers to connection attempts)'
			: 'rejected lone SYNs (connection attempts)';
		return `tcp-flags show ${what}, not late packets of closed connections.`;
	}

	if (group.some((rejection) => rejection.evidence === 'confirmed')) {
		return 'The rules read deny exactly this traffic, so these are not late packets of allowed connections.';
	}

	const connections = new Set(group.map((rejection) => rejection.connection.id)).size;
	return (
		`Judged by count: ${plural(connections, 'rejected connection')} of the ${plural(scale, 'connection')} ` +
		'through the LB in the rows; late packets of closed connections are logged REJECT too, and the flow log format has no tcp-flags field to tell them apart (add it for certainty).'
	);
}
