// The documented semantics the traffic model derives records from, on a small hand-written world
// (not the demo, not an example): each case changes one piece of configuration and checks where
// the records say the traffic went.
import {describe, expect, it} from 'vitest';
import {type Json, load, minute, now, records, smallWorld} from './small-world.js';

const from = now - 12 * minute;
const to = now - 5 * minute;
const lbEnis = new Set(['eni-0la', 'eni-0lb']);
const targetEnis = new Set(['eni-0ta', 'eni-0tb']);

function set(path: (world: Json) => void) {
	return smallWorld(path);
}

describe('security groups are stateful', () => {
	it('lets every reply out of a target whose group has no outbound rule at all', () => {
		const served = records(load(smallWorld()), from, to);
		const atTargets = served.filter((record) => targetEnis.has(record.eni));
		expect(atTargets.filter((record) => record.action === 'REJECT')).toEqual([]);
		expect(
			atTargets.filter((record) => record.direction === 'egress' && (record.flags & 18) === 18)
				.length,
		).toBeGreaterThan(50);
	});
});

describe('client IP preservation', () => {
	const vpcOnly = (preserve: boolean) =>
		set((world) => {
			const [group] = world.securityGroups as Json[];
			if (group) group.ingress = [{port: 8080, cidrIpv4: '10.0.0.0/16'}];
			const [targetGroup] = world.targetGroups as Json[];
			if (targetGroup) targetGroup.attributes = {'preserve_client_ip.enabled': preserve};
		});

	it('on: the targets see the clients, so a group that allows only the VPC rejects them (ACCEPT at the LB, REJECT at the target)', () => {
		const served = records(load(vpcOnly(true)), from, to);
		const rejected = served.filter(
			(record) => targetEnis.has(record.eni) && record.action === 'REJECT',
		);
		expect(rejected.length).toBeGreaterThan(20);
		for (const record of rejected.slice(0, 20)) {
			expect(record.src.startsWith('198.51.100.')).toBe(true);
			const atLb = served.filter(
				(other) =>
					lbEnis.has(other.eni) && other.src === record.src && other.srcPort === record.srcPort,
			);
			expect(atLb.map((other) => other.action)).toEqual(['ACCEPT', 'ACCEPT']);
		}
	});

	it('off: the targets see the LB’s own addresses, which the same group allows', () => {
		const served = records(load(vpcOnly(false)), from, to);
		const atTargets = served.filter((record) => targetEnis.has(record.eni));
		expect(atTargets.filter((record) => record.action === 'REJECT')).toEqual([]);
		const sources = new Set(
			atTargets.filter((record) => record.direction === 'ingress').map((record) => record.src),
		);
		expect(sources).toEqual(new Set(['10.0.0.9', '10.0.1.9']));
	});
});

describe('network ACLs apply at subnet edges', () => {
	const lbAcl = (targetSubnet: string) =>
		set((world) => {
			(world.networkAcls as Json[]).push({
				networkAclId: 'acl-0pub',
				subnetIds: ['subnet-0pa', 'subnet-0pb'],
				entries: [
					{ruleNumber: 100, ruleAction: 'allow', cidrBlock: '0.0.0.0/0'},
					{
						ruleNumber: 50,
						egress: true,
						protocol: 'tcp',
						port: 8080,
						ruleAction: 'deny',
						cidrBlock: '10.0.0.0/16',
					},
					{ruleNumber: 100, egress: true, ruleAction: 'allow', cidrBlock: '0.0.0.0/0'},
				],
			});
			const instances = world.instances as Json[];
			for (const instance of instances)
				instance.subnetId =
					targetSubnet === 'same'
						? instance.instanceId === 'i-0a'
							? 'subnet-0pa'
							: 'subnet-0pb'
						: instance.subnetId;
			if (targetSubnet === 'same') {
				(instances[0] as Json).privateIpAddress = '10.0.0.50';
				(instances[1] as Json).privateIpAddress = '10.0.1.50';
			}
		});

	it('rejects the backend leg leaving the LB’s subnet when its outbound rule denies the target port', () => {
		const served = records(load(lbAcl('app')), from, to);
		const backend = served.filter((record) => lbEnis.has(record.eni) && record.dstPort === 8080);
		expect(backend.length).toBeGreaterThan(20);
		expect(
			backend.every((record) => record.action === 'REJECT' && record.direction === 'egress'),
		).toBe(true);
	});

	it('does not apply between the LB and a target in the same subnet', () => {
		const served = records(load(lbAcl('same')), from, to);
		expect(
			served.filter((record) => record.action === 'REJECT' && record.dstPort === 8080),
		).toEqual([]);
	});
});

describe('target health', () => {
	const stopsServingAt = now - 10 * minute;
	const stopped = () =>
		set((world) => {
			(world.traffic as Json).changes = [
				{at: new Date(stopsServingAt).toISOString(), host: {targets: ['i-0a'], listens: [9999]}},
			];
		});
	const stateAt = (at: number) =>
		load(stopped(), at).world.targets.find((target) => target.id === 'i-0a')?.health.state;

	it('turns unhealthy after unhealthyThresholdCount failed checks, one interval apart', () => {
		expect(stateAt(stopsServingAt + 19_000)).toBe('healthy');
		expect(stateAt(stopsServingAt + 21_000)).toBe('unhealthy');
	});

	it('sends a zone’s new connections to its unhealthy target when it is the zone’s only one (cross-zone off)', () => {
		const served = records(load(stopped()), from, to);
		const resets = served.filter(
			(record) => record.eni === 'eni-0ta' && record.direction === 'egress' && record.flags === 4,
		);
		expect(resets.length).toBeGreaterThan(10);
	});
});

describe('populations are independent', () => {
	it('leaves one population’s records as they were when another is added', () => {
		const alone = records(load(smallWorld()), from, to).filter((record) =>
			record.src.startsWith('198.51.100.'),
		);
		const crowded = records(
			load(
				set((world) => {
					(world.traffic as {clients: Json[]}).clients.push({
						name: 'others',
						cidrs: ['203.0.113.0/24'],
						connectionsPerMinute: 30,
					});
				}),
			),
			from,
			to,
		).filter((record) => record.src.startsWith('198.51.100.'));
		expect(crowded).toEqual(alone);
	});
});

describe('records of a flow log whatever its destination', () => {
	it('gives an S3 flow log’s records of a range with their delivery time, and no CloudWatch stream', () => {
		const model = load(
			set((world) => {
				(world.flowLogs as Json[]).push({
					flowLogId: 'fl-0s3',
					resourceId: 'eni-0la',
					logDestinationType: 's3',
					logDestination: 'arn:aws:s3:::flow-bucket',
					maxAggregationInterval: 60,
				});
			}),
		);
		const delivered = [...(model.model?.flowLogRecords('fl-0s3', from, to) ?? [])];
		expect(delivered.length).toBeGreaterThan(50);
		expect(delivered.every((record) => record.interfaceId === 'eni-0la')).toBe(true);
		expect(delivered.every((record) => record.timestamp >= from && record.timestamp < to)).toBe(
			true,
		);
		expect(delivered.every((record) => record.deliveredAt > record.timestamp + 60_000)).toBe(true);
		expect(
			delivered.every(
				(record) =>
					/^2 123456789012 eni-0la /.test(record.message) ||
					/^2 unknown eni-0la /.test(record.message),
			),
		).toBe(true);
		expect(model.world.logGroups.flatMap((group) => group.streams).length).toBe(4);
	});
});
