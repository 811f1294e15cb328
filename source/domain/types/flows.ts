// Flow records, legs, paired connections and the accept/reject aggregates drawn by the flow panes.

export type FlowAction = 'ACCEPT' | 'REJECT';
export type LogStatus = 'OK' | 'NODATA' | 'SKIPDATA';

/** One VPC flow log record, read by the flow log's own format. Absent fields were `-` or not in the format. */
export type FlowRecord = {
	readonly interfaceId: string;
	readonly logStatus: LogStatus;
	readonly srcAddr?: string;
	readonly dstAddr?: string;
	readonly srcPort?: number;
	readonly dstPort?: number;
	readonly protocol?: number;
	readonly packets?: number;
	readonly bytes?: number;
	/** Unix seconds. */
	readonly start: number;
	readonly end: number;
	readonly action?: FlowAction;
	readonly tcpFlags?: number;
	readonly pktSrcAddr?: string;
	readonly pktDstAddr?: string;
	readonly flowDirection?: 'ingress' | 'egress';
	readonly subnetId?: string;
	readonly azId?: string;
	/** Fields lbtop does not interpret, kept as written. */
	readonly extra: Readonly<Record<string, string>>;
};

export type LegRole = 'frontend' | 'backend' | 'target';

export type DirectionStats = {
	readonly packets: number;
	readonly bytes: number;
	/** REJECT when any record of this direction was rejected. */
	readonly action: FlowAction;
	readonly records: number;
	/**
	 * How many of `records` were REJECT (absent: none). All of them means this direction never got
	 * through; some means it did and a late packet was rejected after the connection closed.
	 */
	readonly rejectedRecords?: number | undefined;
	/** tcp-flags OR-ed over this direction's records; absent when the flow log format lacks the field. */
	readonly tcpFlags?: number | undefined;
};

/** Both directions of one 5-tuple as seen on one interface. */
export type FlowLeg = {
	readonly role: LegRole;
	readonly interfaceId: string;
	readonly availabilityZone?: string;
	readonly protocol: number;
	/** The initiating side: client (frontend), LB or client (backend). */
	readonly srcAddr: string;
	readonly srcPort: number;
	readonly dstAddr: string;
	readonly dstPort: number;
	readonly action: FlowAction;
	readonly packets: number;
	readonly bytes: number;
	/** Unix seconds. */
	readonly start: number;
	readonly end: number;
	readonly forward?: DirectionStats;
	readonly reverse?: DirectionStats;
};

/**
 * What a connection row is, one word every output shows (docs/snapshot.md):
 * - `exact`: frontend and backend joined on the client's address and port;
 * - `likely`: joined by interface, time and traffic shape, each the other's only fitting candidate;
 * - `ambiguous`: several legs fit and the flow logs cannot tell which is its partner, so none is
 *   claimed (`candidates` says how many);
 * - `unpaired`: a leg nothing fits (often the incident);
 * - `arriving`: an unpaired leg so recent its partner may still be in delivery (see arrivals.ts);
 * - `health-check`: the LB's own health check of a target, no client behind it.
 */
export type PairingKind =
	| 'exact'
	| 'likely'
	| 'ambiguous'
	| 'unpaired'
	| 'arriving'
	| 'health-check';

export type Connection = {
	readonly id: string;
	readonly kind: PairingKind;
	/** `ambiguous` rows: how many legs could be its partner. */
	readonly candidates?: number;
	readonly clientAddr: string;
	readonly clientPort: number;
	readonly listenerPort?: number;
	readonly targetAddr?: string;
	readonly targetPort?: number;
	readonly protocol: number;
	readonly frontend?: FlowLeg;
	readonly backend?: FlowLeg;
	/** The backend leg as the target's own interface saw it (when the target has flow logs). */
	readonly targetView?: FlowLeg;
	readonly packets: number;
	readonly bytes: number;
	readonly start: number;
	readonly end: number;
};

