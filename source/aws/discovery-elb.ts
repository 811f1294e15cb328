// Discovery's ELBv2 reads: the load balancer, its listeners, target groups, attributes and health.
import {
	DescribeListenersCommand,
	DescribeTargetGroupAttributesCommand,
	DescribeTargetGroupsCommand,
	DescribeTargetHealthCommand,
	type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {parseLoadBalancerArn} from '../domain/load-balancer-arn.js';
import type {LoadBalancerFacts, TargetGroupFacts} from '../domain/topology/facts.js';
import type {ListenerInfo, TargetHealthState} from '../domain/types/topology.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

const healthStates: readonly TargetHealthState[] = [
	'initial',
	'healthy',
	'unhealthy',
	'unused',
	'draining',
	'unavailable',
	'unhealthy.draining',
];

function healthState(value: string | undefined): TargetHealthState {
	return healthStates.find((state) => state === value) ?? 'unknown';
}

export function loadBalancerFacts(lb: LoadBalancer): LoadBalancerFacts {
	const arn = lb.LoadBalancerArn ?? '';
	const type = lb.Type === 'application' || lb.Type === 'gateway' ? lb.Type : 'network';
	return {
		arn,
		name: lb.LoadBalancerName ?? parseLoadBalancerArn(arn)?.name ?? arn,
		type,
		scheme: lb.Scheme === 'internal' ? 'internal' : 'internet-facing',
		vpcId: lb.VpcId ?? '',
		dnsName: lb.DNSName ?? '',
		state: lb.State?.Code ?? 'unknown',
		securityGroups: lb.SecurityGroups ?? [],
		availabilityZones: (lb.AvailabilityZones ?? []).flatMap((zone) =>
			zone.ZoneName && zone.SubnetId ? [{zone: zone.ZoneName, subnetId: zone.SubnetId}] : [],
		),
	};
}

export async function listeners(
	clients: AwsClients,
	arn: string,
	signal?: AbortSignal,
): Promise<ListenerInfo[]> {
	const elbv2 = await clients.elbv2();
	const response = await awsCall('elasticloadbalancing:DescribeListeners', () =>
		elbv2.send(
			new DescribeListenersCommand({LoadBalancerArn: arn}),
			signal ? {abortSignal: signal} : {},
		),
	);
	return (response.Listeners ?? []).map((listener) => ({
		arn: listener.ListenerArn ?? '',
		port: listener.Port ?? 0,
		protocol: listener.Protocol ?? '',
		targetGroupArns: (listener.DefaultActions ?? []).flatMap((action) => [
			...(action.TargetGroupArn ? [action.TargetGroupArn] : []),
			...(action.ForwardConfig?.TargetGroups ?? []).flatMap((group) =>
				group.TargetGroupArn ? [group.TargetGroupArn] : [],
			),
		]),
	}));
}

export async function targetGroups(
	clients: AwsClients,
	arn: string,
	signal?: AbortSignal,
): Promise<TargetGroupFacts[]> {
	const elbv2 = await clients.elbv2();
	const options = signal ? {abortSignal: signal} : {};
	const response = await awsCall('elasticloadbalancing:DescribeTargetGroups', () =>
		elbv2.send(new DescribeTargetGroupsCommand({LoadBalancerArn: arn}), options),
	);
	return Promise.all(
		(response.TargetGroups ?? []).map(async (group) => {
			const groupArn = group.TargetGroupArn ?? '';
			const [attributes, health] = await Promise.all([
				awsCall('elasticloadbalancing:DescribeTargetGroupAttributes', () =>
					elbv2.send(new DescribeTargetGroupAttributesCommand({TargetGroupArn: groupArn}), options),
				),
				awsCall('elasticloadbalancing:DescribeTargetHealth', () =>
					elbv2.send(new DescribeTargetHealthCommand({TargetGroupArn: groupArn}), options),
				),
			]);
			const targetType = group.TargetType;
			return {
				arn: groupArn,
				name: group.TargetGroupName ?? groupArn,
				protocol: group.Protocol ?? '',
				port: group.Port ?? 0,
				targetType:
					targetType === 'ip' || targetType === 'lambda' || targetType === 'alb'
						? targetType
						: 'instance',
				attributes: Object.fromEntries(
					(attributes.Attributes ?? []).flatMap((entry) =>
						entry.Key !== undefined && entry.Value !== undefined ? [[entry.Key, entry.Value]] : [],
					),
				),
				targets: (health.TargetHealthDescriptions ?? []).flatMap((description) => {
					const target = description.Target;
					if (!target?.Id) {
						return [];
					}
					const reason = description.TargetHealth?.Reason;
					const detail = description.TargetHealth?.Description;
					return [
						{
							id: target.Id,
							port: target.Port ?? group.Port ?? 0,
							...(target.AvailabilityZone ? {availabilityZone: target.AvailabilityZone} : {}),
							health: {
								state: healthState(description.TargetHealth?.State),
								...(reason ? {reason} : {}),
								...(detail ? {description: detail} : {}),
							},
						},
					];
				}),
			};
		}),
	);
}
