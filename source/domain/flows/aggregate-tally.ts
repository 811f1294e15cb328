// The running sums behind FlowAggregates. Records (the provisional fresh edge), Insights stats rows
// (settled buckets) and earlier aggregates all feed the same tally, so every figure means the same
// thing wherever it came from: `flows` counts flow records, as Insights' count(*) does.
import type {
	FlowAction,
	FlowAggregates,
	InterfaceAggregate,
	PortAggregate,
	Precision,
	RejectLocation,
	SourceAggregate,
	TimeBucket,
	TrafficTotals,
} from '../types/flows.js';

type MutableTotals = {flows: number; packets: number; bytes: number};
type SourceEntry = MutableTotals & {addr: string; where?: RejectLocation; ports: Set<number>};
type PortEntry = MutableTotals & {port: number; where?: RejectLocation};
type InterfaceEntry = MutableTotals & {
	interfaceId: string;
	availabilityZone?: string;
	action: FlowAction;
};
type BucketEntry = {
	start: number;
	accepted: number;
	rejected: number;
	bytes: number;
	precision: Precision;
};

export type TallyOptions = {
	readonly bucketSeconds: number;
	readonly precision: Precision;
	/** Longest source and port lists kept, busiest first. */
	readonly limit: number;
};

// A source's port list is a hint for the row, not a port scan report.
const maxPortsPerSource = 16;
const precisionRank: Readonly<Record<Precision, number>> = {exact: 0, sampled: 1, provisional: 2};

export function lessPrecise(left: Precision, right: Precision): Precision {
	return precisionRank[left] >= precisionRank[right] ? left : right;
}

export function createTally(options: TallyOptions) {
	const totals = {ACCEPT: zero(), REJECT: zero()};
	const sources = {ACCEPT: new Map<string, SourceEntry>(), REJECT: new Map<string, SourceEntry>()};
	const ports = {ACCEPT: new Map<string, PortEntry>(), REJECT: new Map<string, PortEntry>()};
	const interfaces = new Map<string, InterfaceEntry>();
	const buckets = new Map<number, BucketEntry>();

	return {
		total(action: FlowAction, tally: TrafficTotals) {
			add(totals[action], tally);
		},
		interface(
			interfaceId: string,
			zone: string | undefined,
			action: FlowAction,
			tally: TrafficTotals,
		) {
			const key = `${interfaceId}|${action}`;
			const entry = interfaces.get(key) ?? {
				interfaceId,
				...(zone === undefined ? {} : {availabilityZone: zone}),
				action,
				...zero(),
			};
			interfaces.set(key, add(entry, tally));
		},
		bucket(
			start: number,
			counts: Omit<TimeBucket, 'start' | 'precision'>,
			bucketPrecision: Precision = options.precision,
		) {
			const bucketStart = Math.floor(start / options.bucketSeconds) * options.bucketSeconds;
			const entry = buckets.get(bucketStart) ?? {
				start: bucketStart,
				accepted: 0,
				rejected: 0,
				bytes: 0,
				precision: bucketPrecision,
			};
			entry.accepted += counts.accepted;
			entry.rejected += counts.rejected;
			entry.bytes += counts.bytes;
			entry.precision = lessPrecise(entry.precision, bucketPrecision);
			buckets.set(bucketStart, entry);
		},
		source(
			action: FlowAction,
			addr: string,
			where: RejectLocation | undefined,
			sourcePorts: Iterable<number>,
			tally: TrafficTotals,
		) {
			// Accepted sources are one row per address; a rejected source is worth a row per place that
			// rejected it (the LB's security group and the target's are different fixes).
			const located = action === 'REJECT' ? where : undefined;
			const key = `${addr}|${located ?? ''}`;
			const entry = sources[action].get(key) ?? {
				addr,
				...(located === undefined ? {} : {where: located}),
				ports: new Set<number>(),
				...zero(),
			};
			for (const port of sourcePorts) {
				entry.ports.add(port);
			}

			sources[action].set(key, add(entry, tally));
		},
		port(
			action: FlowAction,
			port: number,
			where: RejectLocation | undefined,
			tally: TrafficTotals,
		) {
			const located = action === 'REJECT' ? where : undefined;
			const key = `${port}|${located ?? ''}`;
			const entry = ports[action].get(key) ?? {
				port,
				...(located === undefined ? {} : {where: located}),
				...zero(),
			};
			ports[action].set(key, add(entry, tally));
		},
		finish(): FlowAggregates {
			return {
				accepted: {...totals.ACCEPT},
				rejected: {...totals.REJECT},
				acceptedSources: finishSources(sources.ACCEPT, options.limit),
				rejectedSources: finishSources(sources.REJECT, options.limit),
				acceptedPorts: finishPorts(ports.ACCEPT, options.limit),
				rejectedPorts: finishPorts(ports.REJECT, options.limit),
				interfaces: finishInterfaces(interfaces),
				timeline: [...buckets.values()]
					.sort((left, right) => left.start - right.start)
					.map((entry) => ({...entry})),
				bucketSeconds: options.bucketSeconds,
				precision: options.precision,
			};
		},
	};
}

export type Tally = ReturnType<typeof createTally>;

function zero(): MutableTotals {
	return {flows: 0, packets: 0, bytes: 0};
}

function add<Entry extends MutableTotals>(entry: Entry, tally: TrafficTotals): Entry {
	entry.flows += tally.flows;
	entry.packets += tally.packets;
	entry.bytes += tally.bytes;
	return entry;
}

function busiestFirst(left: MutableTotals, right: MutableTotals): number {
	return right.flows - left.flows || right.bytes - left.bytes || right.packets - left.packets;
}

function finishSources(entries: Map<string, SourceEntry>, limit: number): SourceAggregate[] {
	return [...entries.values()]
		.sort((left, right) => busiestFirst(left, right) || left.addr.localeCompare(right.addr))
		.slice(0, limit)
		.map(({ports, ...rest}) => ({
			...rest,
			ports: [...ports].sort((left, right) => left - right).slice(0, maxPortsPerSource),
		}));
}

function finishPorts(entries: Map<string, PortEntry>, limit: number): PortAggregate[] {
	return [...entries.values()]
		.sort((left, right) => busiestFirst(left, right) || left.port - right.port)
		.slice(0, limit)
		.map((entry) => ({...entry}));
}

function finishInterfaces(entries: Map<string, InterfaceEntry>): InterfaceAggregate[] {
	return [...entries.values()]
		.sort(
			(left, right) =>
				left.interfaceId.localeCompare(right.interfaceId) ||
				left.action.localeCompare(right.action),
		)
		.map((entry) => ({...entry}));
}
