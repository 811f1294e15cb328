// The client class alone, loaded lazily by clients.ts (why: see ec2-client.ts).
export {AthenaClient} from '@aws-sdk/client-athena';
