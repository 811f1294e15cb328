// CloudTrail LookupEvents, page by page. The caller decides what to ask (domain/changes/lookup-plan)
// and how fast (it waits before each call: LookupEvents allows 2 requests/s per account and region,
// shared with every other tool in the account).
import {LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import type {LookupRequest} from '../domain/changes/lookup-plan.js';
import type {RawCloudTrailEvent} from '../domain/changes/raw-event.js';
import type {AwsClients} from './clients.js';
import {awsCall} from './errors.js';

/** The API's maximum. */
const pageSize = 50;

export type LookupOptions = {
	readonly signal: AbortSignal;
	/** Resolves when the next call may go out. */
	readonly beforeEachCall: () => Promise<void>;
};

export type LookupResult = {
	/** Newest first, as CloudTrail returns them. */
	readonly events: readonly RawCloudTrailEvent[];
	readonly pages: number;
	/** False when the read stopped at `maxPages` with more events left. */
	readonly complete: boolean;
};

export async function lookupEvents(
	clients: AwsClients,
	request: LookupRequest,
	options: LookupOptions,
): Promise<LookupResult> {
	const client = await clients.cloudtrail();
	const events: RawCloudTrailEvent[] = [];
	let nextToken: string | undefined;
	let pages = 0;
	do {
		await options.beforeEachCall();
		const token = nextToken;
		const response = await awsCall('cloudtrail:LookupEvents', () =>
			client.send(
				new LookupEventsCommand({
					LookupAttributes: [
						{AttributeKey: request.attribute.key, AttributeValue: request.attribute.value},
					],
					StartTime: new Date(request.startTime),
					EndTime: new Date(request.endTime),
					MaxResults: pageSize,
					...(token === undefined ? {} : {NextToken: token}),
				}),
				{abortSignal: options.signal},
			),
		);
		pages += 1;
		events.push(...(response.Events ?? []));
		nextToken = response.NextToken === '' ? undefined : response.NextToken;
	} while (nextToken !== undefined && pages < request.maxPages);

	return {events, pages, complete: nextToken === undefined};
}
