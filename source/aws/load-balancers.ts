// Finding the load balancer the user named, and listing the region's for the picker and for
// "did you mean" when the name is wrong.
import {
	DescribeLoadBalancersCommand,
	type LoadBalancer,
	LoadBalancerNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {closestNames} from '../domain/closest-names.js';
import {looksLikeArn} from '../domain/load-balancer-arn.js';
import type {AwsClients} from './clients.js';
import {AwsCallError, awsCall} from './errors.js';

export class LoadBalancerNotFound extends Error {
	constructor(
		readonly wanted: string,
		readonly region: string,
		readonly suggestions: readonly string[],
	) {
		const hint =
			suggestions.length > 0
				? `closest names in ${region}: ${suggestions.join(', ')}`
				: `no load balancer with a similar name in ${region}; is the region right (--region)?`;
		super(`load balancer "${wanted}" not found in ${region}; ${hint}`);
		this.name = 'LoadBalancerNotFound';
	}
}

export async function listLoadBalancers(
	clients: AwsClients,
	signal?: AbortSignal,
): Promise<LoadBalancer[]> {
	const elbv2 = await clients.elbv2();
	const all: LoadBalancer[] = [];
	let marker: string | undefined;
	do {
		const page = await awsCall('elasticloadbalancing:DescribeLoadBalancers', () =>
			elbv2.send(
				new DescribeLoadBalancersCommand({PageSize: 400, ...(marker ? {Marker: marker} : {})}),
				signal ? {abortSignal: signal} : {},
			),
		);
		all.push(...(page.LoadBalancers ?? []));
		marker = page.NextMarker;
	} while (marker);
	return all;
}

export async function findLoadBalancer(
	clients: AwsClients,
	target: string,
	signal?: AbortSignal,
): Promise<LoadBalancer> {
	const elbv2 = await clients.elbv2();
	const input = looksLikeArn(target) ? {LoadBalancerArns: [target]} : {Names: [target]};
	try {
		const response = await elbv2.send(
			new DescribeLoadBalancersCommand(input),
			signal ? {abortSignal: signal} : {},
		);
		const found = response.LoadBalancers?.[0];
		if (found) {
			return found;
		}
	} catch (error) {
		if (!(error instanceof LoadBalancerNotFoundException)) {
			throw new AwsCallError('elasticloadbalancing:DescribeLoadBalancers', error);
		}
	}
	const region = await clients.region();
	const names = (await listLoadBalancers(clients, signal)).flatMap((lb) =>
		lb.LoadBalancerName ? [lb.LoadBalancerName] : [],
	);
	throw new LoadBalancerNotFound(target, region, closestNames(target, names));
}
