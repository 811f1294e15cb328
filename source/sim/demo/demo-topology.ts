// The demo's static resources: a VPC with an internet-facing NLB in two AZs, an instance target
// group behind TCP:80 (client IP preservation on) and an IP target group behind TLS:443
// (preservation off), with security groups, NACLs and flow logs on every interface involved.
import type {FlowLog, NetworkInterface, SecurityGroupRule, Subnet, World} from '../world/types.js';
import {
	defaultAccountId,
	defaultIdentityArn,
	defaultLoadBalancerInterfaceType,
	defaultRegion,
	defaultUserId,
	loadBalancerArn,
	loadBalancerInterfaceDescription,
	loadBalancerResourcePath,
	targetGroupArn,
	targetGroupResourcePath,
} from './aws-names.js';
import {demoAlarms} from './demo-alarms.js';
import {demoElbResources} from './demo-elb.js';
import {demoNetworkAcls, demoSecurityGroups, webClientRule} from './demo-network.js';
import {awsId, subnetAt, targetFactory} from './demo-targets.js';
import {defaultFlowLogFormat} from './flow-log-format.js';
import {createRandom, hashSeed} from './prng.js';

export const demoLoadBalancerName = 'demo-nlb';
export const demoLogGroupName = '/vpc/flow-logs/demo';
const day = 86_400_000;
const zones = ['us-east-1a', 'us-east-1b'] as const;

export type DemoNode = {
	readonly availabilityZone: string;
	readonly subnetId: string;
	readonly networkInterfaceId: string;
	readonly privateIp: string;
	readonly publicIp: string;
};

export type DemoTarget = {
	readonly name: string;
	readonly instanceId: string;
	readonly networkInterfaceId: string;
	readonly privateIp: string;
	readonly availabilityZone: string;
	/** What the target group registers: the instance id, or the IP for an IP target group. */
	readonly targetId: string;
	readonly port: number;
};

export type DemoTargetGroupKey = 'web' | 'api';

export type DemoTargetGroup = {
	readonly key: DemoTargetGroupKey;
	readonly name: string;
	readonly arn: string;
	/** `targetgroup/<name>/<id>`. */
	readonly dimension: string;
	readonly listenerPort: number;
	readonly port: number;
	readonly preserveClientIp: boolean;
	readonly targets: readonly DemoTarget[];
};

export type DemoTopology = {
	readonly world: World;
	readonly loadBalancerArn: string;
	/** `net/demo-nlb/<id>`: the CloudWatch `LoadBalancer` dimension. */
	readonly loadBalancerDimension: string;
	readonly nodes: readonly DemoNode[];
	readonly web: DemoTargetGroup;
	readonly api: DemoTargetGroup;
	readonly webSecurityGroupId: string;
	readonly webClientRule: SecurityGroupRule;
	readonly webClientRuleId: string;
};

export type DemoTopologyOptions = {
	readonly seed: number;
	readonly now: number;
	readonly targetResetThreshold: number;
};

