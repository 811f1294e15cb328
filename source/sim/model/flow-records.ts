// Flow records of an aggregation window: every leg direction of every connection with packets in
// the window becomes one record on its interface, for each flow log that covers that interface
// (by interface, subnet or VPC) and logs that action, in that flow log's own format.
import type {FlowLog, World} from '../world/types.js';
import {ChunkBuilder} from './compact-chunk.js';
import {type Connection, type DirectionCounts, type LegSpec, minuteMs} from './connection.js';
import {pieceInWindow} from './pieces.js';
import {
	compileTokenReader,
	compileWordReader,
	type TokenReader,
	type WordReader,
} from './record-tokens.js';
import {compileWriter, type RecordWriter} from './render.js';
import type {ModelTopology} from './topology.js';

export type Sink = {
	readonly flowLog: FlowLog;
	readonly interfaceId: string;
	readonly intervalMs: number;
	readonly write: RecordWriter;
	/** Reads a record's tokens without writing it, when Insights discovers the format's fields. */
	readonly read: TokenReader | undefined;
	/** Reads a record's words without writing it, when every fixed value is one word. */
	readonly words: WordReader | undefined;
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
			const context = {
				accountId: world.accountId,
				region: world.region,
				networkInterface,
				...(subnet === undefined ? {} : {subnet}),
				unknownAccount: unknownServiceAccount && networkInterface.requesterManaged,
			};
			const write = compileWriter(flowLog, context);
			if (write === undefined) continue;
			sinks.push({
				flowLog,
				interfaceId,
				intervalMs: flowLog.maxAggregationInterval * 1000,
				write,
				read: compileTokenReader(flowLog, context),
				words: compileWordReader(flowLog, context),
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

/** A sink with the builders of its minutes in the window being rendered, by minute index. */
type SinkBuilders = {readonly sink: Sink; readonly minutes: readonly ChunkBuilder[]};

function writeDirection(
	targets: readonly SinkBuilders[],
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
	const minute = Math.floor((piece.start * 1000 - window.start) / minuteMs);
	for (const {sink, minutes} of targets) {
		if (!accepts(sink.flowLog, counts.action)) continue;
		const builder = minutes[minute];
		builder?.add(values);
	}
}

export type WindowRenderer = {
	/** Writes the connection's records of the window (nothing if it has no packet in it). */
	readonly add: (connection: Connection) => void;
	/** Chunk builders by chunk key, one for each sink and minute of the window. */
	readonly builders: ReadonlyMap<string, ChunkBuilder>;
};

/** The records of the window [start, start + ms) for `sinks` (all of that aggregation interval). */
export function windowRenderer(
	sinks: readonly Sink[],
	window: {readonly start: number; readonly ms: number; readonly internetFacing: boolean},
): WindowRenderer {
	const builders = new Map<string, ChunkBuilder>();
	const byInterface = new Map<string, SinkBuilders[]>();
	for (const sink of sinks) {
		const minutes: ChunkBuilder[] = [];
		for (let minute = window.start; minute < window.start + window.ms; minute += minuteMs) {
			const builder = new ChunkBuilder(minute, sink.write, sink.read, sink.words);
			minutes.push(builder);
			builders.set(chunkKey(sink.key, minute), builder);
		}
		byInterface.set(sink.interfaceId, [
			...(byInterface.get(sink.interfaceId) ?? []),
			{sink, minutes},
		]);
	}
	const windowEnd = window.start + window.ms;
	return {
		builders,
		add: (connection) => {
			if (connection.end < window.start || connection.start >= windowEnd) return;
			for (const leg of connection.legs) {
				const targets = byInterface.get(leg.interfaceId);
				if (targets === undefined) continue;
				writeDirection(targets, connection, leg, leg.forward, false, window);
				if (leg.reverse !== undefined) {
					writeDirection(targets, connection, leg, leg.reverse, true, window);
				}
			}
		},
	};
}
