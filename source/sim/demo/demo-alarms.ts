// The demo's CloudWatch alarms: the two an on-call engineer would have on an NLB. Their state is
// re-evaluated from the published datapoints as the world advances.
import type {MetricAlarm} from '../world/types.js';

type AlarmContext = {
	readonly region: string;
	readonly accountId: string;
	readonly loadBalancerDimension: string;
	readonly webDimension: string;
	readonly now: number;
	/** Scaled to the traffic volume so the baseline stays under it and the burst goes over. */
	readonly targetResetThreshold: number;
};

export const unhealthyHostsAlarmName = 'demo-nlb-web-unhealthy-hosts';
export const targetResetsAlarmName = 'demo-nlb-target-resets';

export function demoAlarms(context: AlarmContext): MetricAlarm[] {
	const arn = (name: string) =>
		`arn:aws:cloudwatch:${context.region}:${context.accountId}:alarm:${name}`;
	return [
		{
			alarmName: unhealthyHostsAlarmName,
			alarmArn: arn(unhealthyHostsAlarmName),
			alarmDescription: 'A target of demo-web is failing health checks',
			namespace: 'AWS/NetworkELB',
			metricName: 'UnHealthyHostCount',
			dimensions: [
				{name: 'LoadBalancer', value: context.loadBalancerDimension},
				{name: 'TargetGroup', value: context.webDimension},
			],
			statistic: 'Maximum',
			periodSeconds: 60,
			evaluationPeriods: 1,
			threshold: 0,
			comparisonOperator: 'GreaterThanThreshold',
			stateValue: 'INSUFFICIENT_DATA',
			stateReason: 'Unchecked: Initial alarm creation',
			stateUpdatedTimestamp: context.now,
		},
		{
			alarmName: targetResetsAlarmName,
			alarmArn: arn(targetResetsAlarmName),
			alarmDescription: 'Targets behind demo-nlb are resetting connections',
			namespace: 'AWS/NetworkELB',
			metricName: 'TCP_Target_Reset_Count',
			dimensions: [{name: 'LoadBalancer', value: context.loadBalancerDimension}],
			statistic: 'Sum',
			periodSeconds: 60,
			evaluationPeriods: 1,
			threshold: context.targetResetThreshold,
			comparisonOperator: 'GreaterThanThreshold',
			stateValue: 'INSUFFICIENT_DATA',
			stateReason: 'Unchecked: Initial alarm creation',
			stateUpdatedTimestamp: context.now,
		},
	];
}
