// Every IAM action lbtop calls, denied in turn: before any success (error) and after one (stale),
// then granted again. The denied call's source names the action to grant; the others carry on.
import {afterEach, describe, expect, it} from 'vitest';
import {iamActions} from '../../source/aws/iam-actions.js';
import type {SourceName} from '../../source/domain/snapshot.js';
import {dataLakeCalls, stopCoveredElsewhere} from './support/data-lake-actions.js';
import {
	expectAllOk,
	expectFailed,
	expectOthersCarryOn,
	untilAllOk,
} from './support/expectations.js';
import {dataOf, type Rig, startedRig} from './support/fault-rig.js';

const calls: readonly {readonly action: string; readonly source: SourceName}[] = [
	{action: 'sts:GetCallerIdentity', source: 'identity'},
	{action: 'elasticloadbalancing:DescribeLoadBalancers', source: 'discovery'},
	{action: 'elasticloadbalancing:DescribeListeners', source: 'discovery'},
	{action: 'elasticloadbalancing:DescribeTargetGroups', source: 'discovery'},
	{action: 'elasticloadbalancing:DescribeTargetGroupAttributes', source: 'discovery'},
	{action: 'elasticloadbalancing:DescribeTargetHealth', source: 'discovery'},
	{action: 'ec2:DescribeNetworkInterfaces', source: 'discovery'},
	{action: 'ec2:DescribeInstances', source: 'discovery'},
	{action: 'ec2:DescribeFlowLogs', source: 'discovery'},
	{action: 'ec2:DescribeSecurityGroups', source: 'discovery'},
	{action: 'ec2:DescribeNetworkAcls', source: 'discovery'},
	{action: 'cloudwatch:GetMetricData', source: 'metrics'},
	{action: 'cloudwatch:DescribeAlarms', source: 'metrics'},
	{action: 'cloudtrail:LookupEvents', source: 'changes'},
	{action: 'logs:DescribeLogStreams', source: 'flows'},
	{action: 'logs:FilterLogEvents', source: 'flows'},
	{action: 'logs:StartQuery', source: 'flows'},
	{action: 'logs:GetQueryResults', source: 'flows'},
];

// Long enough for every cached or batched read to be due again: flow log streams are re-listed
// after 5 minutes, alarms after 1, and a settled stretch worth an Insights query piles up in 2.
const everyReadDue = 6 * 60_000;

let rig: Rig | undefined;

it('covers every IAM action lbtop calls (StopQuery, DescribeQueries: see insights-queries.test.ts)', () => {
	// The S3 path's calls are denied in data-lake-denied.test.ts, against a world in S3.
	const covered = [
		...calls.map((call) => call.action),
		'logs:StopQuery',
		'logs:DescribeQueries',
		...dataLakeCalls.map((call) => call.action),
		stopCoveredElsewhere,
		// Denied, it is a gap on the access logs, not a failed discovery: access-logs-discovery.test.ts.
		'elasticloadbalancing:DescribeLoadBalancerAttributes',
	].sort();
	expect(covered).toEqual([...iamActions].sort());
});

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

describe.each(calls)('$action denied', ({action, source}) => {
	it(`${source} names the action to grant, keeps its data, the rest carries on, and it recovers`, async () => {
		const deny = {rules: {[action]: {accessDenied: true}}};
		rig = await startedRig({faults: deny});

		expect(rig.requests(action), 'lbtop made the call').toBeGreaterThan(0);
		expectFailed(rig, source, {kind: 'access-denied', iamAction: action});
		expect(rig.state(source).error?.hint).toContain(`grant ${action}`);
		expectOthersCarryOn(rig, [source]);

		rig.sim.faults.clear();
		await rig.retry(source);
		expect(rig.state(source).status).toBe('ok');
		await untilAllOk(rig);

		const before = rig.snapshot();
		rig.sim.faults.set(deny);
		rig.timers.advance(everyReadDue);
		await rig.nextRound();

		expect(rig.state(source).status).toBe('stale');
		expectFailed(rig, source, {kind: 'access-denied', iamAction: action});
		expect(rig.state(source).fetchedAt).toBeGreaterThanOrEqual(
			before.sources[source].fetchedAt ?? Number.POSITIVE_INFINITY,
		);
		expect(dataOf(rig.snapshot(), source)).toBeDefined();
		expectOthersCarryOn(rig, [source]);

		rig.sim.faults.clear();
		await rig.retry(source);
		expectAllOk(rig);
		await rig.until('no Insights query left running', () => rig?.logs.runningQueryCount() === 0);
	});
});
