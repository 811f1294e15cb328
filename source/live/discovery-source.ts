import {discover} from '../aws/discovery.js';
import {discoverAccessLogs} from '../aws/discovery-access-logs.js';
import {assembleTopology} from '../domain/topology/assemble.js';
import {keepReads} from './access-logs-updates.js';
import {succeededState, withSource} from './snapshot-updates.js';
import type {SourceFactory} from './source.js';

// Topology changes rarely (targets registered, flow logs created); re-read it every few minutes so
// a new target or a fixed flow log shows up without a restart.
const rediscoverMs = 3 * 60_000;

export const discoverySource: SourceFactory = (environment) => ({
	name: 'discovery',
	// Until the load balancer is found once, nothing else can run: a failure to reach it (network,
	// throttling) is retried at the refresh pace (backing off from there), not minutes later.
	intervalMs: () =>
		environment.store.getSnapshot().topology === undefined
			? environment.config.refreshMs
			: rediscoverMs,
	iamAction: 'elasticloadbalancing:DescribeLoadBalancers',
	async run(signal) {
		const {target, logGroups} = environment.config;
		if (target === undefined) {
			return;
		}
		const facts = await discover(environment.clients, target, {
			signal,
			logGroupOverride: logGroups,
		});
		const topology = assembleTopology(facts);
		const now = environment.now();
		const accessLogs = await discoverAccessLogs(
			environment.clients,
			{
				arn: facts.loadBalancer.arn,
				type: facts.loadBalancer.type,
				listeners: facts.listeners,
				region: environment.config.region ?? '',
			},
			now,
			signal,
		);
		const before = environment.store.getSnapshot().topology;
		environment.store.update((snapshot) =>
			withSource(
				{
					...snapshot,
					topology,
					accessLogs: keepReads(accessLogs, snapshot.accessLogs),
					generatedAt: now,
				},
				'discovery',
				succeededState(snapshot.sources.discovery, now),
			),
		);
		if (before === undefined) {
			environment.refresh(['flows', 'metrics', 'changes', 'access-logs']);
		}
	},
});
