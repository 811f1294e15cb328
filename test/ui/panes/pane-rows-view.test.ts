// The rows each pane lists for a filter and a sort step, in the order it lists them.
import {describe, expect, it} from 'vitest';
import type {FlowsView} from '../../../source/domain/snapshot.js';
import {changesInView} from '../../../source/ui/panes/changes-view.js';
import {connectionOrders, connectionsInView} from '../../../source/ui/panes/connections-view.js';
import {findingsInView} from '../../../source/ui/panes/findings-view.js';
import {seriesInView, seriesOrders} from '../../../source/ui/panes/metrics-view.js';
import {viewOfFilter} from '../../../source/ui/panes/pane-view.js';
import {sourceOrders, sourcesInView} from '../../../source/ui/panes/traffic-view.js';
import {snapshot} from './fixture.js';

describe('connections', () => {
	it('cycles REJECT first/newest, bytes, packets, client', () => {
		expect(connectionOrders.map((order) => order.label)).toEqual([
			'REJECT first, newest',
			'bytes',
			'packets',
			'client',
		]);
	});

	it.each([
		[0, ['c-203.0.113.7-51234', 'c-203.0.113.9-40022', 'c-likely-1', 'c-unpaired-1']],
		[1, ['c-likely-1', 'c-203.0.113.7-51234', 'c-203.0.113.9-40022', 'c-unpaired-1']],
		[2, ['c-likely-1', 'c-203.0.113.7-51234', 'c-203.0.113.9-40022', 'c-unpaired-1']],
		[3, ['c-likely-1', 'c-203.0.113.7-51234', 'c-203.0.113.9-40022', 'c-unpaired-1']],
		[4, ['c-203.0.113.7-51234', 'c-203.0.113.9-40022', 'c-likely-1', 'c-unpaired-1']],
	])('sort step %i lists %j', (step, ids) => {
		const rows = connectionsInView(snapshot, viewOfFilter(undefined, step));
		expect(rows.map((row) => row.id)).toEqual(ids);
	});

	it.each([
		['203.0.113.0/24', ['c-203.0.113.7-51234', 'c-203.0.113.9-40022']],
		['2001:db8::/32', ['c-unpaired-1']],
		['10.0.2.41', ['c-likely-1']],
		['port:33012', ['c-likely-1']],
		['51234', ['c-203.0.113.7-51234']],
		['accept', ['c-likely-1', 'c-unpaired-1']],
		['reject 10.0.2.20', ['c-203.0.113.9-40022']],
		['eni-0target', ['c-203.0.113.7-51234', 'c-203.0.113.9-40022']],
		['us-east-1b', []],
		['i-0def5678', ['c-203.0.113.9-40022']],
		['i-0abc', ['c-203.0.113.7-51234', 'c-likely-1']],
		['unpaired', ['c-unpaired-1']],
		['10.0.0.0/33 likely', ['c-likely-1']],
	])('%j keeps %j', (filter, ids) => {
		const rows = connectionsInView(snapshot, viewOfFilter(filter));
		expect(rows.map((row) => row.id)).toEqual(ids);
	});
});

describe('accepted and rejected sources', () => {
	it('cycles records, bytes, packets, address', () => {
		expect(sourceOrders.map((order) => order.label)).toEqual([
			'records',
			'bytes',
			'packets',
			'address',
		]);
	});

	const rejectedSources = {
		...snapshot.flows,
		aggregates: {
			...snapshot.flows?.aggregates,
			rejectedSources: [
				{addr: '10.9.9.9', ports: [80], flows: 5, packets: 900, bytes: 100, where: 'lb'},
				{addr: '10.1.1.1', ports: [22], flows: 50, packets: 10, bytes: 5000, where: 'target'},
				{addr: '9.0.0.1', ports: [25], flows: 7, packets: 70, bytes: 90_000, where: 'lb'},
			],
		},
	} as FlowsView;
	const sources = {...snapshot, flows: rejectedSources};

	it.each([
		[0, ['10.1.1.1', '9.0.0.1', '10.9.9.9']],
		[1, ['9.0.0.1', '10.1.1.1', '10.9.9.9']],
		[2, ['10.9.9.9', '9.0.0.1', '10.1.1.1']],
		[3, ['9.0.0.1', '10.1.1.1', '10.9.9.9']],
	])('sort step %i lists %j', (step, addresses) => {
		const rows = sourcesInView(sources, 'rejected', viewOfFilter(undefined, step));
		expect(rows.map((row) => row.addr)).toEqual(addresses);
	});

	it.each([
		['rejected', '203.0.113.0/24', ['203.0.113.7', '203.0.113.9']],
		['rejected', 'port:3389', ['45.33.32.156']],
		['rejected', 'reject', ['203.0.113.7', '203.0.113.9', '45.33.32.156']],
		['rejected', 'accept', []],
		['accepted', 'accept 443', ['198.51.100.23', '203.0.113.7']],
		['accepted', 'reject', []],
	] as const)('%s under %j keeps %j', (action, filter, addresses) => {
		const rows = sourcesInView(snapshot, action, viewOfFilter(filter));
		expect(rows.map((row) => row.addr)).toEqual(addresses);
	});
});