export type Precision = 'exact' | 'provisional' | 'sampled';

export type TrafficTotals = {
	readonly flows: number;
	readonly packets: number;
	readonly bytes: number;
};

export type RejectLocation = 'lb' | 'target';

export type SourceAggregate = TrafficTotals & {
	readonly addr: string;
	readonly ports: readonly number[];
	/** For rejected traffic: which interface logged the REJECT. */
	readonly where?: RejectLocation;
};

export type PortAggregate = TrafficTotals & {
	readonly port: number;
	readonly where?: RejectLocation;
};

export type InterfaceAggregate = TrafficTotals & {
	readonly interfaceId: string;
	readonly availabilityZone?: string;
	readonly action: FlowAction;
};

export type TimeBucket = {
	/** Unix seconds, start of the bucket. */
	readonly start: number;
	readonly accepted: number;
	readonly rejected: number;
	readonly bytes: number;
	readonly precision: Precision;
};

export type FlowAggregates = {
	/** Every record in the window: `flows` counts flow log records, not connections. */
	readonly accepted: TrafficTotals;
	readonly rejected: TrafficTotals;
	/**
	 * The records the source and port lists count, before the lists are cut to their length: those
	 * sent from outside the path (clients, scanners). The rest of the totals are the LB's and the
	 * targets' own (replies, backend legs from the LB's address, health checks). Absent when not
	 * known: a format without the source address, an Insights answer that may have been cut short.
	 */
	readonly acceptedFromClients?: TrafficTotals;
	readonly rejectedFromClients?: TrafficTotals;
	readonly acceptedSources: readonly SourceAggregate[];
	readonly rejectedSources: readonly SourceAggregate[];
	readonly acceptedPorts: readonly PortAggregate[];
	readonly rejectedPorts: readonly PortAggregate[];
	readonly interfaces: readonly InterfaceAggregate[];
	readonly timeline: readonly TimeBucket[];
	readonly bucketSeconds: number;
	readonly precision: Precision;
};

export type FlowsView = {
	readonly connections: readonly Connection[];
	/** The rows are a sample when more records matched than were read. */
	readonly sampled: boolean;
	/** Records the rows were paired from. */
	readonly recordsRead: number;
	/** Records there are in the rows' span (from `rowsFrom` on, when known). */
	readonly recordsMatched: number;
	/** Unix ms: the rows were read from the records since this moment. */
	readonly rowsFrom?: number;
	/**
	 * Unix ms: the aggregates (totals, timeline, sources, ports) cover the window from here; the time
	 * before it is still being read (a longer window was just asked for).
	 */
	readonly aggregatesFrom?: number;
	readonly malformedRecords: number;
	readonly aggregates: FlowAggregates;
	/** Unix ms: newest record end seen. */
	readonly dataThrough?: number;
	readonly aggregationSeconds: number;
	/** How the records were read: "CloudWatch Logs + Insights", "S3 + Athena". */
	readonly via?: string;
};

export type QueryCost = {
	/** Logs Insights queries started and the bytes they scanned. */
	readonly queries: number;
	readonly bytesScanned: number;
	readonly usdPerGb: number;
	/** The whole session's estimated price: Insights, and Athena and S3 requests when present. */
	readonly usd: number;
	/** Athena, when flow logs are read from S3 through a table. */
	readonly athena?: AthenaCost;
	/** S3 requests reading flow log objects. */
	readonly s3?: S3RequestCost;
};

export type AthenaCost = {
	readonly queries: number;
	readonly bytesScanned: number;
	/** What Athena bills: each query rounded up to the MB, at least 10 MB; failed ones free. */
	readonly billedBytes: number;
	readonly usdPerTb: number;
	readonly usd: number;
};

export type S3RequestCost = {
	readonly listRequests: number;
	readonly getRequests: number;
	readonly bytesRead: number;
	readonly usd: number;
};
