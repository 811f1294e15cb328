// The client class alone, loaded lazily by clients.ts (why: see ec2-client.ts).
export {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
