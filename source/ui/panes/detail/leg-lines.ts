// One leg of a connection as lines: where it was logged (interface, AZ), its addresses, the
// action and volume of each direction, and its start/end in UTC (and local time in local mode).
import type {FlowLeg, LegRole} from '../../../domain/snapshot.js';
import {localOffset} from '../../../domain/time-format.js';
import {formatBytes, formatNumber} from '../../../domain/units.js';
import {formatAddressPort, formatProtocol} from '../format-cells.js';
import {type Line, type Part, type Segment, seg} from '../line.js';
import {localSpan, utcSpan} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {factsLine, indent, part} from './detail-lines.js';

const legTitles: Readonly<Record<LegRole, {readonly title: string; readonly path: string}>> = {
	frontend: {title: 'frontend', path: 'client -> LB'},
	backend: {title: 'backend', path: 'LB -> target'},
	target: {title: 'target view', path: "the backend leg at the target's interface"},
};

const missingLeg: Readonly<Record<LegRole, string>> = {
	frontend: 'none seen',
	backend: 'none seen: not forwarded by the LB, or outside the records read',
	target: "none: no flow logs on the target's interface, or nothing logged there",
};

/** UTC, and local time too in local mode; `offset` names the local zone (once, at the top). */
export function timeParts(
	startSeconds: number,
	endSeconds: number,
	context: PaneContext,
	offset = false,
): Part[] {
	const start = startSeconds * 1000;
	const end = endSeconds * 1000;
	const local = localSpan(start, end, context);
	const zone = offset ? ` ${localOffset(start)}` : '';
	return [
		part(utcSpan(start, end, context.now), 0),
		...(local === '' ? [] : [part(`${local}${zone}`, 1)]),
	];
}

function directionSegments(arrow: string, stats: FlowLeg['forward']): Segment[] {
	if (stats === undefined) {
		return [seg(`${arrow} not logged`, 'dim')];
	}

	const records = `${stats.records} record${stats.records === 1 ? '' : 's'}`;
	return [
		seg(`${arrow} `),
		seg(stats.action, stats.action === 'REJECT' ? 'red' : 'green'),
		seg(` ${formatNumber(stats.packets)} pkts ${formatBytes(stats.bytes)} (${records})`),
	];
}

/** Each direction's action and volume; the leg's totals when the directions were not kept. */
function directionsText(leg: FlowLeg, context: PaneContext): Line {
	if (leg.forward === undefined && leg.reverse === undefined) {
		return [
			seg(leg.action, leg.action === 'REJECT' ? 'red' : 'green'),
			seg(` ${formatNumber(leg.packets)} pkts ${formatBytes(leg.bytes)}`),
		];
	}

	return [
		...directionSegments('->', leg.forward),
		seg(context.glyphs.separator, 'dim'),
		...directionSegments('<-', leg.reverse),
	];
}

function missingLine(role: LegRole): Line {
	return [seg(legTitles[role].title, 'bold'), seg('  '), seg(missingLeg[role], 'dim')];
}

function headingParts(leg: FlowLeg, role: LegRole): Part[] {
	const {title, path} = legTitles[role];
	const heading: Part = {line: [seg(title, 'bold')], priority: 0};
	return [
		heading,
		part(path, 4, 'dim'),
		part(leg.interfaceId, 1),
		...(leg.availabilityZone === undefined ? [] : [part(leg.availabilityZone, 2)]),
		part(formatProtocol(leg.protocol), 3, 'dim'),
	];
}

function addressText(leg: FlowLeg): string {
	return `${formatAddressPort(leg.srcAddr, leg.srcPort)} -> ${formatAddressPort(leg.dstAddr, leg.dstPort)}`;
}

/** Four lines a leg: where it was logged, its addresses, each direction, its times. */
export function fullLeg(leg: FlowLeg | undefined, role: LegRole, context: PaneContext): Line[] {
	if (leg === undefined) {
		return [missingLine(role)];
	}

	return [
		factsLine(headingParts(leg, role), context),
		[seg(indent), seg(addressText(leg))],
		[seg(indent), ...directionsText(leg, context)],
		factsLine(timeParts(leg.start, leg.end, context), context, indent),
	];
}

/** Two lines a leg, for short panes. */
export function compactLeg(leg: FlowLeg | undefined, role: LegRole, context: PaneContext): Line[] {
	if (leg === undefined) {
		return [missingLine(role)];
	}

	const [heading, ...where] = headingParts(leg, role);
	const first: Part[] = [
		...(heading === undefined ? [] : [heading]),
		part(addressText(leg), 0),
		...where.map((entry) => ({...entry, priority: entry.priority + 1})),
	];
	const second: Part[] = [
		{line: directionsText(leg, context), priority: 0},
		...timeParts(leg.start, leg.end, context).map((entry) => ({
			...entry,
			priority: entry.priority + 1,
		})),
	];
	return [factsLine(first, context), factsLine(second, context, indent)];
}
