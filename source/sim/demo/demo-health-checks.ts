// The NLB's own health checks: each node checks the targets in its AZ every 10 seconds over TCP
// on the traffic port, from its own private IP. They show in flow logs (on both interfaces) but
// are not counted in the NLB's flow metrics.
import {
	type DemoConnection,
	minuteMs,
	synBytes,
	synPackets,
	type TrafficContext,
} from './demo-connection.js';
import type {Random} from './prng.js';

export function healthChecks(
	context: TrafficContext,
	random: Random,
	minuteStart: number,
): DemoConnection[] {
	const {topology} = context;
	const checks: DemoConnection[] = [];
	for (const node of topology.nodes) {
		for (const group of [topology.web, topology.api]) {
			for (const target of group.targets) {
				if (target.availabilityZone !== node.availabilityZone) {
					continue;
				}
				const phase =
					context.healthCheckPhases.get(
						`${node.networkInterfaceId} ${target.networkInterfaceId}`,
					) ?? 0;
				for (let offset = phase; offset < minuteMs; offset += 10_000) {
					const start = minuteStart + offset;
					const addresses = {
						srcAddr: node.privateIp,
						srcPort: random.int(1024, 65_535),
						dstAddr: target.privateIp,
						dstPort: target.port,
					};
					const blocked = group.key === 'web' && context.timeline.securityGroupRevoked(start);
					const forward = blocked
						? {packets: synPackets, bytes: synBytes}
						: {packets: 3, bytes: 164};
					const reverse = {packets: 2, bytes: 112, action: 'ACCEPT' as const};
					checks.push({
						kind: 'health-check',
						start,
						end: start + (blocked ? 3000 : random.int(1, 8)),
						availabilityZone: node.availabilityZone,
						targetGroup: group,
						counted: false,
						legs: [
							{
								role: 'backend',
								interfaceId: node.networkInterfaceId,
								...addresses,
								forward: {...forward, action: 'ACCEPT'},
								...(blocked ? {} : {reverse}),
							},
							{
								role: 'target',
								interfaceId: target.networkInterfaceId,
								...addresses,
								forward: {...forward, action: blocked ? 'REJECT' : 'ACCEPT'},
								...(blocked ? {} : {reverse}),
							},
						],
					});
				}
			}
		}
	}
	return checks;
}
