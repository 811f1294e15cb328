// The two healthy worlds of examples/, for telling incidents from their normal background: what
// they serve is all accepted except what a healthy internet-facing LB always rejects.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	type FlowRecord,
	flagsOf,
	loadBalancerInterfaces,
	minute,
	now,
	type Served,
	serveExample,
	targetInterfaces,
} from './harness.js';

const listenerPorts = new Set(['80']);

/** What a healthy LB rejects: probes of ports that are no listener, and packets after a close. */
function expectedRejects(served: Served, records: readonly FlowRecord[]) {
	const rejected = records.filter((record) => record.action === 'REJECT');
	const probes = rejected.filter((record) => !listenerPorts.has(record.dstport ?? ''));
	const late = rejected.filter((record) => listenerPorts.has(record.dstport ?? ''));
	expect(
		rejected.every((record) =>
			loadBalancerInterfaces(served).includes(record['interface-id'] ?? ''),
		),
	).toBe(true);
	expect(rejected.every((record) => record['flow-direction'] === 'ingress')).toBe(true);
	return {rejected, probes, late};
}

describe('a quiet healthy NLB', () => {
	let served: Served;
	let records: FlowRecord[];
	beforeAll(async () => {
		served = await serveExample('healthy-quiet-nlb');
		records = await served.records(now - 60 * minute, now);
	});
	afterAll(() => served.close());

	it('carries a few connections a minute, every one completing its handshake', () => {
		const clients = records.filter(
			(record) =>
				loadBalancerInterfaces(served).includes(record['interface-id'] ?? '') &&
				record.dstport === '80',
		);
		expect(clients.length / 60).toBeGreaterThan(1);
		expect(clients.length / 60).toBeLessThan(10);
		const answered = records.filter(
			(record) => record.srcport === '80' && (flagsOf(record) & 18) === 18,
		);
		expect(answered.length).toBeGreaterThan(clients.length / 2);
	});

	it('rejects only probes of ports that are no listener, and keeps every target healthy', async () => {
		const {probes, late} = expectedRejects(served, records);
		expect(late).toEqual([]);
		expect(probes.length).toBeGreaterThan(0);
		expect((await served.targetHealth()).every((target) => target.state === 'healthy')).toBe(true);
	});
});

describe('a busy healthy NLB at 100 times the demo’s traffic', () => {
	let served: Served;
	let records: FlowRecord[];
	beforeAll(async () => {
		served = await serveExample('healthy-busy-nlb');
		records = await served.records(now - 6 * minute, now - 5 * minute - 1);
	}, 120_000);
	afterAll(() => served.close());

	it('carries thousands of connections a minute', async () => {
		const newFlows = await served.metric('NewFlowCount', {}, now - 10 * minute, now - 5 * minute);
		expect(Math.min(...newFlows)).toBeGreaterThan(8000);
		expect(records.length).toBeGreaterThan(50_000);
	});

	it('rejects only late packets after a close (never a lone SYN) and probes, at the LB; nothing at the targets', async () => {
		const {late, probes} = expectedRejects(served, records);
		expect(late.length).toBeGreaterThan(20);
		expect(late.every((record) => [0, 1, 4].includes(flagsOf(record)))).toBe(true);
		expect(probes.length).toBeGreaterThan(0);
		expect(probes.every((record) => flagsOf(record) === 2)).toBe(true);
		const atTargets = records.filter((record) =>
			targetInterfaces(served).includes(record['interface-id'] ?? ''),
		);
		expect(atTargets.filter((record) => record.action === 'REJECT')).toEqual([]);
		expect((await served.targetHealth()).every((target) => target.state === 'healthy')).toBe(true);
	});
});
