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

/** One permission of a security group, as EC2 DescribeSecurityGroups returns it (IpPermissions). */
export type SecurityGroupPermission = {
	/** `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number, as EC2 writes it. */
	readonly protocol: string;
	/** For tcp/udp the port range; for icmp the type and code; absent for all protocols. */
	readonly fromPort?: number;
	readonly toPort?: number;
	/** IPv4 and IPv6 ranges the permission allows. */
	readonly cidrs: readonly string[];
	/** Security groups whose members the permission allows. */
	readonly groups: readonly string[];
	/** Managed prefix lists; lbtop does not resolve their entries. */
	readonly prefixLists: readonly string[];
};

export type SecurityGroupInfo = {
	readonly groupId: string;
	readonly groupName: string;
	/** Absent when the rules were not read (snapshots from older versions). */
	readonly ingress?: readonly SecurityGroupPermission[];
	readonly egress?: readonly SecurityGroupPermission[];
};

/** One entry of a network ACL, as EC2 DescribeNetworkAcls returns it (Entries). */
export type NetworkAclEntry = {
	readonly ruleNumber: number;
	readonly egress: boolean;
	/** `-1` (all) or a protocol number, as EC2 writes it. */
	readonly protocol: string;
	readonly action: 'allow' | 'deny';
	/** The IPv4 or IPv6 range. */
	readonly cidr: string;
	/** For tcp/udp entries; absent means every port. */
	readonly fromPort?: number;
	readonly toPort?: number;
};

export type NetworkAclInfo = {
	readonly networkAclId: string;
	/** The subnets of the path (the LB's and the targets') this ACL is associated with. */
	readonly subnetIds: readonly string[];
	/** Absent when the entries were not read (snapshots from older versions). */
	readonly entries?: readonly NetworkAclEntry[];
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
	/** The security groups in the path (the LB's and the targets'): names for titles, rules for findings. */
	readonly securityGroupDetails: readonly SecurityGroupInfo[];
	/** Network ACLs of the LB's and the targets' subnets, with their entries. */
	readonly networkAcls: readonly NetworkAclInfo[];
	readonly listeners: readonly ListenerInfo[];
	readonly targetGroups: readonly TargetGroupInfo[];
	readonly flowLogs: readonly FlowLogInfo[];
	/** Log groups the flow panes read (discovered, or `--log-group`). */
	readonly logGroups: readonly string[];
	readonly gaps: readonly MonitoringGap[];
};
