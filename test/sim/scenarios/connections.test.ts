// The connection-level incidents of examples/, as the sim serves them: handshakes that never
// complete, and a target deregistered while it carries connections.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	type FlowRecord,
	flagsOf,
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

describe('handshakes that never complete on an NLB', () => {
	const pair = servePair('handshake-never-completes', since, until);
	const atTargets = (served: Served, all: readonly FlowRecord[]) =>
		all.filter((record) => targetInterfaces(served).includes(record['interface-id'] ?? ''));
	const clientSyns = (all: readonly FlowRecord[]) =>
		all.filter(
			(record) =>
				record['flow-direction'] === 'ingress' &&
				!isPrivate(record.srcaddr) &&
				flagsOf(record) === 2,
		);
	const answeredClients = (all: readonly FlowRecord[]) =>
		all.filter(
			(record) =>
				record['flow-direction'] === 'egress' &&
				!isPrivate(record.dstaddr) &&
				(flagsOf(record) & 18) === 18,
		);

	it('logs the clients’ SYNs ACCEPTed at the targets, with nothing ever coming back', () => {
		const targets = atTargets(pair().incident, pair().records);
		expect(clientSyns(targets).length).toBeGreaterThan(100);
		expect(clientSyns(targets).every((record) => record.action === 'ACCEPT')).toBe(true);
		expect(answeredClients(targets)).toEqual([]);
		expect(targets.filter((record) => record.action === 'REJECT')).toEqual([]);
	});

	it('logs the frontend SYNs ACCEPTed at the LB with no answer to the clients', () => {
		const front = pair().records.filter(
			(record) =>
				loadBalancerInterfaces(pair().incident).includes(record['interface-id'] ?? '') &&
				record.dstport === '80',
		);
		expect(front.filter((record) => flagsOf(record) === 2).length).toBeGreaterThan(100);
		const answered = pair().records.filter(
			(record) =>
				loadBalancerInterfaces(pair().incident).includes(record['interface-id'] ?? '') &&
				record.srcport === '80' &&
				(flagsOf(record) & 18) === 18,
		);
		expect(answered).toEqual([]);
	});

	it('keeps the targets healthy (the checks come from inside the VPC), and the pair().twin completes its handshakes', async () => {
		expect(
			(await pair().incident.targetHealth()).every((target) => target.state === 'healthy'),
		).toBe(true);
		expect(answeredClients(atTargets(pair().twin, pair().twinRecords)).length).toBeGreaterThan(100);
	});
});

describe('a target deregistered in the middle of traffic', () => {
	let incident: Served;
	let twin: Served;
	const deregisteredAt = now - 8 * minute;
	const window = {from: deregisteredAt - minute, to: deregisteredAt + 2 * minute};
	beforeAll(async () => {
		incident = await serveExample('incident-target-deregistered-mid-traffic');
		twin = await serveExample('incident-target-deregistered-mid-traffic.healthy-twin');
	});
	afterAll(async () => {
		await incident.close();
		await twin.close();
	});
	const drained = (served: Served) =>
		served.scenario.world.instances.find((instance) =>
			instance.tags.some((tag) => tag.value === 'app-a-2'),
		);

	it('records the call and drops the target from the group after its deregistration delay', async () => {
		expect(await incident.changes()).toContain('DeregisterTargets');
		const ids = (await incident.targetHealth()).map((target) => target.id);
		expect(ids).not.toContain(drained(incident)?.instanceId);
		expect((await twin.targetHealth()).map((target) => target.id)).toContain(
			drained(twin)?.instanceId,
		);
	});

	it('resets the connections still open when the delay runs out: LB resets, RST flags on the frontend replies', async () => {
		const elbResets = async (served: Served) =>
			(await served.metric('TCP_ELB_Reset_Count', {}, window.from, window.to)).reduce(
				(total, value) => total + value,
				0,
			);
		expect(await elbResets(incident)).toBeGreaterThan((await elbResets(twin)) + 5);
		const records = await incident.records(window.from, window.to);
		const resetReplies = records.filter(
			(record) =>
				loadBalancerInterfaces(incident).includes(record['interface-id'] ?? '') &&
				record.srcport === '80' &&
				(flagsOf(record) & 4) === 4,
		);
		expect(resetReplies.length).toBeGreaterThan(5);
	});

	it('sends the target no new client connection once it is draining', async () => {
		const eni = drained(incident)?.networkInterfaceId;
		const later = await incident.records(deregisteredAt + minute, until);
		const newClients = later.filter(
			(record) =>
				record['interface-id'] === eni && !isPrivate(record.srcaddr) && (flagsOf(record) & 2) === 2,
		);
		expect(newClients).toEqual([]);
	});
});
