// EC2 DescribeFlowLogs: which flow logs cover an interface, subnet or VPC, where they deliver and
// in which record format.

import {defaultFlowFormat, renderLogFormat} from '../../../domain/flows/flow-format.js';
import type {SimContext} from '../../context.js';
import type {Params} from '../../protocol/params.js';
import type {WireStruct} from '../../protocol/wire.js';
import type {FlowLog, World} from '../../world/types.js';
import {pageOfEc2} from './common.js';
import {applyFilters, type FilterFields, readFilters} from './filters.js';

const flowLogFields: FilterFields<FlowLog> = {
	'deliver-log-status': (flowLog) => [flowLog.deliverLogsStatus],
	'flow-log-id': (flowLog) => [flowLog.flowLogId],
	'log-destination-type': (flowLog) => [flowLog.logDestinationType],
	'log-group-name': (flowLog) => [flowLog.logGroupName],
	'resource-id': (flowLog) => [flowLog.resourceId],
	'traffic-type': (flowLog) => [flowLog.trafficType],
};

function destinationOf(world: World, flowLog: FlowLog): string | undefined {
	if (flowLog.logDestination !== undefined) {
		return flowLog.logDestination;
	}
	return flowLog.logGroupName === undefined
		? undefined
		: `arn:aws:logs:${world.region}:${world.accountId}:log-group:${flowLog.logGroupName}`;
}

function flowLogShape(world: World, flowLog: FlowLog): WireStruct {
	return {
		creationTime: new Date(flowLog.creationTime),
		deliverLogsStatus: flowLog.deliverLogsStatus,
		flowLogId: flowLog.flowLogId,
		flowLogStatus: 'ACTIVE',
		logGroupName: flowLog.logGroupName,
		resourceId: flowLog.resourceId,
		trafficType: flowLog.trafficType,
		logDestinationType: flowLog.logDestinationType,
		logDestination: destinationOf(world, flowLog),
		logFormat: flowLog.logFormat === '' ? renderLogFormat(defaultFlowFormat) : flowLog.logFormat,
		destinationOptions:
			flowLog.logDestinationType === 's3'
				? {
						fileFormat: flowLog.destinationOptions?.fileFormat ?? 'plain-text',
						hiveCompatiblePartitions: flowLog.destinationOptions?.hiveCompatiblePartitions ?? false,
						perHourPartition: flowLog.destinationOptions?.perHourPartition ?? false,
					}
				: undefined,
		tagSet: [],
		maxAggregationInterval: flowLog.maxAggregationInterval,
	};
}

export function describeFlowLogs(params: Params, {world}: SimContext): WireStruct {
	const ids = params.strings('FlowLogId');
	// Unknown flow log ids are not an error here: AWS answers with an empty set.
	const selected =
		ids.length === 0
			? world.flowLogs
			: world.flowLogs.filter((item) => ids.includes(item.flowLogId));
	const matching = applyFilters(selected, readFilters(params), flowLogFields);
	const page = pageOfEc2(matching, params, {min: 1, max: 1000});
	return {
		flowLogSet: page.items.map((flowLog) => flowLogShape(world, flowLog)),
		nextToken: page.nextToken,
	};
}
