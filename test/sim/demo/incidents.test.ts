import {describe, expect, it} from 'vitest';
import type {DemoIncident} from '../../../source/sim/demo/demo-world.js';
import type {World} from '../../../source/sim/world/types.js';
import {
	instanceInterfaceIds,
	loadBalancerInterfaces,
	metricsAt,
	minute,
	now,
	type ParsedRecord,
	smallDemo,
	streamRecords,
} from './demo-helpers.js';

const demo = smallDemo();
const {world} = demo;

function settled(kind: DemoIncident['kind']): DemoIncident {
	const incident = demo
		.timeline()
		.filter((item) => item.kind === kind && item.end < now - 5 * minute)
		.at(-1);
	if (incident === undefined) {
		throw new Error(`no settled ${kind} incident in the history`);
	}
	return incident;
}

function within(record: ParsedRecord, from: number, to: number): boolean {
	return record.start * 1000 >= from && record.end * 1000 < to;
}

function recordsOn(target: World, interfaceIds: readonly string[]): ParsedRecord[] {
	return interfaceIds.flatMap((id) => streamRecords(target, id));
}

const lbInterfaces = loadBalancerInterfaces(world);
const lbAddresses = new Set(lbInterfaces.map((item) => item.privateIpAddress));
const lbRecords = recordsOn(
	world,
	lbInterfaces.map((item) => item.networkInterfaceId),
);
const webRecords = recordsOn(world, instanceInterfaceIds(world, 'web-'));
const isClientToWeb = (record: ParsedRecord) =>
	record.dstPort === 80 && !lbAddresses.has(record.srcAddr);

describe('the timeline', () => {
	it('repeats a 30-minute cycle of three incidents, oldest first', () => {
		const incidents = demo.timeline();
		const kinds = incidents.slice(0, 6).map((incident) => incident.kind);
		expect(new Set(kinds)).toEqual(
			new Set(['security-group-revoked', 'port-scan', 'target-resets']),
		);
		const starts = incidents.map((incident) => incident.start);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const revokes = incidents.filter((incident) => incident.kind === 'security-group-revoked');
		expect((revokes[1]?.start ?? 0) - (revokes[0]?.start ?? 0)).toBe(30 * minute);
	});

	it('starts a new world seven minutes into the security-group incident', () => {
		const current = demo.timeline().find((item) => item.start <= now && now < item.end);
		expect(current?.kind).toBe('security-group-revoked');
		expect(now - (current?.start ?? 0)).toBe(7 * minute);
	});
});

describe('the security-group incident', () => {
	const incident = settled('security-group-revoked');
	const during = webRecords.filter(
		(record) => isClientToWeb(record) && within(record, incident.start + 1000, incident.end - 1000),
	);

	it('shows ACCEPT on the NLB interface and REJECT on the instance interface for the same client', () => {
		expect(during.length).toBeGreaterThan(10);
		expect(during.every((record) => record.action === 'REJECT')).toBe(true);
		for (const rejected of during.slice(0, 20)) {
			const seenByLb = lbRecords.filter(
				(record) => record.srcAddr === rejected.srcAddr && record.srcPort === rejected.srcPort,
			);
			const frontend = seenByLb.find(
				(record) => lbAddresses.has(record.dstAddr) && record.dstPort === 80,
			);
			const backend = seenByLb.find((record) => record.dstAddr !== frontend?.dstAddr);
			expect(frontend?.action).toBe('ACCEPT');
			expect(backend?.action).toBe('ACCEPT');
			expect(backend?.dstAddr).toBe(rejected.dstAddr);
		}
	});

	it('leaves client traffic to the instances accepted outside the incident', () => {
		const quiet = webRecords.filter(
			(record) =>
				isClientToWeb(record) && within(record, incident.end + minute, incident.end + 3 * minute),
		);
		expect(quiet.length).toBeGreaterThan(0);
		expect(quiet.every((record) => record.action === 'ACCEPT')).toBe(true);
	});

	it('raises UnHealthyHostCount for the web target group while the rule is gone', () => {
		const webGroup = world.targetGroups.find((group) => group.targetGroupName === 'demo-web');
		const unhealthy = metricsAt(world).filter(
			(datum) =>
				datum.metricName === 'UnHealthyHostCount' &&
				datum.dimensions.length === 2 &&
				datum.dimensions.some((dimension) =>
					dimension.value.includes(`/${webGroup?.targetGroupName}/`),
				),
		);
		const peak = (from: number, to: number) =>
			Math.max(
				...unhealthy
					.filter((datum) => datum.timestamp >= from && datum.timestamp < to)
					.flatMap((datum) => datum.values),
			);
		expect(peak(incident.start + minute, incident.end - minute)).toBe(4);
		expect(peak(incident.end + 2 * minute, incident.end + 4 * minute)).toBe(0);
	});

	it('records who revoked the rule and who restored it in CloudTrail', () => {
		const changes = world.cloudTrailEvents.filter(
			(event) => event.eventTime >= incident.start && event.eventTime <= incident.end,
		);
		const revoke = changes.find((event) => event.eventName === 'RevokeSecurityGroupIngress');
		const authorize = changes.find((event) => event.eventName === 'AuthorizeSecurityGroupIngress');
		const webSg = world.securityGroups.find((group) => group.groupName === 'web-sg');
		expect(revoke?.eventTime).toBe(incident.start);
		expect(authorize?.eventTime).toBe(incident.end);
		expect(revoke?.resources).toEqual([
			{resourceType: 'AWS::EC2::SecurityGroup', resourceName: webSg?.groupId},
		]);
		const record: unknown = JSON.parse(revoke?.cloudTrailEvent ?? '{}');
		expect(record).toMatchObject({
			eventSource: 'ec2.amazonaws.com',
			userIdentity: {type: 'AssumedRole'},
			requestParameters: {
				groupId: webSg?.groupId,
				ipPermissions: {items: [{fromPort: 80, toPort: 80}]},
			},
		});
		expect(JSON.stringify(record)).toContain('Terraform');
	});

	it('is in progress at creation: web-sg lacks the rule and the web targets are unhealthy', () => {
		const webSg = world.securityGroups.find((group) => group.groupName === 'web-sg');
		expect(webSg?.ingress.some((rule) => rule.fromPort === 80)).toBe(false);
		const webGroup = world.targetGroups.find((group) => group.targetGroupName === 'demo-web');
		const health = world.targets.filter(
			(target) => target.targetGroupArn === webGroup?.targetGroupArn,
		);
		expect(health.map((target) => target.health.state)).toEqual([
			'unhealthy',
			'unhealthy',
			'unhealthy',
			'unhealthy',
		]);
		expect(
			world.alarms.find((alarm) => alarm.metricName === 'UnHealthyHostCount')?.stateValue,
		).toBe('ALARM');
	});

	it('restores the rule, the health and the alarm after the revert', () => {
		const later = smallDemo({historyMs: 20 * minute});
		later.advanceTo(now + 7 * minute);
		const webSg = later.world.securityGroups.find((group) => group.groupName === 'web-sg');
		expect(
			webSg?.ingress.some((rule) => rule.fromPort === 80 && rule.cidrIpv4 === '0.0.0.0/0'),
		).toBe(true);
		expect(later.world.targets.every((target) => target.health.state === 'healthy')).toBe(true);
		expect(
			later.world.alarms.find((alarm) => alarm.metricName === 'UnHealthyHostCount')?.stateValue,
		).toBe('OK');
	});
});

