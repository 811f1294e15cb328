// Every AWS API action lbtop calls, in one list: `lbtop --print-iam-policy` prints it as a
// least-privilege policy, the readme shows that policy, and a test checks this list against the
// calls source/aws actually makes, so a new call cannot ship without its permission.

export const iamActions = [
	// GetCallerIdentity needs no permission (it works even under an explicit deny); it is listed so
	// the policy names every call lbtop makes and nobody wonders where the account id comes from.
	'sts:GetCallerIdentity',
	'elasticloadbalancing:DescribeLoadBalancers',
	// Where the access logs go (access_logs.s3.*, connection_logs.s3.*).
	'elasticloadbalancing:DescribeLoadBalancerAttributes',
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
	// Finds a query a retried StartQuery started on an attempt whose answer was lost, to stop it.
	'logs:DescribeQueries',
	'cloudwatch:GetMetricData',
	'cloudwatch:DescribeAlarms',
	'cloudtrail:LookupEvents',
	// Flow logs and access logs delivered to S3: their objects (ListObjectsV2 is s3:ListBucket).
	's3:ListBucket',
	's3:GetObject',
	// Athena over them: StartQueryExecution and StopQueryExecution start and end a read-only query.
	'athena:StartQueryExecution',
	'athena:GetQueryExecution',
	'athena:GetQueryResults',
	'athena:StopQueryExecution',
	'athena:GetWorkGroup',
	// Finding the table over them in the Glue Data Catalog.
	'glue:GetDatabases',
	'glue:GetTables',
	'glue:GetTable',
] as const;

export type IamAction = (typeof iamActions)[number];

const dataLakeService = /^(s3|athena|glue):/;

/**
 * The identity-based policy that allows exactly lbtop's calls, as `--print-iam-policy` prints it.
 * The Describe/List/Get calls about the load balancer do not support resource-level permissions
 * (or, for the Logs calls, would need every flow-log group named up front), so their resource is
 * "*"; the flow log objects, Athena workgroups and Glue tables are scoped as far as they can be
 * without knowing the account's bucket and table names.
 */
export function iamPolicyJson(): string {
	const actions = (prefix: string) => iamActions.filter((action) => action.startsWith(prefix));
	const policy = {
		Version: '2012-10-17',
		Statement: [
			{
				Sid: 'LbtopReadOnly',
				Effect: 'Allow',
				Action: iamActions.filter((action) => !dataLakeService.test(action)),
				Resource: '*',
			},
			{
				Sid: 'LbtopFlowLogObjects',
				Effect: 'Allow',
				Action: ['s3:GetObject'],
				Resource: [
					'arn:aws:s3:::*/AWSLogs/*/vpcflowlogs/*',
					'arn:aws:s3:::*/AWSLogs/aws-account-id=*/aws-service=vpcflowlogs/*',
					'arn:aws:s3:::*/AWSLogs/*/elasticloadbalancing/*',
				],
			},
			{
				Sid: 'LbtopFlowLogListing',
				Effect: 'Allow',
				Action: ['s3:ListBucket'],
				Resource: 'arn:aws:s3:::*',
				Condition: {StringLike: {'s3:prefix': ['AWSLogs/*', '*/AWSLogs/*']}},
			},
			{
				Sid: 'LbtopAthenaQueries',
				Effect: 'Allow',
				Action: actions('athena:'),
				Resource: 'arn:aws:athena:*:*:workgroup/*',
			},
			{
				Sid: 'LbtopGlueTables',
				Effect: 'Allow',
				Action: actions('glue:'),
				Resource: [
					'arn:aws:glue:*:*:catalog',
					'arn:aws:glue:*:*:database/*',
					'arn:aws:glue:*:*:table/*/*',
				],
			},
		],
	};
	return `${JSON.stringify(policy, null, 2)}\n`;
}

/** What the policy cannot say, printed beside it: Athena writes results and reads for the caller. */
export const iamPolicyNotes = [
	"Athena writes each query's results to the workgroup's result location: grant s3:PutObject (and s3:GetBucketLocation) there, unless the workgroup uses managed query results.",
	'Athena reads the table for the caller: glue:GetPartitions too for a table without partition projection.',
];
