import {describe, expect, it} from 'vitest';
import {
	type ExactSlice,
	exactAggregates,
	insightsRowLimit,
} from '../../../source/domain/flows-window/index.js';
import {client, lbA, nlbTopology} from '../flows/fixtures.js';

const topology = nlbTopology({preserveClientIp: true});
const t0 = 1_714_564_800; // 2024-05-01T12:00:00Z

function cells(values: Record<string, string>) {
	return Object.entries(values).map(([field, value]) => ({field, value}));
}

function timelineRow(minute: number, action: string, flows: number) {
	const bucket = new Date((t0 + minute * 60) * 1000).toISOString().replace('T', ' ');
	return cells({
		bucket: bucket.replace('Z', ''),
		action,
		interfaceId: lbA.interfaceId,
		flows: String(flows),
		packets: String(flows * 10),
		bytes: String(flows * 1000),
	});
}

function sourceRow(addr: string, flows: number, minute?: number) {
	const bucket =
		minute === undefined
			? {}
			: {
					bucket: new Date((t0 + minute * 60) * 1000)
						.toISOString()
						.replace('T', ' ')
						.replace('Z', ''),
				};
	return cells({
		...bucket,
		action: 'ACCEPT',
		srcAddr: addr,
		dstPort: '80',
		interfaceId: lbA.interfaceId,
		flows: String(flows),
		packets: '0',
		bytes: '0',
	});
}

const backfill: ExactSlice = {
	range: {start: t0, end: t0 + 600},
	timeline: [timelineRow(0, 'ACCEPT', 5), timelineRow(5, 'ACCEPT', 7), timelineRow(9, 'REJECT', 2)],
	sources: [sourceRow(client, 12)],
};
const batch: ExactSlice = {
	range: {start: t0 + 600, end: t0 + 720},
	timeline: [timelineRow(10, 'ACCEPT', 3)],
	sources: [sourceRow('203.0.113.5', 3)],
};

describe('exactAggregates', () => {
	it('adds up every held slice inside the window, all exact', () => {
		const part = exactAggregates([backfill, batch], t0, topology, 60);
		expect(part?.aggregates.accepted.flows).toBe(15);
		expect(part?.aggregates.rejected.flows).toBe(2);
		expect(part?.aggregates.precision).toBe('exact');
		expect(part?.aggregates.timeline.map((bucket) => bucket.start)).toEqual([
			t0,
			t0 + 300,
			t0 + 540,
			t0 + 600,
		]);
	});

	it('cuts totals and the timeline at the window start, bucket by bucket', () => {
		const part = exactAggregates([backfill, batch], t0 + 300, topology, 60);
		expect(part?.aggregates.accepted.flows).toBe(10);
		expect(part?.aggregates.timeline[0]?.start).toBe(t0 + 300);
	});

	it('cuts source rows at the window start too, bucket by bucket, so the lists add up with the totals', () => {
		const bucketed: ExactSlice = {
			...backfill,
			sources: [sourceRow(client, 5, 0), sourceRow(client, 7, 5), sourceRow(lbA.ip, 2, 9)],
		};
		const part = exactAggregates([bucketed], t0 + 300, topology, 60);
		expect(part?.aggregates.acceptedSources).toEqual([
			{addr: client, ports: [80], flows: 7, packets: 0, bytes: 0},
		]);
		expect(part?.aggregates.accepted.flows).toBe(7);
		expect(part?.aggregates.acceptedFromClients?.flows).toBe(7);
	});

	it("does not claim to know the clients' share when a page of source rows may have been cut", () => {
		const full: ExactSlice = {
			...batch,
			sources: Array.from({length: insightsRowLimit}, (_, index) =>
				sourceRow(`198.18.${Math.floor(index / 250)}.${index % 250}`, 1),
			),
		};
		const part = exactAggregates([full], t0, topology, 60);
		expect(part?.aggregates.acceptedSources).toHaveLength(100);
		expect(part?.aggregates.acceptedFromClients).toBeUndefined();
		expect(exactAggregates([batch], t0, topology, 60)?.aggregates.acceptedFromClients?.flows).toBe(
			3,
		);
	});

	it('keeps a straddling slice source list without buckets until the slice leaves the window', () => {
		const straddling = exactAggregates([backfill, batch], t0 + 300, topology, 60);
		expect(straddling?.aggregates.acceptedSources.map((source) => source.addr)).toEqual([
			client,
			'203.0.113.5',
		]);
		const gone = exactAggregates([backfill, batch], t0 + 600, topology, 60);
		expect(gone?.aggregates.acceptedSources.map((source) => source.addr)).toEqual(['203.0.113.5']);
	});

	it('has no exact part once every slice has slid out', () => {
		expect(exactAggregates([backfill], t0 + 600, topology, 60)).toBeUndefined();
	});
});
