// Which CloudWatch metrics lbtop reads for each kind of load balancer, with the statistic that
// answers an on-call question. Counts per minute are Sums (ELB aggregates them across its nodes);
// ActiveFlowCount is a gauge, so its Average and Maximum; the host counts are reported by every LB
// node separately, and the ELB guide recommends the Maximum of HealthyHostCount and the Minimum
// of UnHealthyHostCount so that one node's lagging view does not read as a flapping target.
import type {MetricUnit} from '../types/metrics.js';
import type {LoadBalancerType} from '../types/topology.js';

/** Where a metric is published: per load balancer, or per target group of that load balancer. */
export type MetricScope = 'load-balancer' | 'target-group';

export type MetricDefinition = {
	readonly metricName: string;
	readonly stat: string;
	readonly unit: MetricUnit;
	/** Short enough for a sparkline row on an 80-column screen. */
	readonly label: string;
	readonly scope: MetricScope;
	/** Also read per Availability Zone when the breakdown is on. */
	readonly perZone: boolean;
};

export const namespaceByType: Readonly<Record<LoadBalancerType, string>> = {
	network: 'AWS/NetworkELB',
	application: 'AWS/ApplicationELB',
	gateway: 'AWS/GatewayELB',
};

type Shape = Partial<Pick<MetricDefinition, 'unit' | 'scope' | 'perZone'>>;

function metric(
	metricName: string,
	stat: string,
	label: string,
	shape: Shape = {},
): MetricDefinition {
	return {
		metricName,
		stat,
		label,
		unit: shape.unit ?? 'count',
		scope: shape.scope ?? 'load-balancer',
		perZone: shape.perZone ?? false,
	};
}

const hostHealth: readonly MetricDefinition[] = [
	metric('HealthyHostCount', 'Maximum', 'healthy', {scope: 'target-group', perZone: true}),
	metric('UnHealthyHostCount', 'Minimum', 'unhealthy', {scope: 'target-group', perZone: true}),
];

const networkMetrics: readonly MetricDefinition[] = [
	metric('ActiveFlowCount', 'Average', 'active flows avg'),
	metric('ActiveFlowCount', 'Maximum', 'active flows max'),
	metric('NewFlowCount', 'Sum', 'new flows', {perZone: true}),
	metric('ProcessedBytes', 'Sum', 'bytes', {unit: 'bytes'}),
	metric('TCP_Client_Reset_Count', 'Sum', 'client resets'),
	metric('TCP_ELB_Reset_Count', 'Sum', 'LB resets'),
	metric('TCP_Target_Reset_Count', 'Sum', 'target resets'),
	metric('PortAllocationErrorCount', 'Sum', 'port alloc errors'),
	metric('ClientTLSNegotiationErrorCount', 'Sum', 'client TLS errors'),
	...hostHealth,
];

const applicationMetrics: readonly MetricDefinition[] = [
	metric('RequestCount', 'Sum', 'requests', {perZone: true}),
	metric('TargetResponseTime', 'p50', 'response p50', {unit: 'seconds'}),
	metric('TargetResponseTime', 'p99', 'response p99', {unit: 'seconds'}),
	metric('HTTPCode_ELB_5XX_Count', 'Sum', 'LB 5XX'),
	metric('HTTPCode_Target_5XX_Count', 'Sum', 'target 5XX'),
	metric('ActiveConnectionCount', 'Sum', 'active conns'),
	metric('NewConnectionCount', 'Sum', 'new conns'),
	metric('RejectedConnectionCount', 'Sum', 'rejected conns'),
	metric('TargetConnectionErrorCount', 'Sum', 'target conn errors'),
	metric('ProcessedBytes', 'Sum', 'bytes', {unit: 'bytes'}),
	...hostHealth,
];

const gatewayMetrics: readonly MetricDefinition[] = [
	metric('ActiveFlowCount', 'Average', 'active flows avg'),
	metric('ActiveFlowCount', 'Maximum', 'active flows max'),
	metric('NewFlowCount', 'Sum', 'new flows', {perZone: true}),
	metric('ProcessedBytes', 'Sum', 'bytes', {unit: 'bytes'}),
	...hostHealth,
];

export const metricsByType: Readonly<Record<LoadBalancerType, readonly MetricDefinition[]>> = {
	network: networkMetrics,
	application: applicationMetrics,
	gateway: gatewayMetrics,
};
