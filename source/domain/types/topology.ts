// What discovery learns about the watched load balancer and the path its traffic takes.

export type LoadBalancerType = 'network' | 'application' | 'gateway';

export type AvailabilityZoneInfo = {
	readonly zone: string;
	readonly subnetId: string;
	/** The LB's network interface in this AZ, when discovery found it. */
	readonly interfaceId?: string;
	readonly privateIps: readonly string[];
	readonly publicIps: readonly string[];
};

export type ListenerInfo = {
	readonly arn: string;
	readonly port: number;
	readonly protocol: string;
	readonly targetGroupArns: readonly string[];
};

export type TargetHealthState =
	| 'initial'
	| 'healthy'
	| 'unhealthy'
	| 'unused'
	| 'draining'
	| 'unavailable'
	| 'unhealthy.draining'
	| 'unknown';

export type TargetInfo = {
	readonly id: string;
	readonly port: number;
	readonly availabilityZone?: string;
	/** Address the LB sends to: the instance's primary private IP or the IP target itself. */
	readonly ip?: string;
	readonly interfaceId?: string;
	readonly securityGroups: readonly string[];
	readonly subnetId?: string;
	readonly health: {
		readonly state: TargetHealthState;
		readonly reason?: string;
		readonly description?: string;
	};
};

export type TargetGroupInfo = {
	readonly arn: string;
	readonly name: string;
	readonly protocol: string;
	readonly port: number;
	readonly targetType: 'instance' | 'ip' | 'lambda' | 'alb';
	/** `preserve_client_ip.enabled`; decides whether frontend and backend legs join exactly. */
	readonly preserveClientIp: boolean;
	readonly proxyProtocolV2: boolean;
	readonly targets: readonly TargetInfo[];
};

export type FlowLogInfo = {
	readonly flowLogId: string;
	/** ENI, subnet or VPC the flow log is attached to. */
	readonly resourceId: string;
	readonly destinationType: 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose';
	readonly logGroupName?: string;
	/** Where it delivers: `arn:aws:s3:::bucket[/folder/]` for S3, the log group's ARN otherwise. */
	readonly logDestination?: string;
	/** For an S3 destination: the file format and folder layout (fixed when it was created). */
	readonly destinationOptions?: FlowLogDestinationOptions;
	readonly logFormat: string;
	readonly maxAggregationIntervalSeconds: number;
	readonly trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
};

export type FlowLogDestinationOptions = {
	readonly fileFormat: 'plain-text' | 'parquet';
	readonly hiveCompatiblePartitions: boolean;
	readonly perHourPartition: boolean;
};

export type GapKind =
	| 'no-flow-logs'
	| 's3-only'
	| 'ten-minute-aggregation'
	| 'targets-without-flow-logs'
	| 'log-group-not-covering'
	| 'traffic-type-partial'
	| 'interfaces-not-found';

export type MonitoringGap = {
	readonly kind: GapKind;
	/** One sentence a user can act on: what is missing and what it means for what lbtop shows. */
	readonly message: string;
	readonly resources: readonly string[];
};

export type SecurityGroupInfo = {
	readonly groupId: string;
	readonly groupName: string;
};

export type NetworkAclInfo = {
	readonly networkAclId: string;
	readonly subnetIds: readonly string[];
};

export type Topology = {
	readonly arn: string;
	readonly name: string;
	readonly type: LoadBalancerType;
	readonly scheme: 'internet-facing' | 'internal';
	readonly vpcId: string;
	readonly dnsName: string;
	readonly state: string;
	/** CloudWatch `LoadBalancer` dimension value, e.g. `net/my-nlb/50dc6c495c0c9188`. */
	readonly metricDimension: string;
	readonly availabilityZones: readonly AvailabilityZoneInfo[];
	readonly securityGroups: readonly string[];
	/** Names of the security groups in the path (the LB's and the targets'), for readable titles. */
	readonly securityGroupDetails: readonly SecurityGroupInfo[];
	/** Network ACLs of the LB's and the targets' subnets. */
	readonly networkAcls: readonly NetworkAclInfo[];
	readonly listeners: readonly ListenerInfo[];
	readonly targetGroups: readonly TargetGroupInfo[];
	readonly flowLogs: readonly FlowLogInfo[];
	/** Log groups the flow panes read (discovered, or `--log-group`). */
	readonly logGroups: readonly string[];
	readonly gaps: readonly MonitoringGap[];
};
