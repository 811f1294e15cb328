// The client class alone, loaded lazily by clients.ts (why: see ec2-client.ts).
export {GlueClient} from '@aws-sdk/client-glue';
