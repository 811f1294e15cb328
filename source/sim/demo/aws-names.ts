// How AWS spells the names, ARNs and dimension values of load balancers and target groups.
// Shared by the scenario loader and the demo world so both produce the same shapes.

export type LoadBalancerType = 'network' | 'application' | 'gateway';

const typeSegments: Readonly<Record<LoadBalancerType, string>> = {
	network: 'net',
	application: 'app',
	gateway: 'gwy',
};

/** `net/<name>/<id>`: the ARN tail, the CloudWatch `LoadBalancer` dimension and the ENI description tail. */
export function loadBalancerResourcePath(type: LoadBalancerType, name: string, id: string): string {
	return `${typeSegments[type]}/${name}/${id}`;
}

export function loadBalancerArn(
	region: string,
	accountId: string,
	type: LoadBalancerType,
	name: string,
	id: string,
): string {
	return `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${loadBalancerResourcePath(type, name, id)}`;
}

export function listenerArn(loadBalancerArnValue: string, listenerId: string): string {
	return `${loadBalancerArnValue.replace(':loadbalancer/', ':listener/')}/${listenerId}`;
}

/** `targetgroup/<name>/<id>`: the ARN tail and the CloudWatch `TargetGroup` dimension. */
export function targetGroupResourcePath(name: string, id: string): string {
	return `targetgroup/${name}/${id}`;
}

export function targetGroupArn(
	region: string,
	accountId: string,
	name: string,
	id: string,
): string {
	return `arn:aws:elasticloadbalancing:${region}:${accountId}:${targetGroupResourcePath(name, id)}`;
}

/** ELB's requester-managed interfaces are described as `ELB net/<name>/<id>` (ALB: `ELB app/...`). */
export function loadBalancerInterfaceDescription(
	type: LoadBalancerType,
	name: string,
	id: string,
): string {
	return `ELB ${loadBalancerResourcePath(type, name, id)}`;
}

/**
 * NLB ENIs reporting `network_load_balancer` is UNVERIFIED (seen only in third-party fixtures);
 * it is only a default, and a scenario file can say otherwise. ALB ENIs show as plain `interface`.
 */
export function defaultLoadBalancerInterfaceType(type: LoadBalancerType): string {
	if (type === 'network') {
		return 'network_load_balancer';
	}
	return type === 'gateway' ? 'gateway_load_balancer' : 'interface';
}

export function loadBalancerDnsName(
	type: LoadBalancerType,
	scheme: 'internet-facing' | 'internal',
	name: string,
	id: string,
	region: string,
): string {
	const prefix = scheme === 'internal' ? 'internal-' : '';
	if (type === 'network') {
		return `${prefix}${name}-${id}.elb.${region}.amazonaws.com`;
	}
	return `${prefix}${name}-${Number.parseInt(id.slice(0, 8), 16)}.${region}.elb.amazonaws.com`;
}

const hostedZones: Readonly<Record<LoadBalancerType, string>> = {
	network: 'Z26RNL4JYFTOTI',
	application: 'Z35SXDOTRQ7X7K',
	gateway: 'Z26RNL4JYFTOTI',
};

/** The us-east-1 zone ids; other regions differ, which no part of lbtop relies on. */
export function canonicalHostedZoneId(type: LoadBalancerType): string {
	return hostedZones[type];
}

/** The CloudWatch Logs stream VPC Flow Logs writes for one interface (the suffix is UNVERIFIED). */
export function flowLogStreamName(networkInterfaceId: string, trafficType: string): string {
	return `${networkInterfaceId}-${trafficType.toLowerCase()}`;
}

/** The namespace ELB publishes metrics under, by load balancer type. */
export function elbMetricNamespace(type: LoadBalancerType): string {
	if (type === 'network') {
		return 'AWS/NetworkELB';
	}
	return type === 'gateway' ? 'AWS/GatewayELB' : 'AWS/ApplicationELB';
}

export const defaultAccountId = '123456789012';
export const defaultRegion = 'us-east-1';

/** AWS's documentation example user id, so nothing here looks like a real principal. */
export const defaultUserId = 'AIDACKCEVSQ6C2EXAMPLE';

export function defaultIdentityArn(accountId: string): string {
	return `arn:aws:iam::${accountId}:user/lbtop-sim`;
}

/** Availability zone ids (`use1-az1`) are account-specific; a fixed mapping is enough for the sim. */
export function availabilityZoneId(region: string, zoneName: string): string {
	const regionCode = region
		.split('-')
		.map((part, index) => (index === 2 ? part : part.slice(0, index === 0 ? 2 : 1)))
		.join('');
	const letter = zoneName.slice(-1);
	const number = letter >= 'a' && letter <= 'z' ? letter.charCodeAt(0) - 96 : 1;
	return `${regionCode}-az${number}`;
}
