// The running sums behind FlowAggregates. Records (the provisional fresh edge), Insights stats rows
// (settled buckets) and earlier aggregates all feed the same tally, so every figure means the same
// thing wherever it came from: `flows` counts flow records (each one direction of one conversation
// on one interface in one aggregation interval), as Insights' count(*) does, not connections.
//
// A refresh feeds thousands of records, so the sums are keyed without building strings: one Map per
// action and reject location, and each list keeps its entries in first-seen order, which is the order
// the sorts below break their remaining ties in.
import type {
	FlowAction,
	FlowAggregates,
	Precision,
	RejectLocation,
	TimeBucket,
} from '../types/flows.js';
import {finishInterfaces, finishPorts, finishSources} from './aggregate-finish.js';

/** Running sums; callers add to them with addTraffic. */
export type Sums = {flows: number; packets: number; bytes: number};
export type SourceEntry = Sums & {
	readonly addr: string;
	readonly where: RejectLocation | undefined;
	readonly ports: Set<number>;
};
export type PortEntry = Sums & {readonly port: number; readonly where: RejectLocation | undefined};
export type InterfaceEntry = Sums & {
	readonly interfaceId: string;
	readonly availabilityZone: string | undefined;
	readonly action: FlowAction;
};
export type BucketSums = {
	readonly start: number;
	accepted: number;
	rejected: number;
	bytes: number;
	precision: Precision;
};

/** Sums of one action: totals, and sources and ports by reject location. */
type ActionSums = {
	readonly totals: Sums;
	/** Records from outside the path (what the source lists count), before the lists are cut. */
	readonly clients: Sums;
	/** Indexed by locationIndex. */
	readonly sources: readonly Map<string, SourceEntry>[];
	readonly ports: readonly Map<number, PortEntry>[];
	readonly sourceList: SourceEntry[];
	readonly portList: PortEntry[];
	readonly interfaces: Map<string, InterfaceEntry>;
};

export type TallyOptions = {
	readonly bucketSeconds: number;
	readonly precision: Precision;
	/** Longest source and port lists kept, busiest first. */
	readonly limit: number;
};

/**
 * The sums to add to, created on first use. Handing out the sums (rather than taking the figures
 * to add) lets a caller that feeds many records keep the ones it will hit again.
 */
export type Tally = {
	total(action: FlowAction): Sums;
	/** Records from outside the path: add to it whatever is added to a source. */
	clients(action: FlowAction): Sums;
	/** The client sums cannot be told (records without a source, an answer that may be cut). */
	clientsUnknown(): void;
	/** The zone is the one given the first time the interface is seen with the action. */
	interface(interfaceId: string, zone: string | undefined, action: FlowAction): Sums;
	/** The bucket `start` falls in, now no more precise than `precision`. */
	bucket(start: number, precision?: Precision): BucketSums;
	/** Accepted sources are one row per address; rejected ones one per address and location. */
	source(action: FlowAction, addr: string, where: RejectLocation | undefined): SourceEntry;
	port(action: FlowAction, port: number, where: RejectLocation | undefined): Sums;
	finish(): FlowAggregates;
};

export function addTraffic(sums: Sums, flows: number, packets: number, bytes: number): void {
	sums.flows += flows;
	sums.packets += packets;
	sums.bytes += bytes;
}

const precisionRank: Readonly<Record<Precision, number>> = {exact: 0, sampled: 1, provisional: 2};

export function lessPrecise(left: Precision, right: Precision): Precision {
	return precisionRank[left] >= precisionRank[right] ? left : right;
}

export function createTally(options: TallyOptions): Tally {
	return new RunningTally(options);
}

// A class rather than an object of closures: a refresh makes several tallies, and closures made per
// call lose their optimized code at each full collection (V8 then compiles them again); methods are
// made once.
class RunningTally implements Tally {
	private readonly accepted = actionSums();
	private readonly rejected = actionSums();
	private readonly interfaceList: InterfaceEntry[] = [];
	private readonly buckets = new Map<number, BucketSums>();
	// Records come roughly in time order: most land in the bucket the one before did.
	private lastBucket: BucketSums | undefined;
	private clientsKnown = true;

	constructor(private readonly options: TallyOptions) {}

	total(action: FlowAction): Sums {
		return this.sumsOf(action).totals;
	}

