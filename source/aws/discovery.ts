// Discovery: from a load balancer's name to everything that carries or records its traffic.
// Reads only (Describe*); each call is named so a denied one says which IAM action is missing.
import type {DiscoveryFacts} from '../domain/topology/facts.js';
import type {AwsClients} from './clients.js';
import {flowLogs, loadBalancerInterfaces, targetInterfaces} from './discovery-ec2.js';
import {listeners, loadBalancerFacts, targetGroups} from './discovery-elb.js';
import {networkAcls, securityGroups} from './discovery-rules.js';
import {findLoadBalancer} from './load-balancers.js';

type Options = {readonly signal?: AbortSignal; readonly logGroupOverride: readonly string[]};

export async function discover(
	clients: AwsClients,
	target: string,
	options: Options,
): Promise<DiscoveryFacts> {
	const {signal} = options;
	const loadBalancer = loadBalancerFacts(await findLoadBalancer(clients, target, signal));
	const [listenerList, groups, lbInterfaces] = await Promise.all([
		listeners(clients, loadBalancer.arn, signal),
		targetGroups(clients, loadBalancer.arn, signal),
		loadBalancerInterfaces(clients, loadBalancer, signal),
	]);
	const targets = await targetInterfaces(clients, groups, signal);
	const pathInterfaces = [...lbInterfaces, ...targets];
	const subnetIds = [...new Set(pathInterfaces.map((found) => found.subnetId))].filter(
		(id) => id !== '',
	);
	const groupIds = [
		...new Set([
			...loadBalancer.securityGroups,
			...pathInterfaces.flatMap((found) => found.securityGroups),
		]),
	];
	const resourceIds = [
		loadBalancer.vpcId,
		...subnetIds,
		...pathInterfaces.map((found) => found.interfaceId),
	].filter((id) => id !== '');
	const [flowLogList, groupDetails, acls] = await Promise.all([
		flowLogs(clients, resourceIds, signal),
		securityGroups(clients, groupIds, signal),
		networkAcls(clients, subnetIds, signal),
	]);
	return {
		loadBalancer,
		listeners: listenerList,
		targetGroups: groups,
		lbInterfaces,
		targetInterfaces: targets,
		flowLogs: flowLogList,
		securityGroups: groupDetails,
		networkAcls: acls,
		logGroupOverride: options.logGroupOverride,
	};
}
