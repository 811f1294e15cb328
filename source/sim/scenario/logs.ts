// Scenario section for CloudWatch Logs groups and their streams. Stream events are either literal
// `message` lines or structured `record`s rendered in the format of the flow log that delivers the
// stream's interface into that group.
import {flowLogStreamName} from '../demo/aws-names.js';
import type {FlowLog, LogEvent, LogGroup} from '../world/types.js';
import type {KnownNetwork} from './flow-logs.js';
import {
	readFlowRecord,
	type StreamContext,
	streamContext,
	timesFromMessage,
} from './flow-records.js';
import {childPath, idPattern, type ObjectNode, type ScenarioScope} from './reader.js';

const day = 86_400_000;
/** What the file does not say about delivery: events arrived two minutes after their window. */
const defaultDeliveryMs = 120_000;

function readEvent(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	context: StreamContext,
): LogEvent | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, ['message', 'record', 'timestamp', 'ingestionTime']);
	if (node === undefined) {
		return undefined;
	}
	if (reader.has(node, 'message') === reader.has(node, 'record')) {
		return reader.report(
			path,
			'needs exactly one of "message" (a literal line) or "record" (fields to render)',
		);
	}
	const rendered = reader.has(node, 'record')
		? readFlowRecord(scope, node.fields.record, childPath(path, 'record'), context)
		: (() => {
				const message = reader.string(node, 'message');
				return message === undefined
					? undefined
					: {message, ...timesFromMessage(message, context.fields)};
			})();
	const timestamp = reader.optionalTime(node, 'timestamp');
	const ingestionTime = reader.optionalTime(node, 'ingestionTime');
	if (rendered === undefined) {
		return undefined;
	}
	const eventTime = timestamp ?? (rendered.start === undefined ? undefined : rendered.start * 1000);
	if (eventTime === undefined) {
		return reader.report(
			childPath(path, 'timestamp'),
			'is required when the line has no "start" field to take it from',
		);
	}
	// Not yet delivered is not what a static file means: cap the default at load time.
	const delivered =
		(rendered.end === undefined ? eventTime : rendered.end * 1000) + defaultDeliveryMs;
	return {
		timestamp: eventTime,
		ingestionTime: ingestionTime ?? Math.max(eventTime, Math.min(delivered, scope.now)),
		message: rendered.message,
	};
}

function interfaceIdFromStream(name: string): string | undefined {
	return /^(eni-[0-9a-zA-Z]+)(?:-|$)/.exec(name)?.[1];
}

function readLogGroup(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	known: KnownNetwork,
	flowLogs: readonly FlowLog[],
): LogGroup | undefined {
	const {reader} = scope;
	const node = reader.object(value, path, [
		'logGroupName',
		'creationTime',
		'retentionInDays',
		'streams',
	]);
	if (node === undefined) {
		return undefined;
	}
	const logGroupName = reader.string(node, 'logGroupName');
	const creationTime = reader.optionalTime(node, 'creationTime') ?? scope.now - 30 * day;
	const retentionInDays = reader.optionalNumber(node, 'retentionInDays', {integer: true, min: 1});
	const streams = reader.list(node, 'streams', (item, itemPath) => {
		const stream = reader.object(item, itemPath, [
			'logStreamName',
			'interfaceId',
			'creationTime',
			'events',
		]);
		if (stream === undefined) {
			return undefined;
		}
		const interfaceId = reader.optionalString(stream, 'interfaceId', idPattern('eni'));
		const logStreamName =
			reader.optionalString(stream, 'logStreamName') ??
			(interfaceId === undefined ? undefined : flowLogStreamName(interfaceId, 'ALL'));
		if (logStreamName === undefined) {
			return reader.report(
				childPath(itemPath, 'logStreamName'),
				'is required (or give interfaceId to name the stream "<eni>-all")',
			);
		}
		const context = streamContext(
			logGroupName ?? '',
			interfaceId ?? interfaceIdFromStream(logStreamName),
			known,
			flowLogs,
		);
		const events = reader.list(stream, 'events', (event, eventPath) =>
			readEvent(scope, event, eventPath, context),
		);
		events.sort((a, b) => a.timestamp - b.timestamp);
		return {
			logStreamName,
			creationTime:
				reader.optionalTime(stream, 'creationTime') ??
				Math.min(creationTime, events[0]?.timestamp ?? creationTime),
			events,
		};
	});
	if (logGroupName === undefined) {
		return undefined;
	}
	return {
		logGroupName,
		creationTime,
		...(retentionInDays === undefined ? {} : {retentionInDays}),
		streams,
	};
}

/** The file's log groups, plus an empty one for each flow log destination group it does not list. */
export function readLogGroups(
	scope: ScenarioScope,
	root: ObjectNode,
	known: KnownNetwork,
	flowLogs: readonly FlowLog[],
): LogGroup[] {
	const groups = scope.reader.list(root, 'logGroups', (value, path) =>
		readLogGroup(scope, value, path, known, flowLogs),
	);
	for (const flowLog of flowLogs) {
		const name = flowLog.logGroupName;
		if (
			flowLog.logDestinationType === 'cloud-watch-logs' &&
			name !== undefined &&
			!groups.some((group) => group.logGroupName === name)
		) {
			groups.push({logGroupName: name, creationTime: flowLog.creationTime, streams: []});
		}
	}
	return groups;
}
