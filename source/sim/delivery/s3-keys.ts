// Where VPC Flow Logs put their objects in S3 (VPC user guide, "Flow log files"): a folder per day
// (and hour, with per-hour partitions), Hive-style `key=value` folders when asked for, and a file
// name carrying the account, region, flow log id and the START of the file's 5-minute window.
import type {FlowLogDestinationOptions} from '../world/types.js';

export type S3Destination = {
	readonly bucket: string;
	/** The destination ARN's folder, `my-logs/` or empty. */
	readonly prefix: string;
};

/** `arn:aws:s3:::bucket[/prefix/]` split into its bucket and folder. */
export function s3DestinationOf(arn: string): S3Destination | undefined {
	const match = /^arn:aws[a-z-]*:s3:::([^/]+)(?:\/(.*))?$/.exec(arn);
	if (match?.[1] === undefined) {
		return undefined;
	}
	const folder = match[2] ?? '';
	return {bucket: match[1], prefix: folder === '' || folder.endsWith('/') ? folder : `${folder}/`};
}

const two = (value: number) => String(value).padStart(2, '0');

export type ObjectName = {
	readonly accountId: string;
	readonly region: string;
	readonly flowLogId: string;
	readonly options: FlowLogDestinationOptions;
};

/** The folder of the day (and hour) a file's window falls in. */
export function flowLogFolder(name: ObjectName, windowStartMs: number): string {
	const time = new Date(windowStartMs);
	const [year, month, day, hour] = [
		String(time.getUTCFullYear()),
		two(time.getUTCMonth() + 1),
		two(time.getUTCDate()),
		two(time.getUTCHours()),
	];
	const {accountId, region, options} = name;
	const base = options.hiveCompatiblePartitions
		? `AWSLogs/aws-account-id=${accountId}/aws-service=vpcflowlogs/aws-region=${region}/year=${year}/month=${month}/day=${day}/`
		: `AWSLogs/${accountId}/vpcflowlogs/${region}/${year}/${month}/${day}/`;
	if (!options.perHourPartition) {
		return base;
	}
	return options.hiveCompatiblePartitions ? `${base}hour=${hour}/` : `${base}${hour}/`;
}

/**
 * `{account}_vpcflowlogs_{region}_{flow-log-id}_{YYYYMMDDTHHmm}Z_{hash}.log.gz`; Parquet files end
 * `.log.parquet` (that extension is UNVERIFIED: lbtop reads a file by its content, not its name).
 */
export function flowLogFileName(name: ObjectName, windowStartMs: number, hash: string): string {
	const time = new Date(windowStartMs);
	const stamp = `${time.getUTCFullYear()}${two(time.getUTCMonth() + 1)}${two(time.getUTCDate())}T${two(time.getUTCHours())}${two(time.getUTCMinutes())}Z`;
	const extension = name.options.fileFormat === 'parquet' ? 'log.parquet' : 'log.gz';
	return `${name.accountId}_vpcflowlogs_${name.region}_${name.flowLogId}_${stamp}_${hash}.${extension}`;
}
