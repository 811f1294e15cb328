// Incidents about who reaches the LB, as the sim serves them: the LB's own security group
// turning clients away, and an unexpected heavy source setting off an alarm.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	type FlowRecord,
	isPrivate,
	loadBalancerInterfaces,
	minute,
	now,
	type Served,
	serveExample,
	servePair,
	targetInterfaces,
} from './harness.js';

const since = now - 8 * minute;
const until = now - 4 * minute;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('the LB’s own security group changed so that clients are rejected', () => {
	const pair = servePair('lb-security-group-rejects-clients', since, until);

	it('REJECTs the clients at the LB’s interfaces, and none of them reaches a target', () => {
		const clients = pair().records.filter(
			(record) =>
				loadBalancerInterfaces(pair().incident).includes(record['interface-id'] ?? '') &&
				record.dstport === '80',
		);
		expect(clients.length).toBeGreaterThan(50);
		expect(
			clients.every(
				(record) => record.action === 'REJECT' && record['flow-direction'] === 'ingress',
			),
		).toBe(true);
		const atTargets = pair().records.filter(
			(record) =>
				targetInterfaces(pair().incident).includes(record['interface-id'] ?? '') &&
				!isPrivate(record.srcaddr),
		);
		expect(atTargets).toEqual([]);
	});

	it('stops counting them in the metrics while the targets stay healthy; the pair().twin keeps counting', async () => {
		expect(sum(await pair().incident.metric('NewFlowCount', {}, since, until))).toBe(0);
		expect(sum(await pair().twin.metric('NewFlowCount', {}, since, until))).toBeGreaterThan(100);
		expect(
			(await pair().incident.targetHealth()).every((target) => target.state === 'healthy'),
		).toBe(true);
		expect(await pair().incident.changes()).toEqual(
			expect.arrayContaining(['RevokeSecurityGroupIngress', 'AuthorizeSecurityGroupIngress']),
		);
	});
});

describe('an unexpected heavy source', () => {
	let incident: Served;
	let twin: Served;
	beforeAll(async () => {
		incident = await serveExample('incident-unexpected-heavy-source');
		twin = await serveExample('incident-unexpected-heavy-source.healthy-twin');
	});
	afterAll(async () => {
		await incident.close();
		await twin.close();
	});
	const newSource = (record: FlowRecord) =>
		(record.srcaddr ?? '').startsWith('45.155.205.') ||
		(record.srcaddr ?? '').startsWith('193.142.146.');

	it('shows the new addresses, accepted end to end, dominating the frontend legs', async () => {
		const frontend = (await incident.records(since, until)).filter(
			(record) =>
				loadBalancerInterfaces(incident).includes(record['interface-id'] ?? '') &&
				record.dstport === '80',
		);
		const fromNew = frontend.filter(newSource);
		expect(fromNew.length).toBeGreaterThan(frontend.length / 2);
		expect(new Set(fromNew.map((record) => record.srcaddr)).size).toBeLessThanOrEqual(9);
		expect(fromNew.every((record) => record.action === 'ACCEPT')).toBe(true);
		expect((await twin.records(since, until)).filter(newSource)).toEqual([]);
	});

	it('raises NewFlowCount over the alarm’s threshold: ALARM, and OK in the twin', async () => {
		expect(Math.min(...(await incident.metric('NewFlowCount', {}, since, until)))).toBeGreaterThan(
			300,
		);
		expect(await incident.alarmState('shop-nlb-new-flows-high')).toBe('ALARM');
		expect(await twin.alarmState('shop-nlb-new-flows-high')).toBe('OK');
	});
});
