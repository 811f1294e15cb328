// The client class and the commands lbtop sends, loaded only when the client is first needed
// (why through a static re-export: see ec2-client.ts). The modules that send these commands are
// loaded whenever lbtop watches a load balancer; most watches never reach Glue.
export {
	GetDatabasesCommand,
	GetTableCommand,
	GetTablesCommand,
	GlueClient,
} from '@aws-sdk/client-glue';
