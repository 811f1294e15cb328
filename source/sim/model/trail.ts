// The CloudTrail record of a change: the API call that made it, rendered as LookupEvents returns
// it, visible a few minutes after the call (CloudTrail delivers management events late).
import type {JsonValue} from '../context.js';
import {type CloudTrailActor, renderCloudTrailEvent} from '../demo/cloudtrail-record.js';
import {createRandom, hashSeed, uuidFrom} from '../demo/prng.js';
import type {CloudTrailEvent} from '../world/types.js';
import type {Span} from './spec.js';

export type TrailCall = {
	readonly eventName: string;
	readonly eventSource: string;
	readonly actor: CloudTrailActor;
	readonly sourceIPAddress?: string;
	readonly userAgent?: string;
	readonly requestParameters: JsonValue;
	/** Given the call's request id (many responses echo it). */
	readonly responseElements?: (requestId: string) => JsonValue;
	readonly readOnly: boolean;
	readonly resources: readonly {readonly resourceType: string; readonly resourceName: string}[];
};

export type PendingTrailEvent = {readonly visibleAt: number; readonly event: CloudTrailEvent};

export function renderTrailCall(
	world: {
		readonly seed: number;
		readonly region: string;
		readonly accountId: string;
		readonly delay: Span;
	},
	call: TrailCall,
	time: number,
): PendingTrailEvent {
	const random = createRandom(hashSeed(world.seed, 'cloudtrail', call.eventName, time));
	const requestId = uuidFrom(random);
	const event = renderCloudTrailEvent({
		eventId: uuidFrom(random),
		requestId,
		eventTime: time,
		eventName: call.eventName,
		eventSource: call.eventSource,
		region: world.region,
		accountId: world.accountId,
		actor: call.actor,
		...(call.sourceIPAddress === undefined ? {} : {sourceIPAddress: call.sourceIPAddress}),
		...(call.userAgent === undefined ? {} : {userAgent: call.userAgent}),
		requestParameters: call.requestParameters,
		responseElements: call.responseElements?.(requestId) ?? null,
		readOnly: call.readOnly,
		resources: call.resources,
	});
	return {visibleAt: time + random.int(world.delay.min, world.delay.max), event};
}
