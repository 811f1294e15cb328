// ELB resources are named by ARNs too long for a one-line summary; the resource part
// (`targetgroup/web/73e2d6bc24d8a067`) is what a reader recognises.

/** `arn:aws:elasticloadbalancing:us-east-1:123:targetgroup/web/73e2` -> `targetgroup/web/73e2`. */
export function shortArn(value: string): string {
	if (!value.startsWith('arn:')) {
		return value;
	}

	const parts = value.split(':');
	return parts.length >= 6 ? parts.slice(5).join(':') : value;
}

/** The `app|net|gwy/<name>/<id>` tail of a load balancer ARN, or undefined for other ARNs. */
export function loadBalancerTail(value: string): string | undefined {
	const match = /:loadbalancer\/((?:app|net|gwy)\/[^/]+\/[^/]+)$/.exec(value);
	return match?.[1];
}
