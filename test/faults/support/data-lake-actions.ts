// The calls of the S3 path (flow logs in S3, Athena, Glue) and what a denial of each does: the
// object reads and the queries fail the flows source, naming the action; the table look-up falls
// back to counting the files lbtop reads, and says so. Faults are keyed by the operation the sim
// sees, which for S3's listing is not the IAM action's name.
export type DataLakeCall = {
	readonly action: string;
	readonly fault: string;
	readonly denied: 'fails' | 'falls back';
	/** The configuration that makes lbtop make the call. */
	readonly athenaTable?: boolean;
};

export const dataLakeCalls: readonly DataLakeCall[] = [
	{action: 's3:ListBucket', fault: 's3:ListObjectsV2', denied: 'fails'},
	{action: 's3:GetObject', fault: 's3:GetObject', denied: 'fails'},
	{action: 'athena:StartQueryExecution', fault: 'athena:StartQueryExecution', denied: 'fails'},
	{action: 'athena:GetQueryExecution', fault: 'athena:GetQueryExecution', denied: 'fails'},
	{action: 'athena:GetQueryResults', fault: 'athena:GetQueryResults', denied: 'fails'},
	{action: 'athena:GetWorkGroup', fault: 'athena:GetWorkGroup', denied: 'falls back'},
	{action: 'glue:GetDatabases', fault: 'glue:GetDatabases', denied: 'falls back'},
	{action: 'glue:GetTables', fault: 'glue:GetTables', denied: 'falls back'},
	{action: 'glue:GetTable', fault: 'glue:GetTable', denied: 'falls back', athenaTable: true},
];

/** Covered by the Athena runner's tests: a query its caller gave up on is stopped. */
export const stopCoveredElsewhere = 'athena:StopQueryExecution';
