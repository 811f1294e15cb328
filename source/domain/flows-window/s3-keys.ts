// Where a flow log's objects sit in its S3 destination, and which keys a read has to list (VPC user
// guide, "Flow log files"; aws-facts-s3 §1.1). A folder holds a UTC day (or hour) of files; a file
// name carries the flow log id and the START of its 5-minute window, so within a folder the keys
// of one flow log sort by time: a listing with that flow log's file-name prefix and a StartAfter
// at a window's stamp returns only the files from that window on.
import {parseS3Destination} from '../topology/s3-destination.js';
import type {FlowLogDestinationOptions, FlowLogInfo, Topology} from '../types/topology.js';

/** The flow log whose objects a feed reads, and where they are. */
export type S3FeedSource = {
	readonly flowLogId: string;
	readonly bucket: string;
	/** The destination's folder, ending in `/`, or empty. */
	readonly prefix: string;
	/** The flow log's own account and region, which its keys carry. */
	readonly accountId: string;
	readonly region: string;
	readonly options: FlowLogDestinationOptions;
};

export const fileWindowSeconds = 300;

const defaultOptions: FlowLogDestinationOptions = {
	fileFormat: 'plain-text',
	hiveCompatiblePartitions: false,
	perHourPartition: false,
};

/** The S3 source of a flow log delivering to S3, undefined for any other (or an unnamed bucket). */
export function s3SourceOf(flowLog: FlowLogInfo, topology: Topology): S3FeedSource | undefined {
	if (flowLog.destinationType !== 's3') {
		return undefined;
	}

	const destination = parseS3Destination(flowLog.logDestination);
	// arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/...: the flow log is the LB's
	// account's, and its files are named after that account and region.
	const [, , , region, accountId] = topology.arn.split(':');
	if (destination === undefined || region === undefined || accountId === undefined) {
		return undefined;
	}

	return {
		flowLogId: flowLog.flowLogId,
		...destination,
		accountId,
		region,
		options: flowLog.destinationOptions ?? defaultOptions,
	};
}

/** How the feed is named where a log group's name would be: its destination and flow log. */
export function s3FeedLabel(source: S3FeedSource): string {
	return `s3://${source.bucket}/${source.prefix} (${source.flowLogId})`;
}

const two = (value: number) => String(value).padStart(2, '0');

function folderUnitSeconds(source: S3FeedSource): number {
	return source.options.perHourPartition ? 3600 : 86_400;
}

/** The folder holding the files of the day (or hour) `seconds` falls in. */
export function folderOf(source: S3FeedSource, seconds: number): string {
	const time = new Date(seconds * 1000);
	const year = String(time.getUTCFullYear());
	const month = two(time.getUTCMonth() + 1);
	const day = two(time.getUTCDate());
	const hour = two(time.getUTCHours());
	const {accountId, region, options} = source;
	const hive = options.hiveCompatiblePartitions;
	const dayFolder = hive
		? `AWSLogs/aws-account-id=${accountId}/aws-service=vpcflowlogs/aws-region=${region}/year=${year}/month=${month}/day=${day}/`
		: `AWSLogs/${accountId}/vpcflowlogs/${region}/${year}/${month}/${day}/`;
	const hourFolder = options.perHourPartition ? (hive ? `hour=${hour}/` : `${hour}/`) : '';
	return `${source.prefix}${dayFolder}${hourFolder}`;
}

/** The part of a key before the window stamp: this flow log's files in one folder. */
export function listPrefixOf(source: S3FeedSource, folder: string): string {
	return `${folder}${source.accountId}_vpcflowlogs_${source.region}_${source.flowLogId}_`;
}

/** `YYYYMMDDTHHmm` of a time, as file names write a window's start. */
export function windowStamp(seconds: number): string {
	const time = new Date(seconds * 1000);
	return `${time.getUTCFullYear()}${two(time.getUTCMonth() + 1)}${two(time.getUTCDate())}T${two(time.getUTCHours())}${two(time.getUTCMinutes())}`;
}

/** StartAfter for the files of windows from `fromSeconds` on, in a folder. */
export function startAfterFor(source: S3FeedSource, folder: string, fromSeconds: number): string {
	const window = Math.floor(fromSeconds / fileWindowSeconds) * fileWindowSeconds;
	return `${listPrefixOf(source, folder)}${windowStamp(window)}`;
}

/**
 * Unix seconds of each folder that may hold files for [from, to]. Files reach S3 minutes after
 * their window, so the folder before `from` is listed too around a day (or hour) boundary.
 */
export function foldersFor(source: S3FeedSource, fromSeconds: number, toSeconds: number): number[] {
	const unit = folderUnitSeconds(source);
	const first = Math.floor((fromSeconds - fileWindowSeconds) / unit) * unit;
	const folders: number[] = [];
	for (let start = first; start <= toSeconds; start += unit) {
		folders.push(start);
	}

	return folders;
}

/** Unix seconds of the window a key's file name names, undefined when it names none. */
export function windowOfKey(key: string): number | undefined {
	const stamp = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[^/]*$/.exec(key);
	if (stamp === null) {
		return undefined;
	}

	const [year, month, day, hour, minute] = stamp.slice(1).map(Number);
	const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
	return Number.isFinite(ms) ? ms / 1000 : undefined;
}
