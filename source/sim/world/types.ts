// The sim's model of an AWS account in one region. A scenario file (JSON) is a partial `World`;
// the demo world builds one and keeps appending to it as time advances. Field names follow the
// AWS API shapes closely so the protocol handlers are thin. All times are Unix ms unless named *Seconds.

export type Tag = {readonly key: string; readonly value: string};

export type Vpc = {readonly vpcId: string; readonly cidrBlock: string};

export type Subnet = {
	readonly subnetId: string;
	readonly vpcId: string;
	readonly availabilityZone: string;
	readonly availabilityZoneId?: string;
	readonly cidrBlock: string;
};

export type SecurityGroupRule = {
	/** 'tcp' | 'udp' | 'icmp' | '-1' (all). */
	readonly ipProtocol: string;
	readonly fromPort?: number;
	readonly toPort?: number;
	readonly cidrIpv4?: string;
	readonly referencedGroupId?: string;
	readonly description?: string;
};

export type SecurityGroup = {
	readonly groupId: string;
	readonly groupName: string;
	readonly description: string;
	readonly vpcId: string;
	ingress: SecurityGroupRule[];
	egress: SecurityGroupRule[];
};

export type NetworkAclEntry = {
	readonly ruleNumber: number;
	readonly egress: boolean;
	/** '-1' | '6' | '17' ... */
	readonly protocol: string;
	readonly ruleAction: 'allow' | 'deny';
	readonly cidrBlock: string;
	readonly portRange?: {readonly from: number; readonly to: number};
};

export type NetworkAcl = {
	readonly networkAclId: string;
	readonly vpcId: string;
	readonly isDefault: boolean;
	readonly subnetIds: readonly string[];
	entries: NetworkAclEntry[];
};

export type Instance = {
	readonly instanceId: string;
	readonly subnetId: string;
	readonly vpcId: string;
	readonly availabilityZone: string;
	readonly privateIpAddress: string;
	readonly instanceType: string;
	readonly state: 'pending' | 'running' | 'stopping' | 'stopped' | 'terminated';
	readonly securityGroupIds: readonly string[];
	readonly networkInterfaceId: string;
	readonly tags: readonly Tag[];
};

export type NetworkInterface = {
	readonly networkInterfaceId: string;
	readonly subnetId: string;
	readonly vpcId: string;
	readonly availabilityZone: string;
	/** e.g. `ELB net/my-nlb/50dc6c495c0c9188` for an NLB's interface. */
	readonly description: string;
	/** e.g. 'interface' | 'network_load_balancer' | 'load_balancer'. */
	readonly interfaceType: string;
	readonly privateIpAddress: string;
	readonly publicIp?: string;
	readonly securityGroupIds: readonly string[];
	readonly requesterManaged: boolean;
	readonly requesterId?: string;
	readonly ownerId: string;
	readonly attachment?: {readonly instanceId?: string; readonly deviceIndex: number};
	readonly status: 'in-use' | 'available';
};

export type LoadBalancer = {
	readonly loadBalancerArn: string;
	readonly loadBalancerName: string;
	readonly type: 'network' | 'application' | 'gateway';
	readonly scheme: 'internet-facing' | 'internal';
	readonly vpcId: string;
	readonly dnsName: string;
	readonly canonicalHostedZoneId: string;
	readonly createdTime: number;
	readonly state: 'active' | 'provisioning' | 'active_impaired' | 'failed';
	readonly ipAddressType: 'ipv4' | 'dualstack';
	readonly securityGroups: readonly string[];
	readonly availabilityZones: readonly {
		readonly zoneName: string;
		readonly subnetId: string;
		readonly allocationId?: string;
	}[];
	attributes: Record<string, string>;
	tags: Tag[];
};

export type ListenerAction = {
	readonly type: 'forward';
	readonly targetGroupArn: string;
};

export type Listener = {
	readonly listenerArn: string;
	readonly loadBalancerArn: string;
	readonly port: number;
	/** 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP' | 'HTTP' | 'HTTPS' | 'GENEVE'. */
	readonly protocol: string;
	readonly defaultActions: readonly ListenerAction[];
	readonly certificates?: readonly {readonly certificateArn: string}[];
	readonly sslPolicy?: string;
};