export function buildDemoTopology(options: DemoTopologyOptions): DemoTopology {
	const {now} = options;
	const random = createRandom(hashSeed(options.seed, 'topology'));
	const accountId = defaultAccountId;
	const region = defaultRegion;
	const vpcId = awsId(random, 'vpc');
	const subnet = (zone: string, index: number, cidrBlock: string): Subnet => ({
		subnetId: awsId(random, 'subnet'),
		vpcId,
		availabilityZone: zone,
		availabilityZoneId: `use1-az${index + 1}`,
		cidrBlock,
	});
	const publicSubnets = zones.map((zone, index) => subnet(zone, index, `10.0.${index}.0/24`));
	const privateSubnets = zones.map((zone, index) => subnet(zone, index, `10.0.${10 + index}.0/24`));
	const loadBalancerId = random.hex(16);
	const lbArn = loadBalancerArn(region, accountId, 'network', demoLoadBalancerName, loadBalancerId);
	const groupIds = {
		vpcId,
		loadBalancer: awsId(random, 'sg'),
		web: awsId(random, 'sg'),
		api: awsId(random, 'sg'),
	};

	const nodes: DemoNode[] = zones.map((zone, index) => ({
		availabilityZone: zone,
		subnetId: subnetAt(publicSubnets, index).subnetId,
		networkInterfaceId: awsId(random, 'eni'),
		privateIp: `10.0.${index}.${random.int(20, 250)}`,
		publicIp: `192.0.2.${10 * (index + 1)}`,
	}));
	const nodeInterfaces: NetworkInterface[] = nodes.map((node) => ({
		networkInterfaceId: node.networkInterfaceId,
		subnetId: node.subnetId,
		vpcId,
		availabilityZone: node.availabilityZone,
		description: loadBalancerInterfaceDescription('network', demoLoadBalancerName, loadBalancerId),
		interfaceType: defaultLoadBalancerInterfaceType('network'),
		privateIpAddress: node.privateIp,
		publicIp: node.publicIp,
		securityGroupIds: [groupIds.loadBalancer],
		requesterManaged: true,
		requesterId: 'amazon-elb',
		ownerId: accountId,
		status: 'in-use',
	}));

	const factory = targetFactory(random, vpcId, privateSubnets);
	const webTargets = [
		factory.make('web-1a-1', 0, 21, groupIds.web, 80, false),
		factory.make('web-1a-2', 0, 22, groupIds.web, 80, false),
		factory.make('web-1b-1', 1, 21, groupIds.web, 80, false),
		factory.make('web-1b-2', 1, 22, groupIds.web, 80, false),
	];
	const apiTargets = [
		factory.make('api-1a', 0, 41, groupIds.api, 8443, true),
		factory.make('api-1b', 1, 41, groupIds.api, 8443, true),
	];
	const group = (
		key: DemoTargetGroupKey,
		listenerPort: number,
		port: number,
		targets: readonly DemoTarget[],
	): DemoTargetGroup => {
		const id = random.hex(16);
		const name = `demo-${key}`;
		return {
			key,
			name,
			arn: targetGroupArn(region, accountId, name, id),
			dimension: targetGroupResourcePath(name, id),
			listenerPort,
			port,
			// Defaults for NLB: on for instance targets, off for IP targets over TCP/TLS.
			preserveClientIp: key === 'web',
			targets,
		};
	};
	const web = group('web', 80, 80, webTargets);
	const api = group('api', 443, 8443, apiTargets);
	const interfaces = [...nodeInterfaces, ...factory.interfaces];

	const flowLogCreation = Math.floor((now - 30 * day) / 1000) * 1000;
	const flowLogs = interfaces.map(
		(networkInterface): FlowLog => ({
			flowLogId: awsId(random, 'fl'),
			resourceId: networkInterface.networkInterfaceId,
			trafficType: 'ALL',
			logDestinationType: 'cloud-watch-logs',
			logGroupName: demoLogGroupName,
			logDestination: `arn:aws:logs:${region}:${accountId}:log-group:${demoLogGroupName}`,
			logFormat: defaultFlowLogFormat,
			maxAggregationInterval: 60,
			deliverLogsStatus: 'SUCCESS',
			creationTime: flowLogCreation,
		}),
	);
	const elb = demoElbResources({
		random,
		region,
		accountId,
		vpcId,
		name: demoLoadBalancerName,
		id: loadBalancerId,
		arn: lbArn,
		createdTime: Math.floor((now - 42 * day) / 1000) * 1000,
		securityGroupId: groupIds.loadBalancer,
		nodes,
		allocationIds: nodes.map(() => awsId(random, 'eipalloc')),
		groups: [web, api],
	});
	const loadBalancerDimension = loadBalancerResourcePath(
		'network',
		demoLoadBalancerName,
		loadBalancerId,
	);
	const world: World = {
		region,
		accountId,
		identity: {account: accountId, arn: defaultIdentityArn(accountId), userId: defaultUserId},
		vpcs: [{vpcId, cidrBlock: '10.0.0.0/16'}],
		subnets: [...publicSubnets, ...privateSubnets],
		securityGroups: demoSecurityGroups(groupIds),
		networkAcls: demoNetworkAcls({
			vpcId,
			defaultAclId: awsId(random, 'acl'),
			privateAclId: awsId(random, 'acl'),
			publicSubnetIds: publicSubnets.map((item) => item.subnetId),
			privateSubnetIds: privateSubnets.map((item) => item.subnetId),
		}),
		instances: factory.instances,
		networkInterfaces: interfaces,
		...elb,
		flowLogs,
		logGroups: [
			{
				logGroupName: demoLogGroupName,
				creationTime: flowLogCreation,
				retentionInDays: 14,
				// One per interface, generated on read (source/sim/model): added by the traffic model.
				streams: [],
			},
		],
		metrics: [],
		alarms: demoAlarms({
			region,
			accountId,
			loadBalancerDimension,
			webDimension: web.dimension,
			now,
			targetResetThreshold: options.targetResetThreshold,
		}),
		cloudTrailEvents: [],
	};
	return {
		world,
		loadBalancerArn: lbArn,
		loadBalancerDimension,
		nodes,
		web,
		api,
		webSecurityGroupId: groupIds.web,
		webClientRule,
		webClientRuleId: `sgr-0${random.hex(16)}`,
	};
}
