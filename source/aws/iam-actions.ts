// Every AWS API action lbtop calls, in one list: `lbtop --print-iam-policy` prints it as a
// least-privilege policy, the readme shows that policy, and a test checks this list against the
// calls source/aws actually makes, so a new call cannot ship without its permission.

export const iamActions = [
	// GetCallerIdentity needs no permission (it works even under an explicit deny); it is listed so
	// the policy names every call lbtop makes and nobody wonders where the account id comes from.
	'sts:GetCallerIdentity',
	'elasticloadbalancing:DescribeLoadBalancers',
	'elasticloadbalancing:DescribeListeners',
	'elasticloadbalancing:DescribeTargetGroups',
	'elasticloadbalancing:DescribeTargetGroupAttributes',
	'elasticloadbalancing:DescribeTargetHealth',
	'ec2:DescribeNetworkInterfaces',
	'ec2:DescribeInstances',
	'ec2:DescribeFlowLogs',
	'ec2:DescribeSecurityGroups',
	'ec2:DescribeNetworkAcls',
	'logs:DescribeLogStreams',
	'logs:FilterLogEvents',
	// StartQuery and StopQuery change nothing in the account: they start and end a read-only Logs
	// Insights query over existing log events (StopQuery ends one early so it stops scanning).
	'logs:StartQuery',
	'logs:GetQueryResults',
	'logs:StopQuery',
	'cloudwatch:GetMetricData',
	'cloudwatch:DescribeAlarms',
	'cloudtrail:LookupEvents',
] as const;

export type IamAction = (typeof iamActions)[number];

/** The identity-based policy that allows exactly lbtop's calls, as `--print-iam-policy` prints it. */
export function iamPolicyJson(): string {
	const policy = {
		Version: '2012-10-17',
		Statement: [
			{
				Sid: 'LbtopReadOnly',
				Effect: 'Allow',
				Action: [...iamActions],
				// These Describe/List/Get actions do not support resource-level permissions (or, for
				// the Logs calls, would need every flow-log group named up front), so "*" it is.
				Resource: '*',
			},
		],
	};
	return `${JSON.stringify(policy, null, 2)}\n`;
}
