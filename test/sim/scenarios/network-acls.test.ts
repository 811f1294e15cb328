// The network ACL incidents of examples/, as the sim serves them: a stateless ACL judges each
// direction on its own, so where and in which direction records are rejected names the rule.
import {describe, expect, it} from 'vitest';
import {awsJson} from '../server/aws-cli.js';
import {
	type FlowRecord,
	flagsOf,
	isPrivate,
	loadBalancerInterfaces,
	minute,
	now,
	servePair,
	targetInterfaces,
} from './harness.js';

/** Settled minutes well after the changes (at -12m and -10m), all delivered by now. */
const since = now - 9 * minute;
const until = now - 4 * minute;

function on(records: readonly FlowRecord[], interfaces: readonly string[]) {
	return records.filter((record) => interfaces.includes(record['interface-id'] ?? ''));
}

describe('a network ACL on the targets’ subnets blocks the return traffic', () => {
	const pair = servePair('nacl-blocks-return-traffic', since, until);

	it('logs the clients’ SYNs ACCEPTed coming in and the SYN-ACKs REJECTed going out at each target', () => {
		const targets = on(pair().records, targetInterfaces(pair().incident));
		const clientSyns = targets.filter(
			(record) =>
				record['flow-direction'] === 'ingress' &&
				!isPrivate(record.srcaddr) &&
				record.dstport === '8080',
		);
		const rejectedReplies = targets.filter((record) => record.action === 'REJECT');
		expect(clientSyns.length).toBeGreaterThan(50);
		expect(clientSyns.every((record) => record.action === 'ACCEPT' && flagsOf(record) === 2)).toBe(
			true,
		);
		expect(rejectedReplies.length).toBeGreaterThan(50);
		for (const reply of rejectedReplies) {
			expect(reply['flow-direction']).toBe('egress');
			expect(flagsOf(reply)).toBe(18);
			expect(reply.srcport).toBe('8080');
			expect(Number(reply.dstport)).toBeGreaterThanOrEqual(1024);
			expect(isPrivate(reply.dstaddr)).toBe(false);
		}
		expect(new Set(rejectedReplies.map((record) => record['interface-id'])).size).toBe(4);
	});

	it('serves the same REJECTs to the AWS CLI with a filter pattern', async () => {
		const answer = await awsJson(pair().incident.url, [
			'logs',
			'filter-log-events',
			'--log-group-name',
			'/vpc/flow-logs',
			'--start-time',
			String(since),
			'--end-time',
			String(until),
			'--filter-pattern',
			'REJECT',
		]);
		const messages = ((answer as {events?: {message: string}[]}).events ?? []).map(
			(event) => event.message,
		);
		expect(messages.length).toBeGreaterThan(50);
		const targetRejects = messages.filter((message) =>
			targetInterfaces(pair().incident).some((eni) => message.includes(` ${eni} `)),
		);
		expect(targetRejects.length).toBe(
			on(pair().records, targetInterfaces(pair().incident)).filter(
				(record) => record.action === 'REJECT',
			).length,
		);
		expect(
			targetRejects.every((message) =>
				/ 8080 \d+ 6 .* REJECT OK .* 18 IPv4 .* egress /.test(message),
			),
		).toBe(true);
	});

	it('rejects nothing at the LB but probes of ports that are no listener', () => {
		const rejected = on(pair().records, loadBalancerInterfaces(pair().incident)).filter(
			(record) => record.action === 'REJECT',
		);
		expect(rejected.every((record) => record.dstport !== '80')).toBe(true);
	});

	it('keeps the targets healthy, as the health checks come from inside the VPC', async () => {
		expect((await pair().incident.targetHealth()).map((target) => target.state)).toEqual([
			'healthy',
			'healthy',
			'healthy',
			'healthy',
		]);
		expect(await pair().incident.changes()).toContain('ReplaceNetworkAclEntry');
	});

	it('has a healthy pair().twin whose replies all get out', () => {
		const targets = on(pair().twinRecords, targetInterfaces(pair().twin));
		expect(targets.length).toBeGreaterThan(100);
		expect(targets.filter((record) => record.action === 'REJECT')).toEqual([]);
		expect(
			targets.some(
				(record) => record['flow-direction'] === 'egress' && (flagsOf(record) & 18) === 18,
			),
		).toBe(true);
	});
});

describe('a network ACL on the LB’s subnets denies one client range', () => {
	const pair = servePair('nacl-denies-client-range', since, until);
	const denied = (record: FlowRecord) => (record.srcaddr ?? '').startsWith('203.0.113.');

	it('REJECTs that range, and only that range, at the LB’s interfaces', () => {
		const front = on(pair().records, loadBalancerInterfaces(pair().incident)).filter(
			(record) => record.dstport === '80',
		);
		const fromRange = front.filter(denied);
		expect(fromRange.length).toBeGreaterThan(20);
		expect(
			fromRange.every(
				(record) => record.action === 'REJECT' && record['flow-direction'] === 'ingress',
			),
		).toBe(true);
		const others = front.filter((record) => !denied(record) && !isPrivate(record.srcaddr));
		expect(others.length).toBeGreaterThan(20);
		expect(others.every((record) => record.action === 'ACCEPT')).toBe(true);
	});

	it('leaves no trace of the range at the targets, and names the change', async () => {
		expect(on(pair().records, targetInterfaces(pair().incident)).filter(denied)).toEqual([]);
		expect(
			on(pair().records, targetInterfaces(pair().incident)).filter(
				(record) => record.action === 'REJECT',
			),
		).toEqual([]);
		expect(await pair().incident.changes()).toContain('CreateNetworkAclEntry');
	});

	it('has a healthy pair().twin that accepts the range', () => {
		const fromRange = on(pair().twinRecords, loadBalancerInterfaces(pair().twin)).filter(denied);
		expect(fromRange.length).toBeGreaterThan(20);
		expect(fromRange.every((record) => record.action === 'ACCEPT')).toBe(true);
	});
});
