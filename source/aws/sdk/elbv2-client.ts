// The client class alone, loaded lazily by clients.ts (why: see ec2-client.ts).
export {ElasticLoadBalancingV2Client} from '@aws-sdk/client-elastic-load-balancing-v2';
