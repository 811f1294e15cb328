import {describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import type {Topology} from '../../source/domain/types/topology.js';
import {flowsSource} from '../../source/live/flows-source.js';
import {initialSnapshot} from '../../source/live/initial-snapshot.js';
import type {SourceEnvironment} from '../../source/live/source.js';
import {SnapshotStore} from '../../source/live/store.js';
import {nlbTopology} from '../domain/flows/fixtures.js';
import {flowsConfig} from '../integration/fixtures/flows-harness.js';

// Nothing listens on port 1: any AWS call would fail the run, so a run that succeeds made none.
function environmentWith(topology: Topology | undefined): SourceEnvironment {
	const now = () => Date.UTC(2024, 4, 1, 12);
	const snapshot = initialSnapshot(flowsConfig, now(), 'us-east-1');
	return {
		clients: new AwsClients({
			endpointUrl: 'http://127.0.0.1:1',
			region: 'us-east-1',
			credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
			maxAttempts: 1,
		}),
		config: flowsConfig,
		store: new SnapshotStore(topology === undefined ? snapshot : {...snapshot, topology}),
		now,
		callContext: (iamAction) => ({iamAction, now: now()}),
		refresh: () => undefined,
	};
}

const noFlowLogs = 'no flow logs cover the load balancer’s interfaces eni-0aaa000000000000a';

describe('flowsSource without readable flow logs', () => {
	it.each([
		{
			name: 'no flow logs at all',
			gaps: [{kind: 'no-flow-logs' as const, message: noFlowLogs, resources: []}],
			note: noFlowLogs,
		},
		{
			name: 'flow logs to S3 only',
			gaps: [{kind: 's3-only' as const, message: 'flow logs go only to S3', resources: []}],
			note: 'flow logs go only to S3',
		},
	])('is unavailable with $name, names the gap, and queries nothing', async ({gaps, note}) => {
		const topology: Topology = {
			...nlbTopology({preserveClientIp: true}),
			logGroups: [],
			gaps,
		};
		const environment = environmentWith(topology);
		await flowsSource(environment).run(new AbortController().signal);
		const snapshot = environment.store.getSnapshot();
		expect(snapshot.sources.flows).toEqual({status: 'unavailable', note});
		expect(snapshot.flows).toBeUndefined();
		expect(snapshot.cost.queries).toBe(0);
		await environment.clients.destroy();
	});

	it('waits, still pending, until discovery has a topology', async () => {
		const environment = environmentWith(undefined);
		await flowsSource(environment).run(new AbortController().signal);
		expect(environment.store.getSnapshot().sources.flows.status).toBe('pending');
		await environment.clients.destroy();
	});
});
