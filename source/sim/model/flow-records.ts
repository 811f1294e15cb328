// Flow records of an aggregation window: every leg direction of every connection with packets in
// the window becomes one record on its interface, for each flow log that covers that interface
// (by interface, subnet or VPC) and logs that action, in that flow log's own format.
import type {FlowLog, World} from '../world/types.js';
import {ChunkBuilder} from './compact-chunk.js';
import {type Connection, type DirectionCounts, type LegSpec, minuteMs} from './connection.js';
import {pieceInWindow} from './pieces.js';
import {compileWriter, type RecordWriter} from './render.js';
import type {ModelTopology} from './topology.js';

export type Sink = {
	readonly flowLog: FlowLog;
	readonly interfaceId: string;
	readonly intervalMs: number;
	readonly write: RecordWriter;
	/** `<flowLogId> <interfaceId>`: with a minute, names a chunk of this sink. */
	readonly key: string;
};

function covers(
	flowLog: FlowLog,
	networkInterface: {networkInterfaceId: string; subnetId: string; vpcId: string},
) {
	return [
		networkInterface.networkInterfaceId,
		networkInterface.subnetId,
		networkInterface.vpcId,
	].includes(flowLog.resourceId);
}

/** Every (flow log, interface) pair that writes records, for the interfaces the LB's traffic crosses. */
export function flowSinks(
	world: World,
	topology: ModelTopology,
	interfaceIds: ReadonlySet<string>,
	unknownServiceAccount: boolean,
): Sink[] {
	const sinks: Sink[] = [];
	for (const flowLog of world.flowLogs) {
		if (flowLog.deliverLogsStatus !== 'SUCCESS') continue;
		for (const interfaceId of interfaceIds) {
			const networkInterface = topology.interfaces.get(interfaceId);
			if (networkInterface === undefined || !covers(flowLog, networkInterface)) continue;
			const subnet = topology.subnets.get(networkInterface.subnetId);
			const write = compileWriter(flowLog, {
				accountId: world.accountId,
				region: world.region,
				networkInterface,
				...(subnet === undefined ? {} : {subnet}),
				unknownAccount: unknownServiceAccount && networkInterface.requesterManaged,
			});
			if (write === undefined) continue;
			sinks.push({
				flowLog,
				interfaceId,
				intervalMs: flowLog.maxAggregationInterval * 1000,
				write,
				key: `${flowLog.flowLogId} ${interfaceId}`,
			});
		}
	}
	return sinks;
}

export function chunkKey(sinkKey: string, minuteStart: number): string {
	return `${sinkKey} ${minuteStart}`;
}

function accepts(flowLog: FlowLog, action: string): boolean {
	return flowLog.trafficType === 'ALL' || flowLog.trafficType === action;
}

type Builders = Map<string, ChunkBuilder>;

function writeDirection(
	sinks: readonly Sink[],
	builders: Builders,
	connection: Connection,
	leg: LegSpec,
	counts: DirectionCounts,
	reverse: boolean,
	window: {readonly start: number; readonly ms: number; readonly internetFacing: boolean},
): void {
	const piece = pieceInWindow(connection, counts, window.start, window.ms);
	if (piece === undefined) return;
	const ingress = reverse ? !leg.forwardIngress : leg.forwardIngress;
	const pktSrcAddr = leg.pktSrcAddr ?? leg.srcAddr;
	const values = {
		srcAddr: reverse ? leg.dstAddr : leg.srcAddr,
		dstAddr: reverse ? leg.srcAddr : leg.dstAddr,
		srcPort: reverse ? leg.dstPort : leg.srcPort,
		dstPort: reverse ? leg.srcPort : leg.dstPort,
		pktSrcAddr: reverse ? leg.dstAddr : pktSrcAddr,
		pktDstAddr: reverse ? pktSrcAddr : leg.dstAddr,
		packets: piece.packets,
		bytes: piece.bytes,
		start: piece.start,
		end: piece.end,
		action: counts.action,
		flags: piece.flags,
		ingress,
		path: leg.role === 'frontend' && window.internetFacing ? 2 : 1,
	};
	const minute = Math.floor((piece.start * 1000) / minuteMs) * minuteMs;
	for (const sink of sinks) {
		if (!accepts(sink.flowLog, counts.action)) continue;
		const key = chunkKey(sink.key, minute);
		let builder = builders.get(key);
		if (builder === undefined) {
			builder = new ChunkBuilder();
			builders.set(key, builder);
		}
		builder.add(piece.start, sink.write(values));
	}
}

/**
 * The records of the window [start, start + ms) for `sinks` (all of that aggregation interval),
 * as chunk builders by chunk key. `connections` must hold every connection overlapping the window.
 */
export function renderWindow(
	sinks: readonly Sink[],
	connections: Iterable<Connection>,
	window: {readonly start: number; readonly ms: number; readonly internetFacing: boolean},
): Builders {
	const builders: Builders = new Map();
	const sinksByInterface = new Map<string, Sink[]>();
	for (const sink of sinks) {
		sinksByInterface.set(sink.interfaceId, [
			...(sinksByInterface.get(sink.interfaceId) ?? []),
			sink,
		]);
		for (let minute = window.start; minute < window.start + window.ms; minute += minuteMs) {
			builders.set(chunkKey(sink.key, minute), new ChunkBuilder());
		}
	}
	const windowEnd = window.start + window.ms;
	for (const connection of connections) {
		if (connection.end < window.start || connection.start >= windowEnd) continue;
		for (const leg of connection.legs) {
			const legSinks = sinksByInterface.get(leg.interfaceId);
			if (legSinks === undefined) continue;
			writeDirection(legSinks, builders, connection, leg, leg.forward, false, window);
			if (leg.reverse !== undefined) {
				writeDirection(legSinks, builders, connection, leg, leg.reverse, true, window);
			}
		}
	}
	return builders;
}
