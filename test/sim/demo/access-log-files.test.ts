// The demo NLB's access log files are made when read: a file is the same bytes however often it is
// made again (the cache holding a few bodies drops the rest), the files delivered are those of the
// nodes that logged something in the interval.
import {gunzipSync} from 'node:zlib';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {intervalMs} from '../../../source/sim/delivery/access-log-objects.js';
import {demoAccessLogBucket, demoAccessLogs} from '../../../source/sim/demo/demo-access-logs.js';
import {createDemoWorld} from '../../../source/sim/demo/demo-world.js';
import type {S3Object} from '../../../source/sim/world/types.js';
import {hour, minute, now, smallDemo} from './demo-helpers.js';

const filesOf = (objects: readonly S3Object[]) =>
	objects.map((object) => ({
		key: object.key,
		etag: object.etag,
		size: object.size ?? object.body.byteLength,
		body: Buffer.from(object.body).toString('base64'),
	}));

describe('access log files made when read', () => {
	it('are the same bytes, tag and size whenever they are made, in any order', () => {
		const demo = smallDemo({historyMs: hour});
		const bucket = demo.world.dataLake?.buckets.find((item) => item.name === demoAccessLogBucket);
		const objects = bucket?.objects ?? [];
		expect(objects.length).toBeGreaterThan(8);
		const first = filesOf(objects);
		fc.assert(
			fc.property(fc.shuffledSubarray([...objects.keys()], {minLength: 1}), (order) => {
				for (const index of order) {
					const object = objects[index];
					expect(object && filesOf([object])[0]).toEqual(first[index]);
				}
			}),
			{numRuns: 20},
		);
		for (const file of first)
			expect(gunzipSync(Buffer.from(file.body, 'base64')).length).toBeGreaterThan(0);
	});

	it('exist for every node that logged in their interval, and for no other', () => {
		const world = createDemoWorld({seed: 3, now, connectionsPerMinute: 2, historyMs: 0}).world;
		fc.assert(
			fc.property(
				fc.double({min: 0, max: 6, noNaN: true}),
				fc.integer({min: 0, max: 200}),
				(tlsPerMinute, intervals) => {
					const [feed] = demoAccessLogs(world, {seed: 5, tlsPerMinute});
					if (feed?.nodes === undefined) throw new Error('the demo feed names its nodes');
					const end = Math.floor(now / intervalMs) * intervalMs - intervals * intervalMs;
					const logged = new Set<string>();
					for (let at = end - intervalMs; at < end; at += minute) {
						for (const line of feed.minute(at)) logged.add(line.node);
					}
					expect(new Set(feed.nodes(end - intervalMs, end))).toEqual(logged);
				},
			),
			{numRuns: 40},
		);
	});
});
