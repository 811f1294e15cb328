// The demo world with its flow logs in S3 (`lbtop --demo --flow-logs s3`), as a large account keeps
// them: one flow log for the whole VPC delivering to a central bucket, its 5-minute files reaching
// the bucket one to four minutes after their window closes (so a record is 1-9 minutes late, about
// twice as late as in CloudWatch Logs), the Glue table AWS's Athena documentation makes over them,
// and a workgroup whose results go to a bucket of their own.
import {defaultFormatFields} from '../../domain/flows/flow-fields.js';
import {fileWindowMs, flowLogObjects, type RecordToDeliver} from '../delivery/flow-log-objects.js';
import {flowLogTable} from '../delivery/flow-log-table.js';
import {putObjects} from '../services/s3/buckets.js';
import type {FlowLog, FlowLogDestinationOptions, S3Bucket, World} from '../world/types.js';
import type {DeliveredRecord} from './demo-records.js';
import {defaultFlowLogFormat} from './flow-log-format.js';
import {hashSeed} from './prng.js';
import {PendingQueue} from './time-ordered.js';

export const demoFlowLogBucket = 'lbtop-demo-flow-logs';
const resultsBucket = 'lbtop-demo-athena-results';
const folder = 'vpc-flow-logs/';
const options: FlowLogDestinationOptions = {
	fileFormat: 'plain-text',
	hiveCompatiblePartitions: false,
	perHourPartition: false,
};

export type DemoS3 = {
	/** A record as the demo world makes it; it reaches the bucket with its file. */
	readonly add: (record: DeliveredRecord) => void;
	readonly flush: (time: number) => void;
	readonly trim: (cutoff: number) => void;
};

export function deliverDemoToS3(world: World, seed: number): DemoS3 {
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
	const target = {
		accountId: world.accountId,
		region: world.region,
		flowLogId: flowLog.flowLogId,
		options,
		prefix: folder,
		fields: defaultFormatFields,
	};
	const pending = new PendingQueue<RecordToDeliver>();
	return {
		add(record) {
			const end = Number(record.event.message.split(' ')[11]);
			const window = Math.floor((end * 1000) / fileWindowMs) * fileWindowMs;
			const delay = 60_000 + (hashSeed(seed, 's3-delivery', window) % 180_001);
			const deliveredAt = window + fileWindowMs + delay;
			pending.add(deliveredAt, {message: record.event.message, end, deliveredAt});
		},
		flush(time) {
			const due = pending.takeUntil(time);
			if (due.length > 0) {
				putObjects(bucket, flowLogObjects(target, due));
			}
		},
		trim(cutoff) {
			if (bucket.objects.some((object) => object.lastModified < cutoff)) {
				bucket.objects = bucket.objects.filter((object) => object.lastModified >= cutoff);
			}
		},
	};
}
