// Scenario section for flow logs delivered to S3: the buckets (and which access keys a bucket's
// policy lets read it), each S3 flow log's `records` delivered as VPC Flow Logs writes files, the
// Glue tables over them (AWS's documented table for a flow log), and the Athena workgroups.
import {flowLogObjects, type RecordToDeliver} from '../delivery/flow-log-objects.js';
import {flowLogTable} from '../delivery/flow-log-table.js';
import {s3DestinationOf} from '../delivery/s3-keys.js';
import {parseFlowLogFormat} from '../demo/flow-log-format.js';
import {putObjects} from '../services/s3/buckets.js';
import type {AthenaWorkGroup, DataLake, FlowLog, GlueTable, S3Bucket} from '../world/types.js';
import type {KnownNetwork} from './flow-logs.js';
import {readFlowRecord, type StreamContext, timesFromMessage} from './flow-records.js';
import {childPath, idPattern, type ObjectNode, type ScenarioScope} from './reader.js';

/** What the file does not say about delivery: S3 has a file about ten minutes after its records. */
const defaultDeliveryMs = 10 * 60_000;

function contextFor(
	flowLog: FlowLog,
	interfaceId: string | undefined,
	known: KnownNetwork,
): StreamContext {
	const id =
		interfaceId ?? (flowLog.resourceId.startsWith('eni-') ? flowLog.resourceId : undefined);
	const networkInterface = known.networkInterfaces.find((item) => item.networkInterfaceId === id);
	const subnet = known.subnets.find((item) => item.subnetId === networkInterface?.subnetId);
	const fields = parseFlowLogFormat(flowLog.logFormat);
	return {
		...(networkInterface === undefined ? {} : {interface: networkInterface}),
		...(subnet === undefined ? {} : {subnet}),
		...(fields === undefined ? {} : {fields}),
	};
}

function readRecords(
	scope: ScenarioScope,
	node: ObjectNode,
	flowLog: FlowLog,
	known: KnownNetwork,
): RecordToDeliver[] {
	const {reader} = scope;
	return reader.list(node, 'records', (value, path) => {
		const entry = reader.object(value, path, ['record', 'message', 'interfaceId', 'deliveredAt']);
		if (entry === undefined) {
			return undefined;
		}
		if (reader.has(entry, 'message') === reader.has(entry, 'record')) {
			return reader.report(
				path,
				'needs exactly one of "message" (a literal line) or "record" (fields to render)',
			);
		}
		const interfaceId = reader.optionalString(entry, 'interfaceId', idPattern('eni'));
		const context = contextFor(flowLog, interfaceId, known);
		const rendered = reader.has(entry, 'record')
			? readFlowRecord(scope, entry.fields.record, childPath(path, 'record'), context)
			: (() => {
					const message = reader.string(entry, 'message');
					return message === undefined
						? undefined
						: {message, ...timesFromMessage(message, context.fields)};
				})();
		const deliveredAt = reader.optionalTime(entry, 'deliveredAt');
		if (rendered === undefined) {
			return undefined;
		}
		const end = rendered.end ?? rendered.start;
		if (end === undefined) {
			return reader.report(path, 'the record has no "end" (or "start") to place it in a file by');
		}
		// Not yet delivered is not what a static file means: the default is capped at load time.
		return {
			message: rendered.message,
			end,
			deliveredAt: deliveredAt ?? Math.min(end * 1000 + defaultDeliveryMs, scope.now),
		};
	});
}

function readBuckets(scope: ScenarioScope, root: ObjectNode): S3Bucket[] {
	const {reader} = scope;
	return reader.list(root, 's3Buckets', (value, path) => {
		const node = reader.object(value, path, ['name', 'readers']);
		if (node === undefined) {
			return undefined;
		}
		const name = reader.string(node, 'name', {
			pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
			patternHint: 'a bucket name (3-63 lower-case letters, digits, dots, hyphens)',
		});
		const readers = reader.has(node, 'readers') ? reader.stringList(node, 'readers') : undefined;
		return name === undefined
			? undefined
			: {
					name,
					creationDate: scope.now - 90 * 86_400_000,
					...(readers === undefined ? {} : {readers}),
					objects: [],
				};
	});
}

