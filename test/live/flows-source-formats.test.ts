import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {flowsSource} from '../../source/live/flows-source.js';
import type {LogEvent} from '../../source/sim/world/types.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {eventOf, type Spec} from '../integration/fixtures/flows-traffic.js';
import {clients, lbA, lbB, logGroupName} from '../integration/fixtures/flows-world.js';

let harness: FlowsHarness;

beforeEach(async () => {
	harness = await startFlowsHarness();
});

afterEach(async () => {
	await harness.close();
});

// Reordered and trimmed on purpose: only reading by the flow log's own format gets these right.
const customFormat = [
	'action',
	'interface-id',
	'srcaddr',
	'srcport',
	'dstaddr',
	'dstport',
	'protocol',
	'packets',
	'bytes',
	'start',
	'end',
	'log-status',
]
	.map((field) => `\${${field}}`)
	.join(' ');

function customEvent(spec: Spec): LogEvent {
	const line = [
		spec.action ?? 'ACCEPT',
		spec.eni,
		spec.src,
		spec.sport,
		spec.dst,
		spec.dport,
		6,
		10,
		spec.bytes ?? 1200,
		spec.start,
		spec.start + 60,
		'OK',
	].join(' ');
	return {...eventOf(spec), message: line};
}

/** The interface's own flow log in a custom format, beside the VPC's (both record its traffic). */
function addInterfaceFlowLog(): void {
	const {world} = harness.fixture;
	const vpcGroup = world.logGroups.find((group) => group.logGroupName === logGroupName);
	const vpcStream = vpcGroup?.streams.find((stream) => stream.logStreamName === `${lbB.eni}-all`);
	const specs = (vpcStream?.events ?? []).map((event): Spec => {
		const [, , eni = '', src = '', dst = '', sport = '0', dport = '0'] = event.message.split(' ');
		const action = event.message.includes('REJECT') ? 'REJECT' : 'ACCEPT';
		const start = event.timestamp / 1000;
		return {eni, src, dst, sport: Number(sport), dport: Number(dport), start, action};
	});
	world.flowLogs.push({
		flowLogId: 'fl-0edgeb00000000002',
		resourceId: lbB.eni,
		trafficType: 'ALL',
		logDestinationType: 'cloud-watch-logs',
		logGroupName: '/lb/edge-b',
		logFormat: customFormat,
		maxAggregationInterval: 60,
		deliverLogsStatus: 'SUCCESS',
		creationTime: 0,
	});
	world.logGroups.push({
		logGroupName: '/lb/edge-b',
		creationTime: 0,
		streams: [{logStreamName: `${lbB.eni}-all`, creationTime: 0, events: specs.map(customEvent)}],
	});
}

describe('flowsSource reading real-world shapes', () => {
	it('reads an interface by its own flow log format, counting its records once', async () => {
		addInterfaceFlowLog();
		await discover(harness);
		const source = flowsSource(harness.environment);
		await source.run(new AbortController().signal);
		const flows = harness.environment.store.getSnapshot().flows;
		expect(flows?.connections.find((row) => row.clientAddr === clients.translated)).toMatchObject({
			kind: 'likely',
			listenerPort: 443,
		});
		expect(flows?.aggregates.accepted.flows).toBe(harness.fixture.accepted);
		expect(flows?.aggregates.rejected.flows).toBe(harness.fixture.rejected);
		// One combined query per log group (each reads a format of its own).
		expect(harness.environment.store.getSnapshot().cost.queries).toBe(2);
		await source.dispose?.();
	});

	it('keeps REJECTs first when more records match than it keeps, and says it sampled', async () => {
		const stream = harness.fixture.world.logGroups[0]?.streams.find(
			(candidate) => candidate.logStreamName === `${lbA.eni}-all`,
		);
		const scanStart = harness.fixture.minute - 8 * 60;
		const scan = Array.from({length: 2990}, (_, index) =>
			eventOf({
				eni: lbA.eni,
				src: '203.0.113.66',
				sport: 20_000 + index,
				dst: lbA.ip,
				dport: 1000 + index,
				start: scanStart,
				action: 'REJECT',
			}),
		);
		stream?.events.push(...scan);
		stream?.events.sort((left, right) => left.timestamp - right.timestamp);
		await discover(harness);
		const source = flowsSource(harness.environment);
		await source.run(new AbortController().signal);
		const flows = harness.environment.store.getSnapshot().flows;
		expect(flows).toMatchObject({
			sampled: true,
			recordsRead: 3000,
			recordsMatched: 2990 + harness.fixture.accepted + harness.fixture.rejected,
		});
		expect(flows?.connections.find((row) => row.clientAddr === clients.blocked)).toMatchObject({
			targetView: {action: 'REJECT'},
		});
		// The aggregates are Insights' own counts, not the sample's.
		expect(flows?.aggregates.rejected.flows).toBe(2990 + harness.fixture.rejected);
		await source.dispose?.();
	});

	it('throws on a failed read and keeps the data it holds', async () => {
		await discover(harness);
		const source = flowsSource(harness.environment);
		const signal = new AbortController().signal;
		await source.run(signal);
		const before = harness.environment.store.getSnapshot().flows;
		harness.sim.faults.set({rules: {'logs:FilterLogEvents': {accessDenied: true}}});
		harness.advance(60_000);
		await expect(source.run(signal)).rejects.toMatchObject({iamAction: 'logs:FilterLogEvents'});
		expect(harness.environment.store.getSnapshot().flows).toEqual(before);
		await source.dispose?.();
	});
});
