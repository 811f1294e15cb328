// What discovery reads from ELBv2 and EC2, before it is assembled into a Topology.
import type {
	FlowLogInfo,
	ListenerInfo,
	LoadBalancerType,
	NetworkAclInfo,
	SecurityGroupInfo,
	TargetHealthState,
} from '../types/topology.js';

export type LoadBalancerFacts = {
	readonly arn: string;
	readonly name: string;
	readonly type: LoadBalancerType;
	readonly scheme: 'internet-facing' | 'internal';
	readonly vpcId: string;
	readonly dnsName: string;
	readonly state: string;
	readonly securityGroups: readonly string[];
	readonly availabilityZones: readonly {readonly zone: string; readonly subnetId: string}[];
};

export type TargetGroupFacts = {
	readonly arn: string;
	readonly name: string;
	readonly protocol: string;
	readonly port: number;
	readonly targetType: 'instance' | 'ip' | 'lambda' | 'alb';
	readonly attributes: Readonly<Record<string, string>>;
	readonly targets: readonly {
		readonly id: string;
		readonly port: number;
		readonly availabilityZone?: string;
		readonly health: {
			readonly state: TargetHealthState;
			readonly reason?: string;
			readonly description?: string;
		};
	}[];
};

export type InterfaceFacts = {
	readonly interfaceId: string;
	readonly subnetId: string;
	readonly availabilityZone: string;
	readonly privateIps: readonly string[];
	readonly publicIps: readonly string[];
	readonly securityGroups: readonly string[];
	readonly instanceId?: string;
};

export type DiscoveryFacts = {
	readonly loadBalancer: LoadBalancerFacts;
	readonly listeners: readonly ListenerInfo[];
	readonly targetGroups: readonly TargetGroupFacts[];
	readonly lbInterfaces: readonly InterfaceFacts[];
	/** Interfaces of the targets: the instances' primary interfaces and the IP targets' interfaces. */
	readonly targetInterfaces: readonly InterfaceFacts[];
	readonly flowLogs: readonly FlowLogInfo[];
	readonly securityGroups: readonly SecurityGroupInfo[];
	readonly networkAcls: readonly NetworkAclInfo[];
	/** `--log-group`, when given. */
	readonly logGroupOverride: readonly string[];
};