function readTables(
	scope: ScenarioScope,
	root: ObjectNode,
	flowLogs: readonly FlowLog[],
): GlueTable[] {
	const {reader} = scope;
	return reader.list(root, 'glueTables', (value, path) => {
		const node = reader.object(value, path, ['database', 'name', 'flowLogId']);
		if (node === undefined) {
			return undefined;
		}
		const naming = {
			pattern: /^[a-z0-9_]{1,128}$/,
			patternHint: 'lower-case letters, digits and underscores',
		};
		const database = reader.string(node, 'database', naming);
		const name = reader.string(node, 'name', naming);
		const flowLogId = reader.string(node, 'flowLogId');
		const flowLog = flowLogs.find((item) => item.flowLogId === flowLogId);
		const destination = s3DestinationOf(flowLog?.logDestination ?? '');
		const fields = flowLog === undefined ? undefined : parseFlowLogFormat(flowLog.logFormat);
		if (flowLog === undefined || destination === undefined || fields === undefined) {
			return reader.report(
				childPath(path, 'flowLogId'),
				'names no flow log of the file that delivers to S3',
			);
		}
		if (database === undefined || name === undefined) {
			return undefined;
		}
		return flowLogTable({
			databaseName: database,
			name,
			...destination,
			accountId: scope.accountId,
			region: scope.region,
			fields,
			options: flowLog.destinationOptions ?? {
				fileFormat: 'plain-text',
				hiveCompatiblePartitions: false,
				perHourPartition: false,
			},
			createTime: scope.now - 30 * 86_400_000,
		});
	});
}

function readWorkGroups(scope: ScenarioScope, root: ObjectNode): AthenaWorkGroup[] {
	const {reader} = scope;
	const groups = reader.list(root, 'athenaWorkGroups', (value, path) => {
		const node = reader.object(value, path, ['name', 'outputLocation', 'managedQueryResults']);
		if (node === undefined) {
			return undefined;
		}
		const name = reader.string(node, 'name');
		const outputLocation = reader.optionalString(node, 'outputLocation', {
			pattern: /^s3:\/\/[^/]+\/.*$/,
			patternHint: 'an S3 URL like "s3://my-results/athena/"',
		});
		const managed = reader.optionalBoolean(node, 'managedQueryResults');
		return name === undefined
			? undefined
			: {
					name,
					...(outputLocation === undefined ? {} : {outputLocation}),
					...(managed === undefined ? {} : {managedQueryResults: managed}),
				};
	});
	// Without workgroups in the file, `primary` keeps its results itself.
	return groups.length > 0 ? groups : [{name: 'primary', managedQueryResults: true}];
}

export function readDataLake(
	scope: ScenarioScope,
	root: ObjectNode,
	flowLogs: readonly FlowLog[],
	known: KnownNetwork,
): DataLake | undefined {
	const buckets = readBuckets(scope, root);
	const rawFlowLogs = Array.isArray(root.fields.flowLogs) ? root.fields.flowLogs : [];
	for (const [index, flowLog] of flowLogs.entries()) {
		const destination = s3DestinationOf(flowLog.logDestination ?? '');
		if (flowLog.logDestinationType !== 's3' || destination === undefined) {
			continue;
		}
		let bucket = buckets.find((item) => item.name === destination.bucket);
		if (bucket === undefined) {
			bucket = {name: destination.bucket, creationDate: scope.now - 90 * 86_400_000, objects: []};
			buckets.push(bucket);
		}
		const raw = rawFlowLogs[index];
		const node = scope.reader.object(raw, `flowLogs[${index}]`, Object.keys(raw ?? {}));
		const fields = parseFlowLogFormat(flowLog.logFormat);
		if (node === undefined || fields === undefined || flowLogs.length !== rawFlowLogs.length) {
			continue;
		}
		putObjects(
			bucket,
			flowLogObjects(
				{
					accountId: scope.accountId,
					region: scope.region,
					flowLogId: flowLog.flowLogId,
					options: flowLog.destinationOptions ?? {
						fileFormat: 'plain-text',
						hiveCompatiblePartitions: false,
						perHourPartition: false,
					},
					prefix: destination.prefix,
					fields,
				},
				readRecords(scope, node, flowLog, known),
			),
		);
	}
	const glueTables = readTables(scope, root, flowLogs);
	const athenaWorkGroups = readWorkGroups(scope, root);
	if (buckets.length === 0 && glueTables.length === 0) {
		return undefined;
	}
	return {
		buckets,
		glueDatabases: [...new Set(glueTables.map((table) => table.databaseName))].map((name) => ({
			name,
			createTime: scope.now - 30 * 86_400_000,
		})),
		glueTables,
		athenaWorkGroups,
	};
}
