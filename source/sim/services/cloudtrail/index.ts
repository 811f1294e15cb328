// CloudTrail LookupEvents as the sim serves it (awsJson1_1). Times travel as epoch seconds, which
// is how the SDK serializes timestamps for this protocol; ISO strings are accepted too.
import type {JsonObject, JsonValue, SimContext} from '../../context.js';
import {SimError} from '../../context.js';
import type {CloudTrailEvent} from '../../world/types.js';
import type {JsonService} from '../json-service.js';
import {readInput} from '../logs/input.js';
import {decodeToken, encodeToken} from '../logs/paging.js';

const dayMs = 86_400_000;
const lookupWindowMs = 90 * dayMs;

const lookupKeys = [
	'EventId',
	'EventName',
	'ReadOnly',
	'Username',
	'ResourceType',
	'ResourceName',
	'EventSource',
	'AccessKeyId',
] as const;
type LookupKey = (typeof lookupKeys)[number];

function isLookupKey(value: string): value is LookupKey {
	return lookupKeys.some((key) => key === value);
}

function matchesAttribute(event: CloudTrailEvent, key: LookupKey, value: string): boolean {
	switch (key) {
		case 'EventId':
			return event.eventId === value;
		case 'EventName':
			return event.eventName === value;
		case 'ReadOnly':
			return String(event.readOnly) === value;
		case 'Username':
			return event.username === value;
		case 'ResourceType':
			return event.resources.some((resource) => resource.resourceType === value);
		case 'ResourceName':
			return event.resources.some((resource) => resource.resourceName === value);
		case 'EventSource':
			return event.eventSource === value;
		case 'AccessKeyId':
			return event.accessKeyId === value;
	}
}

function readAttribute(input: JsonObject): {key: LookupKey; value: string} | undefined {
	const invalid = (message: string) => new SimError('InvalidLookupAttributesException', message);
	const list = readInput(input, 'InvalidLookupAttributesException').optionalObjectList(
		'LookupAttributes',
	);
	if (list === undefined || list.length === 0) return undefined;
	if (list.length > 1) throw invalid('You cannot specify more than one lookup attribute.');
	const [only] = list;
	const read = readInput(only ?? {}, 'InvalidLookupAttributesException');
	const key = read.requiredString('AttributeKey');
	const value = read.requiredString('AttributeValue');
	if (!isLookupKey(key)) throw invalid(`Invalid attribute key: ${key}.`);
	if (value.length === 0 || value.length > 2000) {
		throw invalid('AttributeValue must be 1 to 2000 characters long.');
	}
	return {key, value};
}

/** Epoch seconds (SDK / CLI) or an ISO 8601 string, as ms; undefined when absent. */
function readTime(input: JsonObject, name: string): number | undefined {
	const value = input[name];
	if (value === undefined || value === null) return undefined;
	const ms =
		typeof value === 'number'
			? value * 1000
			: typeof value === 'string'
				? /^\d+(\.\d+)?$/.test(value)
					? Number(value) * 1000
					: Date.parse(value)
				: Number.NaN;
	if (!Number.isFinite(ms)) {
		throw new SimError('InvalidTimeRangeException', `${name} is not a valid timestamp.`);
	}
	return ms;
}

type Cursor = {readonly time: number; readonly id: string; readonly filter: string};

function isCursor(value: unknown): value is Cursor {
	if (typeof value !== 'object' || value === null) return false;
	const record: Record<string, unknown> = {...value};
	return (
		typeof record.time === 'number' &&
		typeof record.id === 'string' &&
		typeof record.filter === 'string'
	);
}

/** Newest first; equal times fall back to the event id so the order (and paging) is total. */
function newerFirst(left: CloudTrailEvent, right: CloudTrailEvent): number {
	if (left.eventTime !== right.eventTime) return right.eventTime - left.eventTime;
	if (left.eventId === right.eventId) return 0;
	return left.eventId < right.eventId ? 1 : -1;
}

function toResponse(event: CloudTrailEvent): JsonObject {
	return {
		EventId: event.eventId,
		EventName: event.eventName,
		ReadOnly: String(event.readOnly),
		...(event.accessKeyId === undefined ? {} : {AccessKeyId: event.accessKeyId}),
		EventTime: event.eventTime / 1000,
		EventSource: event.eventSource,
		...(event.username === undefined ? {} : {Username: event.username}),
		Resources: event.resources.map((resource) => ({
			ResourceType: resource.resourceType,
			ResourceName: resource.resourceName,
		})),
		CloudTrailEvent: event.cloudTrailEvent,
	};
}

function lookupEvents(input: JsonObject, context: SimContext): JsonValue {
	const attribute = readAttribute(input);
	const read = readInput(input, 'InvalidParameterException');
	const maxResults = read.optionalNumber('MaxResults') ?? 50;
	if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50) {
		throw new SimError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
	}
	const category = read.optionalString('EventCategory');
	if (category !== undefined && category !== 'insight') {
		throw new SimError('InvalidEventCategoryException', `Invalid EventCategory: ${category}.`);
	}
	const now = context.clock.now();
	const start = readTime(input, 'StartTime') ?? now - lookupWindowMs;
	const end = readTime(input, 'EndTime') ?? now;
	if (start > end) {
		throw new SimError('InvalidTimeRangeException', 'Start time must be before end time.');
	}
	// A token is only good for the request that produced it, as in AWS.
	const filter = JSON.stringify([
		attribute ?? null,
		input.StartTime ?? null,
		input.EndTime ?? null,
		category ?? null,
	]);
	const token = read.optionalString('NextToken');
	const cursor = token === undefined ? undefined : decodeToken(token, 'InvalidNextTokenException');
	if (cursor !== undefined && (!isCursor(cursor) || cursor.filter !== filter)) {
		throw new SimError('InvalidNextTokenException', 'Invalid NextToken.');
	}
	// The sim records no CloudTrail Insights events.
	const candidates = category === 'insight' ? [] : context.world.cloudTrailEvents;
	const matching = candidates
		.filter(
			(event) =>
				event.eventTime >= Math.max(start, now - lookupWindowMs) &&
				event.eventTime <= Math.min(end, now) &&
				(attribute === undefined || matchesAttribute(event, attribute.key, attribute.value)),
		)
		.sort(newerFirst)
		.filter(
			(event) =>
				cursor === undefined ||
				newerFirst(event, {...event, eventTime: cursor.time, eventId: cursor.id}) > 0,
		);
	const page = matching.slice(0, maxResults);
	const last = page.at(-1);
	return {
		Events: page.map(toResponse),
		...(last !== undefined && matching.length > page.length
			? {NextToken: encodeToken({time: last.eventTime, id: last.eventId, filter})}
			: {}),
	};
}

export function createCloudTrailService(): JsonService {
	return {
		targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101',
		signingName: 'cloudtrail',
		jsonVersion: '1.1',
		operations: {
			LookupEvents: (input, context) => {
				context.advance();
				return lookupEvents(input, context);
			},
		},
	};
}
