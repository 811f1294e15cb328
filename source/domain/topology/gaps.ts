// Monitoring gaps: what lbtop cannot see, and what that means for the user reading the screen.
import type {FlowLogInfo, MonitoringGap} from '../types/topology.js';
import {flowLogsCovering, readableFlowLogs} from './coverage.js';
import type {DiscoveryFacts, InterfaceFacts} from './facts.js';

function lbInterfaceGaps(
	facts: DiscoveryFacts,
	covering: (found: InterfaceFacts) => FlowLogInfo[],
): MonitoringGap[] {
	const gaps: MonitoringGap[] = [];
	if (facts.lbInterfaces.length === 0) {
		gaps.push({
			kind: 'interfaces-not-found',
			message: `no network interface described "ELB ${facts.loadBalancer.type === 'application' ? 'app' : 'net'}/${facts.loadBalancer.name}/…" was found, so flows cannot be attributed to this load balancer`,
			resources: [facts.loadBalancer.arn],
		});
		return gaps;
	}
	const uncovered = facts.lbInterfaces.filter((found) => covering(found).length === 0);
	if (uncovered.length > 0) {
		gaps.push({
			kind: 'no-flow-logs',
			message: `no flow logs cover the load balancer's interfaces ${uncovered.map((found) => found.interfaceId).join(', ')}: ACCEPT/REJECT panes cannot show their traffic (create a flow log to CloudWatch Logs on these ENIs, their subnets or the VPC)`,
			resources: uncovered.map((found) => found.interfaceId),
		});
	}
	const s3Only = facts.lbInterfaces.filter((found) => {
		const all = covering(found);
		return all.length > 0 && readableFlowLogs(all).length === 0;
	});
	if (s3Only.length > 0) {
		gaps.push({
			kind: 's3-only',
			message: `flow logs for ${s3Only.map((found) => found.interfaceId).join(', ')} go only to Kinesis Data Firehose (or to an S3 destination lbtop cannot name), which lbtop cannot read; add a flow log to CloudWatch Logs or S3`,
			resources: s3Only.map((found) => found.interfaceId),
		});
	}
	return gaps;
}

export function topologyGaps(facts: DiscoveryFacts, logGroups: readonly string[]): MonitoringGap[] {
	const vpcId = facts.loadBalancer.vpcId;
	const covering = (found: InterfaceFacts) => flowLogsCovering({...found, vpcId}, facts.flowLogs);
	const gaps = lbInterfaceGaps(facts, covering);

	const coarse = readableFlowLogs(
		[...facts.lbInterfaces, ...facts.targetInterfaces].flatMap(covering),
	).filter((flowLog) => flowLog.maxAggregationIntervalSeconds >= 600);
	if (coarse.length > 0) {
		gaps.push({
			kind: 'ten-minute-aggregation',
			message: `flow log ${[...new Set(coarse.map((flowLog) => flowLog.flowLogId))].join(', ')} aggregates over 10 minutes: flows appear 10-15 minutes late and short connections blur together (recreate with a 60-second interval)`,
			resources: [...new Set(coarse.map((flowLog) => flowLog.flowLogId))],
		});
	}

	const partial = readableFlowLogs(facts.lbInterfaces.flatMap(covering)).filter(
		(flowLog) => flowLog.trafficType !== 'ALL',
	);
	if (partial.length > 0) {
		gaps.push({
			kind: 'traffic-type-partial',
			message: `flow log ${partial.map((flowLog) => flowLog.flowLogId).join(', ')} records only ${partial.map((flowLog) => flowLog.trafficType).join('/')} traffic: the other action is invisible`,
			resources: partial.map((flowLog) => flowLog.flowLogId),
		});
	}

	const blindTargets = facts.targetInterfaces.filter(
		(found) => readableFlowLogs(covering(found)).length === 0,
	);
	if (blindTargets.length > 0) {
		gaps.push({
			kind: 'targets-without-flow-logs',
			message: `targets ${blindTargets.map((found) => found.instanceId ?? found.privateIps[0] ?? found.interfaceId).join(', ')} have no flow logs in CloudWatch Logs: a REJECT by a target's security group cannot be seen there`,
			resources: blindTargets.map((found) => found.interfaceId),
		});
	}

	if (facts.logGroupOverride.length > 0) {
		const coveringGroups = new Set(
			readableFlowLogs(facts.lbInterfaces.flatMap(covering)).flatMap((flowLog) =>
				flowLog.logGroupName ? [flowLog.logGroupName] : [],
			),
		);
		const foreign = logGroups.filter((group) => !coveringGroups.has(group));
		if (foreign.length > 0) {
			gaps.push({
				kind: 'log-group-not-covering',
				message: `--log-group ${foreign.join(', ')} is not the destination of any flow log on this load balancer's interfaces: results may be empty`,
				resources: foreign,
			});
		}
	}
	return gaps;
}
