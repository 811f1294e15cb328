// Which CloudTrail LookupEvents calls the changes source makes. LookupEvents takes one lookup
// attribute per call, returns at most 50 events a page (newest first) and allows 2 requests/s per
// account and region, so every call has to earn its place.
//
// Elastic Load Balancing: one lookup by event source. Every ELBv2 write can matter (listeners,
// rules, attributes, target registration), and its read noise is modest next to EC2's.
//
// EC2: one lookup per watched write action (EventName), not one by event source. The EC2 event
// source carries every Describe* call in the account (consoles, autoscalers, Kubernetes
// controllers, Terraform plans, and lbtop's own discovery every few minutes): on a busy account
// thousands a minute, so ten pages of 50 can cover less than a minute and the one security group
// edit that matters is never reached. A lookup by action name returns only that action, which
// people and pipelines perform rarely, so one page nearly always covers the whole window whatever
// the account's noise. Looking up by ResourceName per security group would be fewer calls, but
// misses network ACL, interface and flow log changes, and depends on CloudTrail listing the group
// among the event's resources. Thirteen calls a minute at 2 calls/s is under seven seconds of the
// rate limit: the price of not missing the cause.
import type {ChangeEvent} from '../types/changes.js';

export type LookupAttributeKey = 'EventSource' | 'EventName';

export type LookupAttribute = {
	readonly key: LookupAttributeKey;
	readonly value: string;
};

/** A time range fully read for one attribute (Unix ms, inclusive). */
export type Coverage = {
	readonly from: number;
	readonly through: number;
};

export type LookupRequest = {
	readonly attribute: LookupAttribute;
	/** Unix ms; LookupEvents treats both ends as inclusive. */
	readonly startTime: number;
	readonly endTime: number;
	readonly maxPages: number;
};

export const elbEventSource = 'elasticloadbalancing.amazonaws.com';
export const ec2EventSource = 'ec2.amazonaws.com';

/** EC2 writes that change what traffic the path admits, or what lbtop can see of it. */
export const watchedEc2EventNames: readonly string[] = [
	'AuthorizeSecurityGroupIngress',
	'AuthorizeSecurityGroupEgress',
	'RevokeSecurityGroupIngress',
	'RevokeSecurityGroupEgress',
	'ModifySecurityGroupRules',
	'CreateNetworkAclEntry',
	'ReplaceNetworkAclEntry',
	'DeleteNetworkAclEntry',
	'ReplaceNetworkAclAssociation',
	'ModifyNetworkInterfaceAttribute',
	'CreateFlowLogs',
	'DeleteFlowLogs',
];

export const lookupAttributes: readonly LookupAttribute[] = [
	{key: 'EventSource', value: elbEventSource},
	...watchedEc2EventNames.map((name) => ({key: 'EventName' as const, value: name})),
];

/** Bounds one run's calls per attribute, so a noisy account costs seconds, not minutes. */
export const maxPagesPerRun = 10;
/**
 * CloudTrail delivers an event typically within 5 and up to about 15 minutes after it happened,
 * so each run re-reads the last 15 minutes it already read; event ids remove the repeats.
 */
export const deliveryOverlapMs = 15 * 60_000;
/** A change an hour before the incident is often its cause, even with a short window. */
export const minimumLookbackMs = 60 * 60_000;

export function lookbackMs(windowMs: number): number {
	return Math.max(windowMs, minimumLookbackMs);
}

export function attributeKey(attribute: LookupAttribute): string {
	return `${attribute.key}=${attribute.value}`;
}

/**
 * The newest part: the whole lookback on the first run; later, from the end of the last read
 * minus the delivery overlap. Anchoring on the last read rather than the newest event held keeps a
 * quiet account (no events for hours) from re-reading the whole lookback every minute.
 */
export function freshRequest(
	attribute: LookupAttribute,
	coverage: Coverage | undefined,
	now: number,
	lookback: number,
): LookupRequest {
	const horizon = now - lookback;
	const startTime =
		coverage === undefined ? horizon : Math.max(horizon, coverage.through - deliveryOverlapMs);
	return {attribute, startTime: Math.min(startTime, now), endTime: now, maxPages: maxPagesPerRun};
}

/**
 * The older part a page-bounded read could not reach yet, read with the pages the fresh read left
 * over, so a busy account's lookback fills in over a few runs instead of one long burst.
 */
export function backfillRequest(
	attribute: LookupAttribute,
	coverage: Coverage,
	now: number,
	lookback: number,
	pagesLeft: number,
): LookupRequest | undefined {
	const horizon = now - lookback;
	if (pagesLeft <= 0 || coverage.from <= horizon) {
		return undefined;
	}

	return {attribute, startTime: horizon, endTime: coverage.from, maxPages: pagesLeft};
}

/** Which of the returned events lbtop shows at all, before asking whether they touch the path. */
export function isWatchedEvent(event: ChangeEvent): boolean {
	if (event.readOnly) {
		return false;
	}

	if (event.source === elbEventSource) {
		return true;
	}

	return event.source === ec2EventSource && watchedEc2EventNames.includes(event.name);
}
