// World objects in the shapes ELBv2 (API version 2015-12-01) returns.
import type {WireStruct} from '../../protocol/wire.js';
import type {Listener, LoadBalancer, Tag, Target, TargetGroup, World} from '../../world/types.js';

/** The ENI description ELB gives a load balancer's interfaces: `ELB net/<name>/<id>`. */
export function interfaceDescriptionOf(loadBalancer: LoadBalancer): string {
	const tail = loadBalancer.loadBalancerArn.split(':loadbalancer/')[1] ?? '';
	return `ELB ${tail}`;
}

function addressesOf(
	world: World,
	loadBalancer: LoadBalancer,
	subnetId: string,
	allocationId?: string,
) {
	if (allocationId === undefined) {
		return [];
	}
	const description = interfaceDescriptionOf(loadBalancer);
	const eni = world.networkInterfaces.find(
		(item) => item.description === description && item.subnetId === subnetId,
	);
	return [{IpAddress: eni?.publicIp, AllocationId: allocationId}];
}

export function loadBalancerShape(world: World, loadBalancer: LoadBalancer): WireStruct {
	return {
		LoadBalancerArn: loadBalancer.loadBalancerArn,
		DNSName: loadBalancer.dnsName,
		CanonicalHostedZoneId: loadBalancer.canonicalHostedZoneId,
		CreatedTime: new Date(loadBalancer.createdTime),
		LoadBalancerName: loadBalancer.loadBalancerName,
		Scheme: loadBalancer.scheme,
		VpcId: loadBalancer.vpcId,
		State: {Code: loadBalancer.state},
		Type: loadBalancer.type,
		AvailabilityZones: loadBalancer.availabilityZones.map((zone) => ({
			ZoneName: zone.zoneName,
			SubnetId: zone.subnetId,
			LoadBalancerAddresses: addressesOf(world, loadBalancer, zone.subnetId, zone.allocationId),
		})),
		// AWS leaves SecurityGroups out for load balancers created without any.
		SecurityGroups:
			loadBalancer.securityGroups.length > 0 ? loadBalancer.securityGroups : undefined,
		IpAddressType: loadBalancer.ipAddressType,
	};
}

export function listenerShape(listener: Listener): WireStruct {
	return {
		ListenerArn: listener.listenerArn,
		LoadBalancerArn: listener.loadBalancerArn,
		Port: listener.port,
		Protocol: listener.protocol,
		Certificates: listener.certificates?.map((certificate) => ({
			CertificateArn: certificate.certificateArn,
		})),
		SslPolicy: listener.sslPolicy,
		DefaultActions: listener.defaultActions.map((action) => ({
			Type: action.type,
			TargetGroupArn: action.targetGroupArn,
			ForwardConfig: {
				TargetGroups: [{TargetGroupArn: action.targetGroupArn, Weight: 1}],
				TargetGroupStickinessConfig: {Enabled: false},
			},
		})),
	};
}

export function targetGroupShape(targetGroup: TargetGroup): WireStruct {
	const {healthCheck} = targetGroup;
	return {
		TargetGroupArn: targetGroup.targetGroupArn,
		TargetGroupName: targetGroup.targetGroupName,
		Protocol: targetGroup.protocol,
		Port: targetGroup.port,
		VpcId: targetGroup.vpcId,
		HealthCheckProtocol: healthCheck.protocol,
		HealthCheckPort: healthCheck.port,
		HealthCheckEnabled: true,
		HealthCheckIntervalSeconds: healthCheck.intervalSeconds,
		HealthCheckTimeoutSeconds: healthCheck.timeoutSeconds,
		HealthyThresholdCount: healthCheck.healthyThresholdCount,
		UnhealthyThresholdCount: healthCheck.unhealthyThresholdCount,
		LoadBalancerArns: targetGroup.loadBalancerArns,
		TargetType: targetGroup.targetType,
		IpAddressType: 'ipv4',
	};
}

export function targetHealthShape(targetGroup: TargetGroup, target: Target): WireStruct {
	const port = targetGroup.healthCheck.port;
	return {
		Target: {Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone},
		HealthCheckPort: port === 'traffic-port' ? String(target.port) : port,
		TargetHealth: {
			State: target.health.state,
			Reason: target.health.reason,
			Description: target.health.description,
		},
	};
}

export function attributesShape(attributes: Readonly<Record<string, string>>): WireStruct[] {
	return Object.entries(attributes).map(([Key, Value]) => ({Key, Value}));
}

export function tagsShape(tags: readonly Tag[]): WireStruct[] {
	return tags.map((tag) => ({Key: tag.key, Value: tag.value}));
}
