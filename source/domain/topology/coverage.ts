// Which flow logs see an interface: one attached to the interface itself, its subnet or its VPC.
import type {FlowLogInfo} from '../types/topology.js';
import {parseS3Destination} from './s3-destination.js';

export type CoveredResource = {
	readonly interfaceId: string;
	readonly subnetId: string;
	readonly vpcId: string;
};

export function flowLogsCovering(
	resource: CoveredResource,
	flowLogs: readonly FlowLogInfo[],
): FlowLogInfo[] {
	const ids = new Set([resource.interfaceId, resource.subnetId, resource.vpcId]);
	return flowLogs.filter((flowLog) => ids.has(flowLog.resourceId));
}

/**
 * Flow logs lbtop can read: delivered to CloudWatch Logs into a known log group, or to an S3
 * bucket it can name (Kinesis Data Firehose delivers to places lbtop cannot follow).
 */
export function readableFlowLogs(flowLogs: readonly FlowLogInfo[]): FlowLogInfo[] {
	return flowLogs.filter((flowLog) =>
		flowLog.destinationType === 'cloud-watch-logs'
			? flowLog.logGroupName !== undefined
			: flowLog.destinationType === 's3' &&
				parseS3Destination(flowLog.logDestination) !== undefined,
	);
}
