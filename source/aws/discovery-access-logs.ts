// Where the load balancer's access logs go: DescribeLoadBalancerAttributes
// (`access_logs.s3.enabled|bucket|prefix`, ALB `connection_logs.s3.*`). A policy written before
// lbtop read access logs may lack the action: that is a gap on the access logs, never a failed
// discovery, since everything else still works without them.
import {DescribeLoadBalancerAttributesCommand} from '@aws-sdk/client-elastic-load-balancing-v2';
import {accessLogsSetup} from '../domain/access-logs/index.js';
import {parseLoadBalancerArn} from '../domain/load-balancer-arn.js';
import type {AccessLogsSetup} from '../domain/types/access-logs.js';
import type {ListenerInfo, LoadBalancerType} from '../domain/types/topology.js';
import type {AwsClients} from './clients.js';
import {AwsCallError, awsCall, describeAwsError} from './errors.js';

const action = 'elasticloadbalancing:DescribeLoadBalancerAttributes';

export async function loadBalancerAttributes(
	clients: AwsClients,
	arn: string,
	signal?: AbortSignal,
): Promise<Record<string, string>> {
	const elbv2 = await clients.elbv2();
	const response = await awsCall(action, () =>
		elbv2.send(
			new DescribeLoadBalancerAttributesCommand({LoadBalancerArn: arn}),
			signal ? {abortSignal: signal} : {},
		),
	);
	return Object.fromEntries(
		(response.Attributes ?? []).flatMap((entry) =>
			entry.Key !== undefined && entry.Value !== undefined ? [[entry.Key, entry.Value]] : [],
		),
	);
}

export type AccessLogsInput = {
	readonly arn: string;
	readonly type: LoadBalancerType;
	readonly listeners: readonly ListenerInfo[];
	/** Used when the ARN does not parse (it always does from AWS). */
	readonly region: string;
};

export async function discoverAccessLogs(
	clients: AwsClients,
	input: AccessLogsInput,
	now: number,
	signal?: AbortSignal,
): Promise<AccessLogsSetup> {
	const parsed = parseLoadBalancerArn(input.arn);
	const account = parsed?.account ?? '';
	const region = parsed?.region ?? input.region;
	const listenerProtocols = input.listeners.map((listener) => listener.protocol);
	if (input.type === 'gateway') {
		return accessLogsSetup({attributes: {}, type: input.type, account, region, listenerProtocols});
	}

	try {
		const attributes = await loadBalancerAttributes(clients, input.arn, signal);
		return accessLogsSetup({
			attributes,
			type: input.type,
			arn: input.arn,
			account,
			region,
			listenerProtocols,
		});
	} catch (error) {
		if (!(error instanceof AwsCallError)) {
			throw error;
		}

		const described = describeAwsError(error.cause, {iamAction: action, now});
		if (described.kind !== 'access-denied') {
			throw error;
		}

		return {
			gaps: [
				{
					kind: 'attributes-unreadable',
					message: `lbtop cannot tell where the access logs go: ${action} was denied. Grant it (see \`lbtop --print-iam-policy\`) to read which target fails or is slow`,
				},
			],
		};
	}
}
