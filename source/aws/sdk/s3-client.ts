// The client class alone, loaded lazily by clients.ts (why: see ec2-client.ts).
export {S3Client} from '@aws-sdk/client-s3';
