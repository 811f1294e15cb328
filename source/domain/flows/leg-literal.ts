// A leg built as one object literal with its final fields. Fields added after a literal is made go
// to a separate, growing property store (an allocation and a shape change per leg, thousands per
// refresh), so the usual leg, with traffic both ways, has its own literal; the zone sits after the
// interface, as the leg's JSON reads, so zoned and unzoned legs are separate literals too. The
// traffic comes as values, not an object, which would be one more allocation per leg.
import type {DirectionStats, FlowAction, FlowLeg} from '../types/flows.js';
import type {Orientation} from './leg-orientation.js';
import type {Tuple} from './tuples.js';

type MutableLeg = {-readonly [Key in keyof FlowLeg]: FlowLeg[Key]};

/** The leg with its totals and, for each direction that has records, that direction's share. */
export function legOf(
	tuple: Tuple,
	orientation: Orientation,
	action: FlowAction,
	packets: number,
	bytes: number,
	start: number,
	end: number,
	forward: DirectionStats | undefined,
	reverse: DirectionStats | undefined,
): FlowLeg {
	if (forward !== undefined && reverse !== undefined) {
		return twoWayLeg(tuple, orientation, action, packets, bytes, start, end, forward, reverse);
	}

	const leg = bareLeg(tuple, orientation, action, packets, bytes, start, end);
	if (forward !== undefined) {
		leg.forward = forward;
	}

	if (reverse !== undefined) {
		leg.reverse = reverse;
	}

	return leg;
}

function twoWayLeg(
	tuple: Tuple,
	orientation: Orientation,
	action: FlowAction,
	packets: number,
	bytes: number,
	start: number,
	end: number,
	forward: DirectionStats,
	reverse: DirectionStats,
): FlowLeg {
	const {role, zone} = orientation;
	const {interfaceId, protocol} = tuple;
	const serverIsA = orientation.server === 'a';
	const srcAddr = serverIsA ? tuple.bAddr : tuple.aAddr;
	const srcPort = serverIsA ? tuple.bPort : tuple.aPort;
	const dstAddr = serverIsA ? tuple.aAddr : tuple.bAddr;
	const dstPort = serverIsA ? tuple.aPort : tuple.bPort;
	if (zone === undefined) {
		return {
			role,
			interfaceId,
			protocol,
			srcAddr,
			srcPort,
			dstAddr,
			dstPort,
			action,
			packets,
			bytes,
			start,
			end,
			forward,
			reverse,
		};
	}

	return {
		role,
		interfaceId,
		availabilityZone: zone,
		protocol,
		srcAddr,
		srcPort,
		dstAddr,
		dstPort,
		action,
		packets,
		bytes,
		start,
		end,
		forward,
		reverse,
	};
}

function bareLeg(
	tuple: Tuple,
	orientation: Orientation,
	action: FlowAction,
	packets: number,
	bytes: number,
	start: number,
	end: number,
): MutableLeg {
	const {role, zone} = orientation;
	const {interfaceId, protocol} = tuple;
	const serverIsA = orientation.server === 'a';
	const srcAddr = serverIsA ? tuple.bAddr : tuple.aAddr;
	const srcPort = serverIsA ? tuple.bPort : tuple.aPort;
	const dstAddr = serverIsA ? tuple.aAddr : tuple.bAddr;
	const dstPort = serverIsA ? tuple.aPort : tuple.bPort;
	if (zone === undefined) {
		return {
			role,
			interfaceId,
			protocol,
			srcAddr,
			srcPort,
			dstAddr,
			dstPort,
			action,
			packets,
			bytes,
			start,
			end,
		};
	}

	return {
		role,
		interfaceId,
		availabilityZone: zone,
		protocol,
		srcAddr,
		srcPort,
		dstAddr,
		dstPort,
		action,
		packets,
		bytes,
		start,
		end,
	};
}