describe('changes', () => {
	it.each([
		[0, ['ev-denied', 'ev-revoke', 'ev-old']],
		[1, ['ev-old', 'ev-revoke', 'ev-denied']],
		[2, ['ev-denied', 'ev-revoke', 'ev-old']],
	])('sort step %i lists %j (newest, then oldest first)', (step, ids) => {
		expect(changesInView(snapshot, viewOfFilter(undefined, step)).map((row) => row.id)).toEqual(
			ids,
		);
	});

	it.each([
		['revoke', ['ev-revoke']],
		['bob', ['ev-denied']],
		['alice', ['ev-revoke']],
		['targetgroup/web', ['ev-denied', 'ev-old']],
		['203.0.113.7', ['ev-revoke']],
		['accessdenied', ['ev-denied']],
		['192.0.2.0/24', ['ev-denied']],
		['i-0abc1234', ['ev-old']],
		['8443', ['ev-revoke', 'ev-old']],
	])('%j keeps %j', (filter, ids) => {
		expect(changesInView(snapshot, viewOfFilter(filter)).map((row) => row.id)).toEqual(ids);
	});
});

describe('metrics', () => {
	it('cycles the catalog order and alarming first', () => {
		expect(seriesOrders([]).map((order) => order.label)).toEqual([
			'catalog order',
			'alarming first',
		]);
	});

	it.each([
		[0, ['new', 'active', 'bytes', 'healthy', 'resets', 'latency']],
		[1, ['healthy', 'new', 'active', 'bytes', 'resets', 'latency']],
	])('sort step %i lists %j', (step, ids) => {
		expect(seriesInView(snapshot, viewOfFilter(undefined, step)).map((row) => row.id)).toEqual(ids);
	});

	it('puts INSUFFICIENT_DATA after ALARM and before quiet series', () => {
		const metrics = snapshot.metrics;
		const alarms = [
			...(metrics?.alarms ?? []),
			{
				name: 'latency',
				state: 'INSUFFICIENT_DATA' as const,
				reason: 'no data',
				since: 0,
				metricName: 'TargetResponseTime',
				dimensions: {LoadBalancer: 'net/web-nlb/50dc6c495c0c9188'},
			},
		];
		const withAlarms = {...snapshot, metrics: {series: metrics?.series ?? [], alarms}};
		const rows = seriesInView(withAlarms, viewOfFilter(undefined, 1));
		expect(rows.map((row) => row.id)).toEqual([
			'healthy',
			'latency',
			'new',
			'active',
			'bytes',
			'resets',
		]);
	});

	it.each([
		['flows', ['new', 'active']],
		['resets', ['resets']],
		['HealthyHostCount', ['healthy']],
		['us-east-1a', []],
	])('%j keeps %j', (filter, ids) => {
		expect(seriesInView(snapshot, viewOfFilter(filter)).map((row) => row.id)).toEqual(ids);
	});

	it('matches an AZ against the per-AZ series of that AZ', () => {
		const [first] = snapshot.metrics?.series ?? [];
		if (first === undefined) {
			throw new Error('the fixture has series');
		}
		const perZone = ['us-east-1a', 'us-east-1b'].map((zone) => ({
			...first,
			id: zone,
			dimensions: {...first.dimensions, AvailabilityZone: zone},
		}));
		const metrics = {series: [first, ...perZone], alarms: []};
		const rows = seriesInView({metrics}, viewOfFilter('us-east-1b'));
		expect(rows.map((row) => row.id)).toEqual(['us-east-1b']);
	});
});

describe('findings', () => {
	it('lists every finding, most severe first', () => {
		expect(findingsInView(snapshot).map((row) => row.id)).toEqual(['f-sg', 'f-health', 'f-scan']);
	});
});
