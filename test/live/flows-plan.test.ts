// The flows source plans its feeds once per topology and logs profile: every read of the same
// topology is given the same feeds, and so the same formats, whose record readers keep their caches.
import {describe, expect, it} from 'vitest';
import type {Config} from '../../source/domain/config.js';
import {defaultFormatFields} from '../../source/domain/flows/flow-fields.js';
import {feedKey, planFeeds} from '../../source/domain/flows-window/index.js';
import type {Topology} from '../../source/domain/types/topology.js';
import {addressedFeeds} from '../../source/live/flows-addressing.js';
import {feedPlanner} from '../../source/live/flows-plan.js';
import {nlbTopology} from '../domain/flows/fixtures.js';

const config: Config = {
	target: 'web-nlb',
	windowMs: 15 * 60_000,
	refreshMs: 10_000,
	logGroups: [],
	output: 'json',
	color: false,
	ascii: false,
};

const topology: Topology = {
	...nlbTopology({preserveClientIp: true}),
	flowLogs: [
		{
			flowLogId: 'fl-vpc',
			resourceId: 'vpc-0demo',
			destinationType: 'cloud-watch-logs',
			logGroupName: '/vpc/flow-logs',
			logFormat: [...defaultFormatFields, 'tcp-flags'].map((field) => `\${${field}}`).join(' '),
			maxAggregationIntervalSeconds: 60,
			trafficType: 'ALL',
		},
	],
	logGroups: ['/vpc/flow-logs'],
};

describe('feedPlanner', () => {
	it('gives every read of one topology the same feeds, formats and key', () => {
		const plan = feedPlanner();
		const first = plan(topology, config);
		const again = plan(topology, {...config, refreshMs: 20_000});
		expect(again.feeds).toBe(first.feeds);
		expect(again.feeds.feeds[0]?.format).toBe(first.feeds.feeds[0]?.format);
		expect(again.key).toBe(first.key);
	});

	it('plans as planFeeds and addressedFeeds do, with their key', () => {
		const expected = addressedFeeds(planFeeds(topology), topology, config);
		const planned = feedPlanner()(topology, config);
		expect(planned.feeds).toEqual(expected);
		expect(planned.key).toBe(feedKey(expected));
	});

	it('plans again for another topology object or another logs profile', () => {
		const plan = feedPlanner();
		const first = plan(topology, config);
		const moved = plan({...topology}, config);
		expect(moved.feeds).not.toBe(first.feeds);
		expect(moved.feeds).toEqual(first.feeds);
		const monitoring = plan({...topology}, {...config, logsProfile: 'monitoring'});
		expect(monitoring.feeds.feeds[0]?.logGroupName).toMatch(
			/^arn:aws:logs:.*:log-group:\/vpc\/flow-logs$/,
		);
		expect(monitoring.key).not.toBe(first.key);
	});
});
