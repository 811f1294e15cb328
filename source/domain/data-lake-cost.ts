// What reading flow logs from S3 costs: Athena bills the bytes a query scans, $5 per TB, each query
// rounded up to the megabyte with a 10 MB minimum; failed queries are free, cancelled ones pay for
// what they scanned. S3 bills requests: LIST $0.005 and GET $0.0004 per thousand (us-east-1).
// (aws-facts-s3 §2.2, §3: third-party pages, UNVERIFIED; megabytes taken as 10^6 bytes, as the
// workgroup's 10,000,000-byte minimum cutoff suggests.)
import type {AthenaCost, QueryCost, S3RequestCost} from './types/flows.js';

export const athenaUsdPerTb = 5;
const megabyte = 1_000_000;
const minimumBilledBytes = 10 * megabyte;
const usdPerList = 0.005 / 1000;
const usdPerGet = 0.0004 / 1000;

export type AthenaEnd = 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export function athenaBilledBytes(scanned: number, end: AthenaEnd): number {
	if (end === 'FAILED') {
		return 0;
	}

	return Math.max(minimumBilledBytes, Math.ceil(Math.max(0, scanned) / megabyte) * megabyte);
}

const emptyAthena: AthenaCost = {
	queries: 0,
	bytesScanned: 0,
	billedBytes: 0,
	usdPerTb: athenaUsdPerTb,
	usd: 0,
};
const emptyS3: S3RequestCost = {listRequests: 0, getRequests: 0, bytesRead: 0, usd: 0};

/** Insights, Athena and S3 requests together: the session's price. */
export function totalUsd(cost: QueryCost): number {
	return (cost.bytesScanned / 1e9) * cost.usdPerGb + (cost.athena?.usd ?? 0) + (cost.s3?.usd ?? 0);
}

export function withAthenaQuery(cost: QueryCost, scanned: number, end: AthenaEnd): QueryCost {
	const known = cost.athena ?? emptyAthena;
	const billedBytes = known.billedBytes + athenaBilledBytes(scanned, end);
	const athena: AthenaCost = {
		...known,
		queries: known.queries + 1,
		bytesScanned: known.bytesScanned + Math.max(0, scanned),
		billedBytes,
		usd: (billedBytes / 1e12) * known.usdPerTb,
	};
	const next = {...cost, athena};
	return {...next, usd: totalUsd(next)};
}

export type S3Requests = {
	readonly listRequests: number;
	readonly getRequests: number;
	readonly bytesRead: number;
};

export function withS3Requests(cost: QueryCost, requests: S3Requests): QueryCost {
	if (requests.listRequests === 0 && requests.getRequests === 0) {
		return cost;
	}

	const known = cost.s3 ?? emptyS3;
	const listRequests = known.listRequests + requests.listRequests;
	const getRequests = known.getRequests + requests.getRequests;
	const s3: S3RequestCost = {
		listRequests,
		getRequests,
		bytesRead: known.bytesRead + requests.bytesRead,
		usd: listRequests * usdPerList + getRequests * usdPerGet,
	};
	const next = {...cost, s3};
	return {...next, usd: totalUsd(next)};
}
