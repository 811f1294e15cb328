// The target-health incidents of examples/, as the sim serves them: health follows the checks the
// LB's nodes make, and traffic follows health (cross-zone off: a node sends only to its zone).
import {describe, expect, it} from 'vitest';
import {
	type FlowRecord,
	flagsOf,
	loadBalancerInterfaces,
	minute,
	now,
	type Served,
	servePair,
	targetInterfaces,
} from './harness.js';

const since = now - 9 * minute;
const until = now - 4 * minute;
const zoneB = 'us-east-1b';

describe('health checks on the wrong port', () => {
	const pair = servePair('health-check-wrong-port', since, until);

	it('turns every target unhealthy for failed health checks, and the pair().twin’s stay healthy', async () => {
		const health = await pair().incident.targetHealth();
		expect(health.map((target) => target.state)).toEqual([
			'unhealthy',
			'unhealthy',
			'unhealthy',
			'unhealthy',
		]);
		expect(new Set(health.map((target) => target.reason))).toEqual(
			new Set(['Target.FailedHealthChecks']),
		);
		expect((await pair().twin.targetHealth()).every((target) => target.state === 'healthy')).toBe(
			true,
		);
		expect(await pair().incident.changes()).toContain('ModifyTargetGroup');
	});

	it('shows the checks accepted on 8081 and answered with a reset, from the LB’s own addresses', () => {
		const checks = pair().records.filter(
			(record) =>
				targetInterfaces(pair().incident).includes(record['interface-id'] ?? '') &&
				record.dstport === '8081',
		);
		expect(checks.length).toBeGreaterThan(20);
		expect(
			checks.every(
				(record) => record.action === 'ACCEPT' && (record.srcaddr ?? '').startsWith('10.20.'),
			),
		).toBe(true);
		const answers = pair().records.filter(
			(record) =>
				targetInterfaces(pair().incident).includes(record['interface-id'] ?? '') &&
				record.srcport === '8081',
		);
		expect(answers.length).toBeGreaterThan(20);
		expect(answers.every((record) => record.action === 'ACCEPT' && flagsOf(record) === 4)).toBe(
			true,
		);
	});

	it('still completes client connections (the LB fails open), rejecting none of them', async () => {
		const clients = pair().records.filter(
			(record) => record.dstport === '80' && record['flow-direction'] === 'ingress',
		);
		expect(clients.length).toBeGreaterThan(50);
		expect(clients.every((record) => record.action === 'ACCEPT')).toBe(true);
		expect(clients.some((record) => (flagsOf(record) & 1) === 1)).toBe(true);
		const unhealthy = await pair().incident.metric(
			'UnHealthyHostCount',
			{
				TargetGroup:
					pair().incident.scenario.world.targetGroups[0]?.targetGroupArn.split(':').at(-1) ?? '',
			},
			since,
			until,
			'Maximum',
		);
		expect(unhealthy.length).toBeGreaterThan(0);
		expect(unhealthy.every((value) => value === 4)).toBe(true);
	});
});

describe('an AZ with no healthy target while cross-zone load balancing is off', () => {
	const pair = servePair('az-without-healthy-target', since, until);
	const zoneInterface = (served: Served, zone: string) =>
		served.scenario.world.networkInterfaces.find(
			(item) =>
				item.availabilityZone === zone &&
				loadBalancerInterfaces(served).includes(item.networkInterfaceId),
		)?.networkInterfaceId;
	const answersToClients = (all: readonly FlowRecord[], eni: string | undefined) =>
		all.filter(
			(record) =>
				record['interface-id'] === eni &&
				record.srcport === '80' &&
				record['flow-direction'] === 'egress',
		);

	it('has the zone’s targets unhealthy and the other zone’s healthy', async () => {
		const health = await pair().incident.targetHealth();
		const zoneOf = (id: string) =>
			pair().incident.scenario.world.instances.find((instance) => instance.instanceId === id)
				?.availabilityZone;
		expect(
			health.filter((target) => zoneOf(target.id) === zoneB).map((target) => target.state),
		).toEqual(['unhealthy', 'unhealthy']);
		expect(
			health.filter((target) => zoneOf(target.id) !== zoneB).map((target) => target.state),
		).toEqual(['healthy', 'healthy']);
	});

	it('answers the clients of that zone’s address with a reset, while the other zone serves them', () => {
		const zoneBAnswers = answersToClients(pair().records, zoneInterface(pair().incident, zoneB));
		expect(zoneBAnswers.length).toBeGreaterThan(20);
		expect(
			zoneBAnswers.every((record) => record.action === 'ACCEPT' && flagsOf(record) === 4),
		).toBe(true);
		const zoneAAnswers = answersToClients(
			pair().records,
			zoneInterface(pair().incident, 'us-east-1a'),
		);
		expect(zoneAAnswers.filter((record) => (flagsOf(record) & 18) === 18).length).toBeGreaterThan(
			20,
		);
		const twinAnswers = answersToClients(pair().twinRecords, zoneInterface(pair().twin, zoneB));
		expect(twinAnswers.filter((record) => flagsOf(record) === 4).length).toBeLessThan(
			twinAnswers.length / 10,
		);
	});

	it('counts the resets as the targets’ in that zone', async () => {
		const sum = async (served: Served, zone: string) =>
			(
				await served.metric('TCP_Target_Reset_Count', {AvailabilityZone: zone}, since, until)
			).reduce((total, value) => total + value, 0);
		expect(await sum(pair().incident, zoneB)).toBeGreaterThan(50);
		expect(await sum(pair().incident, 'us-east-1a')).toBeLessThan(5);
		expect(await sum(pair().twin, zoneB)).toBeLessThan(5);
	});
});
