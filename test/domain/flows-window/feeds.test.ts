import {describe, expect, it} from 'vitest';
import {feedKey, planFeeds} from '../../../source/domain/flows-window/index.js';
import type {FlowLogInfo, Topology} from '../../../source/domain/types/topology.js';
import {dnsA, lbA, lbB, nlbTopology, webA, webB} from '../flows/fixtures.js';

function flowLog(overrides: Partial<FlowLogInfo> & Pick<FlowLogInfo, 'flowLogId'>): FlowLogInfo {
	return {
		resourceId: 'vpc-0demo',
		destinationType: 'cloud-watch-logs',
		logGroupName: '/vpc/flow-logs',
		logFormat: '',
		maxAggregationIntervalSeconds: 60,
		trafficType: 'ALL',
		...overrides,
	};
}

function topologyWith(flowLogs: readonly FlowLogInfo[], logGroups: readonly string[]): Topology {
	return {...nlbTopology({preserveClientIp: true}), flowLogs, logGroups};
}

const {logGroupName: _none, ...s3Only} = flowLog({flowLogId: 'fl-s3', destinationType: 's3'});

/** A LogFormat as AWS writes it: each field as a `${field}` placeholder. */
function logFormat(...fields: string[]): string {
	return fields.map((field) => `\${${field}}`).join(' ');
}

const everyInterface = [
	lbA.interfaceId,
	lbB.interfaceId,
	webA.interfaceId,
	webB.interfaceId,
	dnsA.interfaceId,
].sort();

describe('planFeeds', () => {
	it('reads every path interface from the VPC flow log that covers them', () => {
		const plan = planFeeds(topologyWith([flowLog({flowLogId: 'fl-vpc'})], ['/vpc/flow-logs']));
		expect(plan.feeds).toEqual([
			expect.objectContaining({
				logGroupName: '/vpc/flow-logs',
				aggregationSeconds: 60,
				interfaceIds: everyInterface,
			}),
		]);
		expect(plan.feeds[0]?.format.isDefault).toBe(true);
		expect(plan.aggregationSeconds).toBe(60);
	});

	it('prefers the interface own flow log (and its custom format) over the VPC one', () => {
		const custom = flowLog({
			flowLogId: 'fl-eni',
			resourceId: lbA.interfaceId,
			logGroupName: '/lb/flows',
			logFormat: logFormat('interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'action'),
		});
		const plan = planFeeds(
			topologyWith([flowLog({flowLogId: 'fl-vpc'}), custom], ['/vpc/flow-logs', '/lb/flows']),
		);
		expect(plan.feeds.map((feed) => [feed.logGroupName, feed.interfaceIds])).toEqual([
			['/lb/flows', [lbA.interfaceId]],
			['/vpc/flow-logs', everyInterface.filter((id) => id !== lbA.interfaceId)],
		]);
		expect(plan.feeds[0]?.format.fields).toEqual([
			'interface-id',
			'srcaddr',
			'dstaddr',
			'srcport',
			'dstport',
			'action',
		]);
	});

	it('prefers 60-s aggregation between flow logs of the same scope', () => {
		const plan = planFeeds(
			topologyWith(
				[
					flowLog({flowLogId: 'fl-coarse', maxAggregationIntervalSeconds: 600}),
					flowLog({flowLogId: 'fl-fine', logGroupName: '/vpc/fine'}),
				],
				['/vpc/flow-logs', '/vpc/fine'],
			),
		);
		expect(plan.feeds.map((feed) => feed.logGroupName)).toEqual(['/vpc/fine']);
	});

	it('settles as slowly as the coarsest feed', () => {
		const plan = planFeeds(
			topologyWith(
				[
					flowLog({flowLogId: 'fl-vpc', maxAggregationIntervalSeconds: 600}),
					flowLog({flowLogId: 'fl-eni', resourceId: lbA.interfaceId, logGroupName: '/lb'}),
				],
				['/vpc/flow-logs', '/lb'],
			),
		);
		expect(plan.aggregationSeconds).toBe(600);
	});

	it('has nothing to read when the flow logs go to S3 only', () => {
		const plan = planFeeds(topologyWith([{...s3Only, flowLogId: 'fl-s3'}], []));
		expect(plan.feeds).toEqual([]);
	});

	it('names a flow log whose format it cannot read, and skips it', () => {
		const plan = planFeeds(
			topologyWith(
				[flowLog({flowLogId: 'fl-bad', logFormat: logFormat('srcaddr', 'srcaddr')})],
				['/vpc/flow-logs'],
			),
		);
		expect(plan.feeds).toEqual([]);
		expect(plan.problems).toEqual([
			'flow log fl-bad has a log format lbtop cannot read (log format repeats the field srcaddr)',
		]);
	});

	it('reads a --log-group no known flow log writes to in the default format, settling slowly', () => {
		const plan = planFeeds(topologyWith([], ['/given/by-user']));
		expect(plan.feeds).toEqual([
			expect.objectContaining({
				logGroupName: '/given/by-user',
				aggregationSeconds: 600,
				interfaceIds: everyInterface,
			}),
		]);
	});

	it('keys the plan by what is read, so a new interface restarts the held figures', () => {
		const before = topologyWith([flowLog({flowLogId: 'fl-vpc'})], ['/vpc/flow-logs']);
		const after: Topology = {
			...before,
			availabilityZones: before.availabilityZones.slice(0, 1),
		};
		expect(feedKey(planFeeds(before))).toBe(feedKey(planFeeds(before)));
		expect(feedKey(planFeeds(after))).not.toBe(feedKey(planFeeds(before)));
	});
});
