// The held raw records after any sequence of full and fresh reads are exactly what a plain merge
// gives (every held and read record by eventId, the read's winning, older than keepFrom dropped,
// then trimRecords): the same records, the same objects, in the same order, whatever the bound.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	addRawRecords,
	countByBucket,
	emptyRawHold,
	type HeldRecord,
	mergeRawRead,
	type RawHold,
	trimRecords,
} from '../../../source/domain/flows-window/index.js';

const t0 = 1_714_564_800;

const heldRecord = fc
	.record({
		id: fc.integer({min: 0, max: 40}),
		// Few distinct seconds: ties in time, and so in which connection is newest, are common.
		second: fc.integer({min: 0, max: 12}).map((step) => step * 50),
		reject: fc.boolean(),
		client: fc.integer({min: 0, max: 5}),
		addressed: fc.boolean(),
	})
	.map(
		({id, second, reject, client, addressed}): HeldRecord => ({
			eventId: `e${id}`,
			timestamp: (t0 + second) * 1000,
			record: {
				interfaceId: 'eni-0aaa',
				logStatus: 'OK',
				start: t0 + second,
				end: t0 + second + 60,
				action: reject ? 'REJECT' : 'ACCEPT',
				extra: {},
				...(addressed
					? {
							srcAddr: `198.51.100.${client}`,
							srcPort: 40_000 + client,
							dstAddr: '10.0.0.10',
							dstPort: 80,
						}
					: {}),
			},
		}),
	);

const step = fc.record({
	kind: fc.constantFrom('merge', 'add'),
	records: fc.array(heldRecord, {maxLength: 25}),
	keepFrom: fc.integer({min: 0, max: 400}),
	maxRecords: fc.option(fc.integer({min: 0, max: 30}), {nil: undefined}),
});

function plainRecords(
	hold: readonly HeldRecord[],
	read: readonly HeldRecord[],
	keepFrom: number,
	maxRecords: number,
): HeldRecord[] {
	const byId = new Map<string, HeldRecord>();
	for (const record of [...hold, ...read]) {
		if (record.timestamp >= keepFrom * 1000) {
			byId.set(record.eventId, record);
		}
	}

	return trimRecords([...byId.values()], maxRecords);
}

describe('held raw records', () => {
	it('are what a plain merge of every read gives, after any sequence of reads', () => {
		fc.assert(
			fc.property(fc.array(step, {minLength: 1, maxLength: 12}), (steps) => {
				let hold: RawHold = emptyRawHold;
				let expected: readonly HeldRecord[] = [];
				for (const {kind, records, keepFrom, maxRecords} of steps) {
					const read = {
						records,
						counts: countByBucket(
							records.map((record) => ({timestamp: record.timestamp, malformed: false})),
							60,
						),
					};
					const options = {
						keepFrom: t0 + keepFrom,
						...(maxRecords === undefined ? {} : {maxRecords}),
					};
					hold = (kind === 'merge' ? mergeRawRead : addRawRecords)(hold, read, options);
					expected = plainRecords(expected, records, t0 + keepFrom, maxRecords ?? 3000);
					expect(hold.records.length).toBe(expected.length);
					hold.records.forEach((record, index) => {
						expect(record).toBe(expected[index]);
					});
				}
			}),
			{numRuns: 300},
		);
	});
});
