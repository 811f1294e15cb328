// The client class and the commands lbtop sends, loaded only when the client is first needed
// (why through a static re-export: see ec2-client.ts). The modules that send these commands are
// loaded whenever lbtop watches a load balancer; most watches never reach Athena.
export {
	AthenaClient,
	GetQueryExecutionCommand,
	GetQueryResultsCommand,
	GetWorkGroupCommand,
	StartQueryExecutionCommand,
	StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
