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
	readonly action: FlowAction;
	readonly records: number;
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

export type PairingKind = 'exact' | 'likely' | 'unpaired';

export type Connection = {
	readonly id: string;
	readonly kind: PairingKind;
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
	readonly accepted: TrafficTotals;
	readonly rejected: TrafficTotals;
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
	readonly recordsRead: number;
	readonly recordsMatched: number;
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