export type TargetGroup = {
	readonly targetGroupArn: string;
	readonly targetGroupName: string;
	readonly protocol: string;
	readonly port: number;
	readonly vpcId: string;
	readonly targetType: 'instance' | 'ip' | 'lambda' | 'alb';
	readonly loadBalancerArns: readonly string[];
	readonly healthCheck: {
		readonly protocol: string;
		readonly port: string;
		readonly intervalSeconds: number;
		readonly timeoutSeconds: number;
		readonly healthyThresholdCount: number;
		readonly unhealthyThresholdCount: number;
	};
	attributes: Record<string, string>;
	tags: Tag[];
};

export type Target = {
	readonly targetGroupArn: string;
	readonly id: string;
	readonly port: number;
	readonly availabilityZone?: string;
	health: {
		state: 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';
		reason?: string;
		description?: string;
	};
};

export type FlowLog = {
	readonly flowLogId: string;
	readonly resourceId: string;
	readonly trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
	readonly logDestinationType: 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose';
	readonly logGroupName?: string;
	readonly logDestination?: string;
	/** For an S3 destination (fixed when the flow log is created). */
	readonly destinationOptions?: FlowLogDestinationOptions;
	/** `${version} ${account-id} ...`; the default format when absent. */
	readonly logFormat: string;
	readonly maxAggregationInterval: 60 | 600;
	readonly deliverLogsStatus: 'SUCCESS' | 'FAILED';
	readonly creationTime: number;
};

export type FlowLogDestinationOptions = {
	readonly fileFormat: 'plain-text' | 'parquet';
	readonly hiveCompatiblePartitions: boolean;
	readonly perHourPartition: boolean;
};

export type LogEvent = {
	readonly timestamp: number;
	readonly ingestionTime: number;
	readonly message: string;
};

/**
 * The events of a time slice of a generated stream, sorted by timestamp. Held compactly (one text,
 * offsets) because a busy world's slice holds hundreds of thousands of records.
 */
export type EventChunk = {
	readonly length: number;
	readonly timestamp: (index: number) => number;
	readonly ingestionTime: (index: number) => number;
	readonly message: (index: number) => string;
	/** The message's length in UTF-8 bytes, known without making its string. */
	readonly messageBytes?: (index: number) => number;
	/**
	 * Token `position` of the message split on spaces (a number stands for its decimal digits),
	 * read without writing the message: present only when every message is a default-format flow
	 * record, whose fields Insights discovers by position.
	 */
	readonly token?: (index: number, position: number) => string | number;
	/**
	 * How many words (split on single spaces) the message has, known without writing it; 0 when
	 * not known. `word` reads one of them (a number stands for its decimal digits).
	 */
	readonly words?: (index: number) => number;
	readonly word?: (index: number, position: number) => string | number;
	/** What the chunk costs to hold (bytes, roughly). */
	readonly size: number;
};

/**
 * Events a world model computes when a read asks for them instead of holding them: the stream's
 * time axis is cut into chunks of `chunkMs`, each rebuilt the same way from the model whenever it
 * is needed, so any range can be served at any volume while only the chunks reads touch are held.
 */
export type GeneratedEvents = {
	readonly chunkMs: number;
	/** Start of the oldest chunk that can hold events when the clock reads `now`. */
	readonly oldest: (now: number) => number;
	/** When the chunk's first events are ingested (Infinity: never), known without building it. */
	readonly deliveredFrom: (chunkStart: number) => number;
	/** The chunk starting at `chunkStart` (a multiple of `chunkMs`). */
	readonly chunk: (chunkStart: number) => EventChunk;
};

export type LogStream = {
	readonly logStreamName: string;
	readonly creationTime: number;
	/** Kept sorted by timestamp: events written as such (a scenario's lines, PutLogEvents). */
	events: LogEvent[];
	/** Events a world model generates on demand, merged with `events` on every read. */
	readonly generated?: GeneratedEvents;
};

export type LogGroup = {
	readonly logGroupName: string;
	readonly creationTime: number;
	readonly retentionInDays?: number;
	streams: LogStream[];
};

export type MetricDatum = {
	readonly namespace: string;
	readonly metricName: string;
	readonly dimensions: readonly {readonly name: string; readonly value: string}[];
	readonly unit?: string;
	/** Datapoints are kept as raw samples; statistics are computed per period on read. */
	readonly timestamp: number;
	readonly values: readonly number[];
	readonly counts?: readonly number[];
};

