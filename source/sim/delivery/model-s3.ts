// A traffic model's S3 flow logs delivered as VPC Flow Logs delivers them: one file per 5-minute
// window (by each record's `end`) reaching its bucket one to four minutes after the window closes,
// so a record is 1-9 minutes late, about twice as late as in CloudWatch Logs. Files are made from
// the model's records when their delivery time comes, so the bucket holds only what was delivered
// within the retention, whatever the traffic.
import {parseFlowLogFormat} from '../demo/flow-log-format.js';
import {hashSeed} from '../demo/prng.js';
import type {WorldModel} from '../model/world-model.js';
import {putObjects} from '../services/s3/buckets.js';
import type {FlowLog, S3Bucket, World} from '../world/types.js';
import {defaultDestinationOptions, fileWindowMs, flowLogObjects} from './flow-log-objects.js';
import {s3DestinationOf} from './s3-keys.js';

/** A record's `start` precedes its `end` by at most the longest aggregation interval. */
const longestIntervalMs = 10 * 60_000;

type Delivery = {
	readonly flowLog: FlowLog;
	readonly bucket: S3Bucket;
	readonly prefix: string;
	readonly fields: readonly string[];
	readonly endIndex: number;
	/** Start of the next 5-minute window to deliver. */
	next: number;
};

export type ModelS3Delivery = {readonly advanceTo: (now: number) => void};

export function deliverModelToS3(
	world: World,
	model: WorldModel,
	options: {readonly seed: number; readonly from: number; readonly retentionMs?: number},
): ModelS3Delivery {
	const deliveries: Delivery[] = [];
	for (const flowLog of world.flowLogs) {
		const destination = s3DestinationOf(flowLog.logDestination ?? '');
		const bucket = world.dataLake?.buckets.find((item) => item.name === destination?.bucket);
		const fields = parseFlowLogFormat(flowLog.logFormat);
		if (flowLog.logDestinationType !== 's3' || destination === undefined) continue;
		if (bucket === undefined || fields === undefined || !fields.includes('end')) continue;
		deliveries.push({
			flowLog,
			bucket,
			prefix: destination.prefix,
			fields,
			endIndex: fields.indexOf('end'),
			next: Math.floor(options.from / fileWindowMs) * fileWindowMs,
		});
	}
	const deliveredAt = (delivery: Delivery, window: number) =>
		window +
		fileWindowMs +
		60_000 +
		(hashSeed(options.seed, `s3-delivery ${delivery.flowLog.flowLogId}`, window) % 180_001);

	const deliverWindow = (delivery: Delivery, window: number) => {
		const at = deliveredAt(delivery, window);
		const records = [];
		const windowEnd = window + fileWindowMs;
		for (const record of model.flowLogRecords(
			delivery.flowLog.flowLogId,
			window - longestIntervalMs,
			windowEnd,
		)) {
			const end = Number(record.message.split(' ')[delivery.endIndex]) * 1000;
			if (end >= window && end < windowEnd) {
				records.push({message: record.message, end: end / 1000, deliveredAt: at});
			}
		}
		if (records.length === 0) return;
		putObjects(
			delivery.bucket,
			flowLogObjects(
				{
					accountId: world.accountId,
					region: world.region,
					flowLogId: delivery.flowLog.flowLogId,
					options: delivery.flowLog.destinationOptions ?? defaultDestinationOptions,
					prefix: delivery.prefix,
					fields: delivery.fields,
				},
				records,
			),
		);
	};

	const advanceTo = (now: number) => {
		for (const delivery of deliveries) {
			// Delays are shorter than a window, so files arrive in window order.
			while (deliveredAt(delivery, delivery.next) <= now) {
				deliverWindow(delivery, delivery.next);
				delivery.next += fileWindowMs;
			}
			if (options.retentionMs !== undefined) {
				const cutoff = now - options.retentionMs;
				const {bucket} = delivery;
				if (bucket.objects.some((object) => object.lastModified < cutoff)) {
					bucket.objects = bucket.objects.filter((object) => object.lastModified >= cutoff);
				}
			}
		}
	};
	return {advanceTo};
}
