// Load balancer ARNs: arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/<net|app|gwy>/<name>/<id>

import type {LoadBalancerType} from './types/topology.js';

export type LoadBalancerArn = {
	readonly arn: string;
	readonly partition: string;
	readonly region: string;
	readonly account: string;
	readonly type: LoadBalancerType;
	readonly name: string;
	readonly id: string;
	/** `net/<name>/<id>`: the CloudWatch `LoadBalancer` dimension and the ENI description tail. */
	readonly resourceTail: string;
};

const typeByPrefix: Readonly<Record<string, LoadBalancerType>> = {
	net: 'network',
	app: 'application',
	gwy: 'gateway',
};

const arnPattern =
	/^arn:(aws[a-z-]*):elasticloadbalancing:([a-z0-9-]+):(\d{12}):loadbalancer\/(net|app|gwy)\/([A-Za-z0-9-]{1,32})\/([0-9a-f]{1,32})$/;

export function looksLikeArn(text: string): boolean {
	return text.startsWith('arn:');
}

export function parseLoadBalancerArn(text: string): LoadBalancerArn | undefined {
	const match = arnPattern.exec(text.trim());
	if (!match) {
		return undefined;
	}
	const [, partition, region, account, prefix, name, id] = match;
	const type = prefix === undefined ? undefined : typeByPrefix[prefix];
	if (!partition || !region || !account || !type || !name || !id || !prefix) {
		return undefined;
	}
	return {
		arn: text.trim(),
		partition,
		region,
		account,
		type,
		name,
		id,
		resourceTail: `${prefix}/${name}/${id}`,
	};
}

/** Load balancer names: 1-32 alphanumerics or hyphens, not starting or ending with a hyphen. */
export function isLoadBalancerName(text: string): boolean {
	return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(text);
}