export type MetricAlarm = {
	readonly alarmName: string;
	readonly alarmArn: string;
	readonly alarmDescription?: string;
	readonly namespace: string;
	readonly metricName: string;
	readonly dimensions: readonly {readonly name: string; readonly value: string}[];
	readonly statistic: string;
	readonly periodSeconds: number;
	readonly evaluationPeriods: number;
	readonly threshold: number;
	readonly comparisonOperator: string;
	stateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
	stateReason: string;
	stateUpdatedTimestamp: number;
};

export type CloudTrailEvent = {
	readonly eventId: string;
	readonly eventTime: number;
	readonly eventName: string;
	readonly eventSource: string;
	readonly username?: string;
	readonly accessKeyId?: string;
	readonly readOnly: boolean;
	readonly resources: readonly {readonly resourceType: string; readonly resourceName: string}[];
	/** The full CloudTrail record as a JSON string, exactly as LookupEvents returns it. */
	readonly cloudTrailEvent: string;
};

export type Identity = {
	readonly account: string;
	readonly arn: string;
	readonly userId: string;
};

/** Datapoints a world model computes on demand instead of holding (the time range a read asks for). */
export type GeneratedMetrics = {
	/** Datums with a timestamp in [start, end) that are published when the clock reads `now`. */
	readonly between: (start: number, end: number, now: number) => readonly MetricDatum[];
};

export type World = {
	readonly region: string;
	readonly accountId: string;
	identity: Identity;
	vpcs: Vpc[];
	subnets: Subnet[];
	securityGroups: SecurityGroup[];
	networkAcls: NetworkAcl[];
	instances: Instance[];
	networkInterfaces: NetworkInterface[];
	loadBalancers: LoadBalancer[];
	listeners: Listener[];
	targetGroups: TargetGroup[];
	targets: Target[];
	flowLogs: FlowLog[];
	logGroups: LogGroup[];
	metrics: MetricDatum[];
	alarms: MetricAlarm[];
	cloudTrailEvents: CloudTrailEvent[];
	/** S3 buckets, the Glue catalog and Athena workgroups: absent in a world that has none. */
	dataLake?: DataLake;
	/** Metrics a world model generates on demand, served alongside `metrics`. */
	generatedMetrics?: GeneratedMetrics;
};

/** An object in a sim bucket. It does not exist before `lastModified` (its upload). */
export type S3Object = {
	readonly key: string;
	readonly body: Uint8Array;
	/** The body's length, where known without making the body (a file made when read). */
	readonly size?: number;
	/** Unix ms. */
	readonly lastModified: number;
	/** Quoted, as S3 writes it. */
	readonly etag: string;
};

export type S3Bucket = {
	readonly name: string;
	readonly creationDate: number;
	/**
	 * Access key ids this bucket's policy lets read it; anyone when absent. A log archive in another
	 * account is a bucket only the logs profile's credentials may read.
	 */
	readonly readers?: readonly string[];
	/** Kept sorted by key (UTF-8 binary order, as ListObjectsV2 lists them). */
	objects: S3Object[];
};

export type GlueColumn = {readonly name: string; readonly type: string};

export type GlueTable = {
	readonly databaseName: string;
	readonly name: string;
	readonly createTime: number;
	readonly columns: readonly GlueColumn[];
	readonly partitionKeys: readonly GlueColumn[];
	/** `s3://bucket/prefix/`. */
	readonly location: string;
	readonly inputFormat: string;
	readonly outputFormat: string;
	readonly serializationLibrary: string;
	readonly serdeParameters: Readonly<Record<string, string>>;
	/** Table properties: `projection.*`, `storage.location.template`, `skip.header.line.count`. */
	readonly parameters: Readonly<Record<string, string>>;
};

export type GlueDatabase = {
	readonly name: string;
	readonly createTime: number;
	readonly description?: string;
};

export type AthenaWorkGroup = {
	readonly name: string;
	/** `s3://bucket/prefix/`: where query results go unless the request names another. */
	readonly outputLocation?: string;
	/** Athena keeps results itself: no output location needed. */
	readonly managedQueryResults?: boolean;
	readonly bytesScannedCutoffPerQuery?: number;
};

/** What the S3, Glue and Athena services serve; absent in a world without them. */
export type DataLake = {
	buckets: S3Bucket[];
	glueDatabases: GlueDatabase[];
	glueTables: GlueTable[];
	athenaWorkGroups: AthenaWorkGroup[];
};
