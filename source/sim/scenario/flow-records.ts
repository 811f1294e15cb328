import {
	type FlowFieldValue,
	flowLogFormatVersion,
	parseFlowLogFormat,
	renderFlowRecord,
} from '../demo/flow-log-format.js';
import type {FlowLog, NetworkInterface, Subnet} from '../world/types.js';
import type {KnownNetwork} from './flow-logs.js';
import {childPath, type ScenarioScope} from './reader.js';

export type StreamContext = {
	readonly interface?: NetworkInterface;
	readonly subnet?: Subnet;
	/** The format of the flow log delivering this stream's interface into the group, if any. */
	readonly fields?: readonly string[];
};

export function streamContext(
	groupName: string,
	interfaceId: string | undefined,
	known: KnownNetwork,
	flowLogs: readonly FlowLog[],
): StreamContext {
	const networkInterface = known.networkInterfaces.find(
		(item) => item.networkInterfaceId === interfaceId,
	);
	if (networkInterface === undefined) {
		return {};
	}
	const subnet = known.subnets.find((item) => item.subnetId === networkInterface.subnetId);
	const flowLog = flowLogs.find(
		(item) =>
			item.logGroupName === groupName &&
			[
				networkInterface.networkInterfaceId,
				networkInterface.subnetId,
				networkInterface.vpcId,
			].includes(item.resourceId),
	);
	const fields = flowLog === undefined ? undefined : parseFlowLogFormat(flowLog.logFormat);
	return {
		interface: networkInterface,
		...(subnet === undefined ? {} : {subnet}),
		...(fields === undefined ? {} : {fields}),
	};
}

/** Defaults for the fields of a structured record that the file leaves out. */
function recordDefaults(
	scope: ScenarioScope,
	context: StreamContext,
	fields: readonly string[],
): Record<string, FlowFieldValue> {
	const networkInterface = context.interface;
	return {
		version: flowLogFormatVersion(fields),
		'account-id': scope.accountId,
		'interface-id': networkInterface?.networkInterfaceId,
		'vpc-id': networkInterface?.vpcId,
		'subnet-id': networkInterface?.subnetId,
		'instance-id': networkInterface?.attachment?.instanceId,
		'az-id': context.subnet?.availabilityZoneId,
		region: scope.region,
		protocol: 6,
		type: 'IPv4',
		'log-status': 'OK',
	};
}

type RenderedRecord = {readonly message: string; readonly start?: number; readonly end?: number};

function unixSeconds(value: FlowFieldValue): number | undefined {
	if (typeof value === 'number') {
		return value;
	}
	return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function readFlowRecord(
	scope: ScenarioScope,
	value: unknown,
	path: string,
	context: StreamContext,
): RenderedRecord | undefined {
	const {reader} = scope;
	const {fields} = context;
	if (fields === undefined) {
		return reader.report(
			path,
			'no flow log delivers this stream\'s interface into this log group, so there is no format to render a record in: add a flowLogs entry or write "message" instead',
		);
	}
	const node = reader.object(value, path, fields);
	if (node === undefined) {
		return undefined;
	}
	const values = recordDefaults(scope, context, fields);
	for (const [name, raw] of Object.entries(node.fields)) {
		const fieldPath = childPath(path, name);
		if ((name === 'start' || name === 'end') && typeof raw === 'string' && !/^\d+$/.test(raw)) {
			const time = reader.checkTime(raw, fieldPath);
			values[name] = time === undefined ? undefined : Math.floor(time / 1000);
		} else if (typeof raw === 'number' || typeof raw === 'string') {
			values[name] = raw;
		} else {
			reader.report(fieldPath, 'expected a string or a number');
		}
	}
	const start = unixSeconds(values.start);
	if (start !== undefined && values.end === undefined && fields.includes('end')) {
		values.end = start + 60;
	}
	const end = unixSeconds(values.end);
	return {
		message: renderFlowRecord(fields, values),
		...(start === undefined ? {} : {start}),
		...(end === undefined ? {} : {end}),
	};
}

/** Start (and end) in Unix seconds read from a literal line, by the stream's format. */
export function timesFromMessage(
	message: string,
	fields: readonly string[] | undefined,
): {start?: number; end?: number} {
	if (fields === undefined) {
		return {};
	}
	const parts = message.trim().split(/\s+/);
	const at = (name: string) => {
		const text = parts[fields.indexOf(name)];
		return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
	};
	const start = at('start');
	const end = at('end');
	return {...(start === undefined ? {} : {start}), ...(end === undefined ? {} : {end})};
}
