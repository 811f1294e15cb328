import {type CloudTrailActor, renderCloudTrailEvent} from '../demo/cloudtrail-record.js';
import {createRandom, hashSeed, uuidFrom} from '../demo/prng.js';
import type {CloudTrailEvent} from '../world/types.js';
import {childPath, type ObjectNode, type ScenarioScope} from './reader.js';

export function readActor(scope: ScenarioScope, node: ObjectNode): CloudTrailActor {
	const {reader} = scope;
	if (!reader.has(node, 'user')) {
		return {type: 'IAMUser', name: 'lbtop-sim'};
	}
	const user = reader.object(node.fields.user, childPath(node.path, 'user'), [
		'type',
		'name',
		'sessionName',
		'accessKeyId',
	]);
	if (user === undefined) {
		return {type: 'IAMUser', name: 'lbtop-sim'};
	}
	const sessionName = reader.optionalString(user, 'sessionName');
	const accessKeyId = reader.optionalString(user, 'accessKeyId');
	return {
		type: reader.choice(user, 'type', ['IAMUser', 'AssumedRole', 'Root', 'AWSService'], 'IAMUser'),
		name: reader.optionalString(user, 'name') ?? (reader.has(user, 'type') ? 'root' : 'lbtop-sim'),
		...(sessionName === undefined ? {} : {sessionName}),
		...(accessKeyId === undefined ? {} : {accessKeyId}),
	};
}

function readTrailEvent(
	scope: ScenarioScope,
	value: unknown,
	path: string,
): CloudTrailEvent | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'eventId',
		'requestId',
		'eventName',
		'eventSource',
		'eventTime',
		'awsRegion',
		'user',
		'sourceIPAddress',
		'userAgent',
		'requestParameters',
		'responseElements',
		'readOnly',
		'resources',
		'errorCode',
		'errorMessage',
	]);
	if (node === undefined) {
		return undefined;
	}
	const eventName = reader.string(node, 'eventName');
	const eventSource = reader.string(node, 'eventSource', {
		pattern: /^[a-z0-9.-]+\.amazonaws\.com$/,
		patternHint: 'a service host like "ec2.amazonaws.com"',
	});
	const eventTime = reader.time(node, 'eventTime');
	const random = createRandom(hashSeed('cloudtrail', path, eventName ?? '', eventTime ?? 0));
	const optional = (key: string) => reader.optionalString(node, key);
	const resources = reader.list(node, 'resources', (item, itemPath) => {
		const resource = reader.object(item, itemPath, ['resourceType', 'resourceName']);
		const resourceType =
			resource === undefined ? undefined : reader.string(resource, 'resourceType');
		const resourceName =
			resource === undefined ? undefined : reader.string(resource, 'resourceName');
		return resourceType === undefined || resourceName === undefined
			? undefined
			: {resourceType, resourceName};
	});
	const fields = {
		sourceIPAddress: optional('sourceIPAddress'),
		userAgent: optional('userAgent'),
		errorCode: optional('errorCode'),
		errorMessage: optional('errorMessage'),
		requestParameters: reader.optionalJson(node, 'requestParameters'),
		responseElements: reader.optionalJson(node, 'responseElements'),
	};
	const actor = readActor(scope, node);
	const readOnly = reader.optionalBoolean(node, 'readOnly');
	const eventId = optional('eventId') ?? uuidFrom(random);
	const response = fields.responseElements;
	const echoedRequestId: unknown =
		typeof response === 'object' && response !== null
			? Reflect.get(response, 'requestId')
			: undefined;
	const requestId =
		optional('requestId') ??
		(typeof echoedRequestId === 'string' ? echoedRequestId : undefined) ??
		uuidFrom(random);
	const region = optional('awsRegion') ?? scope.region;
	if (eventName === undefined || eventSource === undefined || eventTime === undefined) {
		return undefined;
	}
	const defined = Object.fromEntries(
		Object.entries(fields).filter(([, item]) => item !== undefined),
	);
	return renderCloudTrailEvent({
		eventId,
		requestId,
		eventTime,
		eventName,
		eventSource,
		region,
		accountId: scope.accountId,
		actor,
		readOnly: readOnly ?? /^(?:Describe|Get|List|Lookup)/.test(eventName),
		resources,
		...defined,
	});
}

export function readCloudTrailEvents(scope: ScenarioScope, root: ObjectNode): CloudTrailEvent[] {
	const events = scope.reader.list(root, 'cloudTrailEvents', (value, path) =>
		readTrailEvent(scope, value, path),
	);
	return events.sort((a, b) => a.eventTime - b.eventTime);
}