	clients(action: FlowAction): Sums {
		return this.sumsOf(action).clients;
	}

	clientsUnknown(): void {
		this.clientsKnown = false;
	}

	interface(interfaceId: string, zone: string | undefined, action: FlowAction): Sums {
		const {interfaces} = this.sumsOf(action);
		let entry = interfaces.get(interfaceId);
		if (entry === undefined) {
			entry = {interfaceId, availabilityZone: zone, action, flows: 0, packets: 0, bytes: 0};
			interfaces.set(interfaceId, entry);
			this.interfaceList.push(entry);
		}

		return entry;
	}

	bucket(start: number, bucketPrecision: Precision = this.options.precision): BucketSums {
		const {bucketSeconds} = this.options;
		const bucketStart = Math.floor(start / bucketSeconds) * bucketSeconds;
		let entry =
			this.lastBucket?.start === bucketStart ? this.lastBucket : this.buckets.get(bucketStart);
		if (entry === undefined) {
			entry = {
				start: bucketStart,
				accepted: 0,
				rejected: 0,
				bytes: 0,
				precision: bucketPrecision,
			};
			this.buckets.set(bucketStart, entry);
		}

		entry.precision = lessPrecise(entry.precision, bucketPrecision);
		this.lastBucket = entry;
		return entry;
	}

	source(action: FlowAction, addr: string, where: RejectLocation | undefined): SourceEntry {
		// The LB's security group and the target's are different fixes for a rejected source.
		const located = action === 'REJECT' ? where : undefined;
		const sums = this.sumsOf(action);
		const sources = sums.sources[locationIndex(located)];
		let entry = sources?.get(addr);
		if (entry === undefined) {
			entry = {addr, where: located, ports: new Set(), flows: 0, packets: 0, bytes: 0};
			sources?.set(addr, entry);
			sums.sourceList.push(entry);
		}

		return entry;
	}

	port(action: FlowAction, port: number, where: RejectLocation | undefined): Sums {
		const located = action === 'REJECT' ? where : undefined;
		const sums = this.sumsOf(action);
		const ports = sums.ports[locationIndex(located)];
		let entry = ports?.get(port);
		if (entry === undefined) {
			entry = {port, where: located, flows: 0, packets: 0, bytes: 0};
			ports?.set(port, entry);
			sums.portList.push(entry);
		}

		return entry;
	}

	finish(): FlowAggregates {
		const {accepted, rejected, options} = this;
		return {
			accepted: totalsOf(accepted.totals),
			rejected: totalsOf(rejected.totals),
			...(this.clientsKnown
				? {
						acceptedFromClients: totalsOf(accepted.clients),
						rejectedFromClients: totalsOf(rejected.clients),
					}
				: {}),
			acceptedSources: finishSources(accepted.sourceList, options.limit),
			rejectedSources: finishSources(rejected.sourceList, options.limit),
			acceptedPorts: finishPorts(accepted.portList, options.limit),
			rejectedPorts: finishPorts(rejected.portList, options.limit),
			interfaces: finishInterfaces(this.interfaceList),
			timeline: [...this.buckets.values()].sort(byStart).map(timeBucketOf),
			bucketSeconds: options.bucketSeconds,
			precision: options.precision,
		};
	}

	private sumsOf(action: FlowAction): ActionSums {
		return action === 'REJECT' ? this.rejected : this.accepted;
	}
}

function byStart(left: BucketSums, right: BucketSums): number {
	return left.start - right.start;
}

function timeBucketOf(entry: BucketSums): TimeBucket {
	return {
		start: entry.start,
		accepted: entry.accepted,
		rejected: entry.rejected,
		bytes: entry.bytes,
		precision: entry.precision,
	};
}

function actionSums(): ActionSums {
	return {
		totals: {flows: 0, packets: 0, bytes: 0},
		clients: {flows: 0, packets: 0, bytes: 0},
		sources: [new Map(), new Map(), new Map()],
		ports: [new Map(), new Map(), new Map()],
		sourceList: [],
		portList: [],
		interfaces: new Map(),
	};
}

function locationIndex(where: RejectLocation | undefined): number {
	return where === undefined ? 0 : where === 'lb' ? 1 : 2;
}

function totalsOf(totals: Sums): Sums {
	return {flows: totals.flows, packets: totals.packets, bytes: totals.bytes};
}
