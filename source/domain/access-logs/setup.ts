// Where a load balancer's access logs are, from DescribeLoadBalancerAttributes
// (`access_logs.s3.enabled|bucket|prefix`; ALB `connection_logs.s3.*`), and what is missing said
// plainly. lbtop never writes: a gap names the attributes and the AWS CLI command the user runs.
import type {AccessLogGap, AccessLogsSetup, LogDestination} from '../types/access-logs.js';
import type {LoadBalancerType} from '../types/topology.js';
import {logFolder} from './object-key.js';

export type SetupInput = {
	/** Key to value, as DescribeLoadBalancerAttributes returns them. */
	readonly attributes: Readonly<Record<string, string>>;
	readonly type: LoadBalancerType;
	readonly arn?: string;
	readonly account: string;
	readonly region: string;
	/** Listener protocols (TLS, HTTPS, TCP, …). */
	readonly listenerProtocols: readonly string[];
};

export function accessLogsSetup(input: SetupInput): AccessLogsSetup {
	if (input.type === 'gateway') {
		return {
			gaps: [
				{
					kind: 'no-access-logs-for-type',
					message:
						'Gateway Load Balancers write no access logs: the flow logs are the only per-connection record',
				},
			],
		};
	}

	const access = destination(input, 'access_logs.s3');
	const connection =
		input.type === 'application' ? destination(input, 'connection_logs.s3') : undefined;
	const gaps: AccessLogGap[] = [];
	const protocols = new Set(input.listenerProtocols.map((protocol) => protocol.toUpperCase()));
	if (input.type === 'network' && !protocols.has('TLS')) {
		gaps.push({
			kind: 'nlb-without-tls-listener',
			message:
				'NLB access logs exist only for TLS listeners: this NLB has none, so there is no access log to read',
		});
	} else if (access === undefined) {
		gaps.push(offGap(input, 'access_logs.s3', 'access-logs-off'));
	}

	if (input.type === 'application' && connection === undefined && protocols.has('HTTPS')) {
		gaps.push(offGap(input, 'connection_logs.s3', 'connection-logs-off'));
	}

	return {
		...(access === undefined ? {} : {access}),
		...(connection === undefined ? {} : {connection}),
		gaps,
	};
}

function destination(input: SetupInput, stem: string): LogDestination | undefined {
	const bucket = input.attributes[`${stem}.bucket`]?.trim() ?? '';
	if (input.attributes[`${stem}.enabled`] !== 'true' || bucket === '') {
		return undefined;
	}

	const prefix = (input.attributes[`${stem}.prefix`] ?? '').replace(/^\/+|\/+$/g, '');
	const folder = logFolder({bucket, prefix, account: input.account, region: input.region});
	return {bucket, prefix, location: `s3://${bucket}/${folder}`};
}

const what: Readonly<Record<string, string>> = {
	access_logs: 'Access logs are off',
	connection_logs: 'Connection logs are off',
};

const consequence: Readonly<Record<LoadBalancerType, string>> = {
	application:
		'lbtop cannot tell which target answers 5XX or is slow, nor which requests were never dispatched',
	network: 'lbtop cannot show TLS handshake times or the alerts clients send',
	gateway: '',
};

function offGap(
	input: SetupInput,
	stem: 'access_logs.s3' | 'connection_logs.s3',
	kind: 'access-logs-off' | 'connection-logs-off',
): AccessLogGap {
	const attributes = [`${stem}.enabled=true`, `${stem}.bucket=<bucket>`, `${stem}.prefix=<prefix>`];
	const arn = input.arn ?? '<load-balancer-arn>';
	const keys = attributes
		.map((attribute) => {
			const [key, value] = attribute.split('=');
			return `Key=${key},Value=${value}`;
		})
		.join(' ');
	const head = what[stem.split('.')[0] ?? ''] ?? 'Logs are off';
	const tail =
		kind === 'connection-logs-off'
			? "TLS handshakes of the HTTPS listeners (and their failures) are only in the ALB's connection logs"
			: consequence[input.type];
	return {
		kind,
		message: `${head}: ${tail}. Enable them to an S3 bucket in ${input.region} whose bucket policy lets Elastic Load Balancing write`,
		attributes,
		command: `aws elbv2 modify-load-balancer-attributes --region ${input.region} --load-balancer-arn ${arn} --attributes ${keys}`,
	};
}

/** A bucket the logs go to that lbtop's credentials cannot read (found when the reader tries). */
export function bucketUnreadableGap(
	destination: LogDestination,
	iamAction: 's3:ListBucket' | 's3:GetObject',
): AccessLogGap {
	return {
		kind: 'bucket-unreadable',
		message: `lbtop cannot read the access logs in ${destination.location}: ${iamAction} was denied. Grant s3:ListBucket and s3:GetObject on it, or read the logs as an identity that may: --logs-profile NAME`,
	};
}
