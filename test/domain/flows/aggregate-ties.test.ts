// Aggregates where entries tie, pinned to the order they have always come in: busiest first, then
// by address (as text) or port, then in the order first seen; the same through combineAggregates.
import {describe, expect, it} from 'vitest';
import {aggregateRecords} from '../../../source/domain/flows/aggregate.js';
import {combineAggregates} from '../../../source/domain/flows/combine-aggregates.js';
import type {FlowAggregates} from '../../../source/domain/types/flows.js';
import {nlbTopology, records} from './fixtures.js';
import {aggregateSummary, tieLines} from './tie-records.js';

const topology = nlbTopology({preserveClientIp: true});

describe('aggregates with ties', () => {
	const aggregates = aggregateRecords(records(tieLines), topology, {bucketSeconds: 60});

	it("orders the records' sources, ports, interfaces and buckets", () => {
		expect(aggregateSummary(aggregates)).toEqual([
			'accepted 4/40/4000 rejected 4/4/160',
			'source 10.0.0.1 - 1/10/1000 [80]',
			'source 9.0.0.1 - 1/10/1000 [80]',
			'source 9.0.0.2 - 1/10/1000 [443]',
			'source 192.0.2.66 target 1/1/40 [8080]',
			'source 192.0.2.66 lb 1/1/40 [22]',
			'source 192.0.2.67 lb 1/1/40 [23]',
			'source 192.0.2.68 lb 1/1/40 [22]',
			'port 80 - 2/20/2000',
			'port 443 - 1/10/1000',
			'port 22 lb 2/2/80',
			'port 23 lb 1/1/40',
			'port 8080 target 1/1/40',
			'interface eni-0aaa000000000000a us-east-1a ACCEPT 2/20/2000',
			'interface eni-0aaa000000000000a us-east-1a REJECT 2/2/80',
			'interface eni-0bbb000000000000b us-east-1b ACCEPT 1/10/1000',
			'interface eni-0bbb000000000000b us-east-1b REJECT 1/1/40',
			'interface eni-0ccc00000000000c1 us-east-1a REJECT 1/1/40',
			'interface eni-0elsewhere000000 - ACCEPT 1/10/1000',
			'bucket 1699999980 3/2/3080 provisional',
			'bucket 1700000040 1/2/1080 provisional',
			'every 60 s, provisional',
		]);
	});

	it('keeps the busiest first within the limit, at the precision asked for', () => {
		const limited = aggregateRecords(records(tieLines), topology, {
			bucketSeconds: 60,
			limit: 2,
			precision: 'sampled',
		});
		expect(aggregateSummary(limited)).toEqual([
			'accepted 4/40/4000 rejected 4/4/160',
			'source 10.0.0.1 - 1/10/1000 [80]',
			'source 9.0.0.1 - 1/10/1000 [80]',
			'source 192.0.2.66 target 1/1/40 [8080]',
			'source 192.0.2.66 lb 1/1/40 [22]',
			'port 80 - 2/20/2000',
			'port 443 - 1/10/1000',
			'port 22 lb 2/2/80',
			'port 23 lb 1/1/40',
			'interface eni-0aaa000000000000a us-east-1a ACCEPT 2/20/2000',
			'interface eni-0aaa000000000000a us-east-1a REJECT 2/2/80',
			'interface eni-0bbb000000000000b us-east-1b ACCEPT 1/10/1000',
			'interface eni-0bbb000000000000b us-east-1b REJECT 1/1/40',
			'interface eni-0ccc00000000000c1 us-east-1a REJECT 1/1/40',
			'interface eni-0elsewhere000000 - ACCEPT 1/10/1000',
			'bucket 1699999980 3/2/3080 sampled',
			'bucket 1700000040 1/2/1080 sampled',
			'every 60 s, sampled',
		]);
	});

	it('combines with a coarser exact part into the coarser buckets, as precise as the least', () => {
		const exactPart: FlowAggregates = {
			...aggregates,
			precision: 'exact',
			bucketSeconds: 120,
			timeline: aggregates.timeline.map((bucket) => ({...bucket, precision: 'exact'})),
		};
		expect(aggregateSummary(combineAggregates([aggregates, exactPart], 3))).toEqual([
			'accepted 8/80/8000 rejected 8/8/320',
			'source 10.0.0.1 - 2/20/2000 [80]',
			'source 9.0.0.1 - 2/20/2000 [80]',
			'source 9.0.0.2 - 2/20/2000 [443]',
			'source 192.0.2.66 target 2/2/80 [8080]',
			'source 192.0.2.66 lb 2/2/80 [22]',
			'source 192.0.2.67 lb 2/2/80 [23]',
			'port 80 - 4/40/4000',
			'port 443 - 2/20/2000',
			'port 22 lb 4/4/160',
			'port 23 lb 2/2/80',
			'port 8080 target 2/2/80',
			'interface eni-0aaa000000000000a us-east-1a ACCEPT 4/40/4000',
			'interface eni-0aaa000000000000a us-east-1a REJECT 4/4/160',
			'interface eni-0bbb000000000000b us-east-1b ACCEPT 2/20/2000',
			'interface eni-0bbb000000000000b us-east-1b REJECT 2/2/80',
			'interface eni-0ccc00000000000c1 us-east-1a REJECT 2/2/80',
			'interface eni-0elsewhere000000 - ACCEPT 2/20/2000',
			'bucket 1699999920 6/4/6160 provisional',
			'bucket 1700000040 2/4/2160 provisional',
			'every 120 s, provisional',
		]);
	});
});
