// Access log object keys (aws-facts-s3.md §4):
//   <prefix>/AWSLogs/<acct>/elasticloadbalancing/<region>/<yyyy>/<mm>/<dd>/
//     <acct>_elasticloadbalancing_<region>_app.<name>.<id>_<end-time>_<node-ip>_<random>.log.gz (ALB)
//     <acct>_elasticloadbalancing_<region>_net.<name>.<id>_<end-time>_<random>.log.gz          (NLB)
// ALB connection logs share the folder with a `conn_log_` prefix (the user guide writes
// `conn_log.`; files seen in the wild use an underscore, so both are read). The folder's date is the
// DELIVERY date and `end-time` is the END of the 5-minute interval (`…T2340Z` covers 23:35-23:40),
// the opposite of a flow log file's start time.
import type {LoadBalancerType} from '../types/topology.js';

export type AccessLogKind = 'access' | 'connection';

export type AccessLogObject = {
	readonly kind: AccessLogKind;
	readonly lbType: LoadBalancerType;
	readonly account: string;
	readonly region: string;
	readonly name: string;
	readonly id: string;
	/** `app/<name>/<id>`: the entries' `elb` field and the CloudWatch dimension. */
	readonly resourceTail: string;
	/** Unix ms. */
	readonly intervalStart: number;
	readonly intervalEnd: number;
	/** The ALB node that wrote the file, as written (may be zero-padded: `172.160.001.192`). */
	readonly nodeIp?: string;
	/** `yyyy/mm/dd` of the folder, when the key has one. */
	readonly deliveryDay?: string;
};

export const intervalMs = 5 * 60_000;

const fileName =
	/^(conn_log[._])?(\d{12})_elasticloadbalancing_([a-z0-9-]+)_(app|net)\.([A-Za-z0-9-]{1,32})\.([0-9a-f]{1,32})_(\d{8}T\d{4}Z)_(?:([0-9A-Fa-f.:]+)_)?([A-Za-z0-9]+)\.log(?:\.gz)?$/;
const dayFolder = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\/[^/]*$/;

export function parseAccessLogKey(key: string): AccessLogObject | undefined {
	const name = key.slice(key.lastIndexOf('/') + 1);
	const match = fileName.exec(name);
	const end = match === null ? undefined : readEndTime(match[7] ?? '');
	if (match === null || end === undefined) {
		return undefined;
	}

	const [, connection, account = '', region = '', prefix = '', lbName = '', id = '', , nodeIp] =
		match;
	const lbType: LoadBalancerType = prefix === 'app' ? 'application' : 'network';
	const day = dayFolder.exec(key);
	return {
		kind: connection === undefined ? 'access' : 'connection',
		lbType,
		account,
		region,
		name: lbName,
		id,
		resourceTail: `${prefix}/${lbName}/${id}`,
		intervalStart: end - intervalMs,
		intervalEnd: end,
		...(nodeIp === undefined ? {} : {nodeIp}),
		...(day === null ? {} : {deliveryDay: `${day[1]}/${day[2]}/${day[3]}`}),
	};
}

/** `20140215T2340Z` to Unix ms. */
function readEndTime(text: string): number | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z$/.exec(text);
	if (match === null) {
		return undefined;
	}

	const [, year, month, day, hour, minute] = match.map(Number);
	const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
	return new Date(ms).getUTCDate() === day ? ms : undefined;
}

export function endTimeText(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/** `yyyy/mm/dd` (UTC): the folder a day's files are delivered to, and Athena's `day` partition. */
export function dayText(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');
}

export type LogLocation = {
	readonly bucket: string;
	/** Without leading or trailing slashes; empty for the bucket's root. */
	readonly prefix: string;
	readonly account: string;
	readonly region: string;
};

/** `<prefix>/AWSLogs/<acct>/elasticloadbalancing/<region>/`, the folder Athena's LOCATION names. */
export function logFolder(location: LogLocation): string {
	const head = location.prefix === '' ? '' : `${location.prefix}/`;
	return `${head}AWSLogs/${location.account}/elasticloadbalancing/${location.region}/`;
}

export type LoadBalancerRef = {
	readonly type: LoadBalancerType;
	readonly name: string;
	readonly id: string;
};

export type Listing = {readonly prefix: string; readonly startAfter?: string};

/**
 * The S3 listings that find this LB's files whose interval ended at or after `fromEnd`, up to
 * `now`: one per delivery day. Within a day, names sort by end time, so StartAfter skips the older
 * files; files of the same end time arrive from several nodes at different moments, so the caller
 * passes a `fromEnd` a little before the newest end it has read and drops the keys it already has.
 */
export function listingsSince(
	location: LogLocation,
	lb: LoadBalancerRef,
	kind: AccessLogKind,
	fromEnd: number,
	now: number,
): Listing[] {
	const kindPrefix = kind === 'connection' ? 'conn_log_' : '';
	const lbPart = `${lb.type === 'application' ? 'app' : 'net'}.${lb.name}.${lb.id}_`;
	const file = `${kindPrefix}${location.account}_elasticloadbalancing_${location.region}_${lbPart}`;
	const listings: Listing[] = [];
	const dayMs = 86_400_000;
	const lastDay = Math.floor(now / dayMs);
	// Delivered on the interval's end day or, for intervals ending just before midnight, the next.
	for (let day = Math.floor(fromEnd / dayMs); day <= lastDay && listings.length < 8; day++) {
		const prefix = `${logFolder(location)}${dayText(day * dayMs)}/${file}`;
		listings.push(
			listings.length === 0 ? {prefix, startAfter: `${prefix}${endTimeText(fromEnd)}`} : {prefix},
		);
	}

	return listings;
}