describe('the port scan', () => {
	const incident = settled('port-scan');
	const scanner = lbRecords.filter((record) => record.srcAddr === '216.160.83.56');

	it('comes from one source probing many ports, all rejected at the NLB interface', () => {
		const during = scanner.filter((record) => within(record, incident.start, incident.end + 1000));
		expect(new Set(during.map((record) => record.dstPort)).size).toBeGreaterThan(100);
		expect(
			during.every((record) => record.action === 'REJECT' && lbAddresses.has(record.dstAddr)),
		).toBe(true);
		expect(new Set(during.map((record) => record.interfaceId)).size).toBe(2);
	});

	it('is absent outside its window', () => {
		const outside = scanner.filter(
			(record) => record.start * 1000 < incident.start || record.start * 1000 >= incident.end,
		);
		const otherScans = demo.timeline().filter((item) => item.kind === 'port-scan');
		const inAnotherScan = outside.every((record) =>
			otherScans.some(
				(item) => record.start * 1000 >= item.start && record.start * 1000 < item.end,
			),
		);
		expect(inAnotherScan).toBe(true);
	});
});

describe('the target reset burst', () => {
	const incident = settled('target-resets');

	it('spikes TCP_Target_Reset_Count over the alarm threshold', () => {
		const alarm = world.alarms.find((item) => item.metricName === 'TCP_Target_Reset_Count');
		const resets = metricsAt(world).filter(
			(datum) => datum.metricName === 'TCP_Target_Reset_Count' && datum.dimensions.length === 1,
		);
		const sum = (from: number, to: number) =>
			resets
				.filter((datum) => datum.timestamp >= from && datum.timestamp < to)
				.reduce((total, datum) => total + (datum.values[0] ?? 0), 0);
		const burst = sum(Math.floor(incident.start / minute) * minute, incident.end);
		const quiet = sum(incident.end + 2 * minute, incident.end + 4 * minute);
		expect(burst).toBeGreaterThan(2 * (alarm?.threshold ?? 0));
		expect(quiet).toBeLessThanOrEqual(alarm?.threshold ?? 0);
	});

	it('fires the resets alarm during the burst and clears it after', () => {
		const later = smallDemo({historyMs: 20 * minute});
		const [next] = later
			.timeline()
			.filter((item) => item.kind === 'target-resets' && item.start > now);
		later.advanceTo((next?.end ?? 0) + minute);
		const alarm = () =>
			later.world.alarms.find((item) => item.metricName === 'TCP_Target_Reset_Count');
		expect(alarm()?.stateValue).toBe('ALARM');
		later.advanceTo((next?.end ?? 0) + 6 * minute);
		expect(alarm()?.stateValue).toBe('OK');
	});
});
