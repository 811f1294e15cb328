// Turns a LookupEvents event into the ChangeEvent the changes pane and the findings read: who did
// what to which resource, in one sanitized line, with the full record kept for the drill-down.
// CloudTrailEvent is a JSON string that can be malformed or hostile; the top-level LookupEvents
// fields are the fallback, and an event with neither an id nor a time is counted and skipped.
import {sanitizeMultiline, sanitizeText} from '../sanitize.js';
import type {ChangeEvent} from '../types/changes.js';
import {readActor} from './actor.js';
import {summarizeElb} from './elb-summary.js';
import {summarizeParameters} from './generic-summary.js';
import {booleanAt, type JsonRecord, parseJsonRecord, recordAt, stringAt} from './json-value.js';
import {isNetworkAclEvent, summarizeNetworkAcl} from './network-acl-summary.js';
import {eventTimeMs, type RawCloudTrailEvent} from './raw-event.js';
import {collectResourceIds} from './resource-ids.js';
import {
	isSecurityGroupRuleEvent,
	summarizeModifySecurityGroupRules,
	summarizeSecurityGroupRules,
} from './security-group-summary.js';

/** One table line; the drill-down holds the rest. */
const maxSummaryLength = 240;
const maxUserAgentLength = 200;
/** Records are a few KB; this only stops a hostile one from filling the detail view. */
const maxDetailLength = 65_536;
const elbSource = 'elasticloadbalancing.amazonaws.com';

export type SummarizedEvents = {
	/** Newest first, one per event id. */
	readonly events: readonly ChangeEvent[];
	/** Events with neither an id nor a readable time. */
	readonly malformed: number;
};

export function summarizeCloudTrailEvents(raws: readonly RawCloudTrailEvent[]): SummarizedEvents {
	const byId = new Map<string, ChangeEvent>();
	let malformed = 0;
	for (const raw of raws) {
		const event = summarizeCloudTrailEvent(raw);
		if (event === undefined) {
			malformed += 1;
		} else if (!byId.has(event.id)) {
			byId.set(event.id, event);
		}
	}

	const events = [...byId.values()].sort((a, b) => b.time - a.time || a.id.localeCompare(b.id));
	return {events, malformed};
}

export function summarizeCloudTrailEvent(raw: RawCloudTrailEvent): ChangeEvent | undefined {
	const record =
		raw.CloudTrailEvent === undefined ? undefined : parseJsonRecord(raw.CloudTrailEvent);
	const id = raw.EventId ?? stringAt(record, 'eventID');
	const time = eventTimeMs(raw.EventTime) ?? eventTimeMs(stringAt(record, 'eventTime'));
	if (id === undefined || time === undefined) {
		return undefined;
	}

	const name = raw.EventName ?? stringAt(record, 'eventName') ?? 'unknown';
	const source = raw.EventSource ?? stringAt(record, 'eventSource') ?? 'unknown';
	const parameters = recordAt(record, 'requestParameters');
	const response = recordAt(record, 'responseElements');
	const sourceIp = stringAt(record, 'sourceIPAddress');
	const userAgent = stringAt(record, 'userAgent');
	const errorCode = stringAt(record, 'errorCode');
	const actor = readActor(record, raw.Username);

	return {
		id: sanitizeText(id, 128),
		time,
		source: sanitizeText(source, 128),
		name: sanitizeText(name, 128),
		actor: {
			type: sanitizeText(actor.type, 64),
			name: sanitizeText(actor.name, 128),
			...(actor.session === undefined ? {} : {session: sanitizeText(actor.session, 128)}),
		},
		...(sourceIp === undefined ? {} : {sourceIp: sanitizeText(sourceIp, 128)}),
		...(userAgent === undefined ? {} : {userAgent: sanitizeText(userAgent, maxUserAgentLength)}),
		summary: sanitizeText(summaryOf(name, source, record, parameters, response), maxSummaryLength),
		resources: collectResourceIds(raw.Resources, parameters, response),
		...(errorCode === undefined ? {} : {errorCode: sanitizeText(errorCode, 128)}),
		readOnly: readOnlyOf(raw.ReadOnly, record, name),
		detail: detailOf(raw.CloudTrailEvent, record),
	};
}

function summaryOf(
	name: string,
	source: string,
	record: JsonRecord | undefined,
	parameters: JsonRecord | undefined,
	response: JsonRecord | undefined,
): string {
	if (record === undefined) {
		return 'CloudTrail record unreadable; see the raw event';
	}

	const summary = requestSummary(name, source, parameters, response);
	const errorMessage = stringAt(record, 'errorMessage');
	const errorCode = stringAt(record, 'errorCode');
	if (errorCode === undefined) {
		return summary;
	}

	return `FAILED ${errorCode}${errorMessage === undefined ? '' : ` (${errorMessage})`}: ${summary}`;
}

function requestSummary(
	name: string,
	source: string,
	parameters: JsonRecord | undefined,
	response: JsonRecord | undefined,
): string {
	if (source === elbSource) {
		return summarizeElb(name, parameters, response);
	}

	if (parameters === undefined) {
		return '';
	}

	if (isSecurityGroupRuleEvent(name)) {
		return summarizeSecurityGroupRules(name, parameters);
	}

	if (name === 'ModifySecurityGroupRules') {
		return summarizeModifySecurityGroupRules(parameters);
	}

	if (isNetworkAclEvent(name)) {
		return summarizeNetworkAcl(name, parameters);
	}

	return summarizeParameters(parameters);
}

function readOnlyOf(
	lookupValue: string | undefined,
	record: JsonRecord | undefined,
	name: string,
): boolean {
	if (lookupValue === 'true' || lookupValue === 'false') {
		return lookupValue === 'true';
	}

	return booleanAt(record, 'readOnly') ?? /^(?:Describe|Get|List|Lookup)/.test(name);
}

function detailOf(rawText: string | undefined, record: JsonRecord | undefined): string {
	// JSON.stringify escapes control characters inside strings, so a parsed record prints safely;
	// the sanitizer still runs because the unparsed fallback is raw text.
	const text = record === undefined ? (rawText ?? '') : JSON.stringify(record, undefined, 2);
	return sanitizeMultiline(text, maxDetailLength);
}
