// The demo world with its flow logs in S3 (`lbtop --demo --flow-logs s3`), as a large account keeps
// them: one flow log for the whole VPC delivering to a central bucket (files as
// source/sim/delivery/model-s3.ts delivers them), the Glue table AWS's Athena documentation makes
// over them, and a workgroup whose results go to a bucket of their own.
import {defaultFormatFields} from '../../domain/flows/flow-fields.js';
import {flowLogTable} from '../delivery/flow-log-table.js';
import type {FlowLog, FlowLogDestinationOptions, S3Bucket, World} from '../world/types.js';
import {defaultFlowLogFormat} from './flow-log-format.js';
import {hashSeed} from './prng.js';

export const demoFlowLogBucket = 'lbtop-demo-flow-logs';
const resultsBucket = 'lbtop-demo-athena-results';
const folder = 'vpc-flow-logs/';
const options: FlowLogDestinationOptions = {
	fileFormat: 'plain-text',
	hiveCompatiblePartitions: false,
	perHourPartition: false,
};

/**
 * Points the demo's flow logs at S3: one flow log for the whole VPC, its bucket, the Glue table
 * over it and a workgroup. Done before the traffic model is attached, which then writes the flow
 * log's records and `deliverModelToS3` files them.
 */
export function pointDemoFlowLogsAtS3(world: World, seed: number): void {
	const vpcId = world.vpcs[0]?.vpcId ?? '';
	const created = world.flowLogs[0]?.creationTime ?? 0;
	const flowLog: FlowLog = {
		flowLogId: `fl-${(hashSeed(seed, 's3-flow-log') >>> 0).toString(16).padStart(8, '0')}0demo`,
		resourceId: vpcId,
		trafficType: 'ALL',
		logDestinationType: 's3',
		logDestination: `arn:aws:s3:::${demoFlowLogBucket}/${folder}`,
		destinationOptions: options,
		logFormat: defaultFlowLogFormat,
		maxAggregationInterval: 60,
		deliverLogsStatus: 'SUCCESS',
		creationTime: created,
	};
	world.flowLogs = [flowLog];
	const bucket: S3Bucket = {name: demoFlowLogBucket, creationDate: created, objects: []};
	world.dataLake = {
		buckets: [bucket, {name: resultsBucket, creationDate: created, objects: []}],
		glueDatabases: [{name: 'vpc_flows', createTime: created, description: 'VPC Flow Logs in S3'}],
		glueTables: [
			flowLogTable({
				databaseName: 'vpc_flows',
				name: 'demo_vpc_flow_logs',
				bucket: demoFlowLogBucket,
				prefix: folder,
				accountId: world.accountId,
				region: world.region,
				fields: defaultFormatFields,
				options,
				createTime: created,
			}),
		],
		athenaWorkGroups: [{name: 'primary', outputLocation: `s3://${resultsBucket}/`}],
	};
}
