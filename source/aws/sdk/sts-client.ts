// The client class alone, loaded lazily by clients.ts (why: see ec2-client.ts).
export {STSClient} from '@aws-sdk/client-sts';
