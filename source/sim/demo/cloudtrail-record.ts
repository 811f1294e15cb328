// Renders a CloudTrail management event the way LookupEvents returns it: a few indexed fields
// plus the full record as a JSON string (the `CloudTrailEvent` member).
import type {JsonValue} from '../context.js';
import type {CloudTrailEvent} from '../world/types.js';
import {createRandom, hashSeed} from './prng.js';

export type CloudTrailActor = {
	readonly type: 'IAMUser' | 'AssumedRole' | 'Root' | 'AWSService';
	/** The user name, the role name, or the service principal (`elasticloadbalancing.amazonaws.com`). */
	readonly name: string;
	/** For an assumed role: the role session name, which LookupEvents reports as the user name. */
	readonly sessionName?: string;
	readonly accessKeyId?: string;
};

export type CloudTrailInput = {
	readonly eventId: string;
	readonly requestId: string;
	readonly eventTime: number;
	readonly eventName: string;
	readonly eventSource: string;
	readonly region: string;
	readonly accountId: string;
	readonly actor: CloudTrailActor;
	readonly sourceIPAddress?: string;
	readonly userAgent?: string;
	readonly requestParameters?: JsonValue;
	readonly responseElements?: JsonValue;
	readonly readOnly: boolean;
	readonly resources: readonly {readonly resourceType: string; readonly resourceName: string}[];
	readonly errorCode?: string;
	readonly errorMessage?: string;
};

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM unique ids look like `AIDA` + 17 characters, access keys `AKIA` + 16; derived from the name so they are stable. */
function uniqueId(prefix: string, name: string, length = 21): string {
	const random = createRandom(hashSeed('iam-unique-id', prefix, name));
	let id = prefix;
	while (id.length < length) {
		id += alphanumeric[random.int(0, alphanumeric.length - 1)] ?? 'A';
	}
	return id;
}

export function defaultAccessKeyId(actor: CloudTrailActor): string {
	return uniqueId(actor.type === 'AssumedRole' ? 'ASIA' : 'AKIA', actor.name, 20);
}

function userIdentity(input: CloudTrailInput, eventTimeText: string): JsonValue {
	const {actor, accountId} = input;
	const accessKeyId = actor.accessKeyId ?? defaultAccessKeyId(actor);
	switch (actor.type) {
		case 'IAMUser': {
			return {
				type: 'IAMUser',
				principalId: uniqueId('AIDA', actor.name),
				arn: `arn:aws:iam::${accountId}:user/${actor.name}`,
				accountId,
				accessKeyId,
				userName: actor.name,
			};
		}
		case 'AssumedRole': {
			const session = actor.sessionName ?? 'session';
			const rolePrincipal = uniqueId('AROA', actor.name);
			return {
				type: 'AssumedRole',
				principalId: `${rolePrincipal}:${session}`,
				arn: `arn:aws:sts::${accountId}:assumed-role/${actor.name}/${session}`,
				accountId,
				accessKeyId,
				sessionContext: {
					sessionIssuer: {
						type: 'Role',
						principalId: rolePrincipal,
						arn: `arn:aws:iam::${accountId}:role/${actor.name}`,
						accountId,
						userName: actor.name,
					},
					attributes: {creationDate: eventTimeText, mfaAuthenticated: 'false'},
				},
			};
		}
		case 'Root': {
			return {
				type: 'Root',
				principalId: accountId,
				arn: `arn:aws:iam::${accountId}:root`,
				accountId,
				accessKeyId,
			};
		}
		case 'AWSService': {
			return {type: 'AWSService', invokedBy: actor.name};
		}
	}
}

/** The name LookupEvents shows as `Username`: user name, role session name, `root`, or none. */
export function lookupUsername(actor: CloudTrailActor): string | undefined {
	switch (actor.type) {
		case 'IAMUser': {
			return actor.name;
		}
		case 'AssumedRole': {
			return actor.sessionName ?? actor.name;
		}
		case 'Root': {
			return 'root';
		}
		case 'AWSService': {
			return undefined;
		}
	}
}

/** CloudTrail writes seconds without a fraction: `2024-05-01T12:00:00Z`. */
export function cloudTrailTime(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function renderCloudTrailEvent(input: CloudTrailInput): CloudTrailEvent {
	const eventTimeText = cloudTrailTime(input.eventTime);
	const record: Record<string, JsonValue> = {
		eventVersion: '1.09',
		userIdentity: userIdentity(input, eventTimeText),
		eventTime: eventTimeText,
		eventSource: input.eventSource,
		eventName: input.eventName,
		awsRegion: input.region,
		sourceIPAddress: input.sourceIPAddress ?? input.actor.name,
		userAgent: input.userAgent ?? input.actor.name,
		...(input.errorCode === undefined ? {} : {errorCode: input.errorCode}),
		...(input.errorMessage === undefined ? {} : {errorMessage: input.errorMessage}),
		requestParameters: input.requestParameters ?? null,
		responseElements: input.responseElements ?? null,
		requestID: input.requestId,
		eventID: input.eventId,
		readOnly: input.readOnly,
		eventType: 'AwsApiCall',
		managementEvent: true,
		recipientAccountId: input.accountId,
		eventCategory: 'Management',
	};
	const username = lookupUsername(input.actor);
	return {
		eventId: input.eventId,
		eventTime: Math.floor(input.eventTime / 1000) * 1000,
		eventName: input.eventName,
		eventSource: input.eventSource,
		...(username === undefined ? {} : {username}),
		...(input.actor.type === 'AWSService'
			? {}
			: {accessKeyId: input.actor.accessKeyId ?? defaultAccessKeyId(input.actor)}),
		readOnly: input.readOnly,
		resources: input.resources,
		cloudTrailEvent: JSON.stringify(record),
	};
}
