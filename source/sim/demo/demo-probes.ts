// Traffic the NLB's security group rejects at the NLB interface: the scan incident (one source,
// hundreds of ports) and a trickle of background internet probes. Never counted in metrics.
import {clientEphemeralPort, noiseRanges, scannerAddress} from './demo-clients.js';
import {type DemoConnection, minuteMs, type TrafficContext} from './demo-connection.js';
import type {DemoNode} from './demo-topology.js';
import type {Random} from './prng.js';

const scannedPorts = [
	21, 22, 23, 25, 53, 110, 135, 139, 143, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 6379, 8000,
	8080, 8443, 9200, 11_211, 27_017,
];
const noisePorts = [22, 23, 445, 2323, 3389, 5900, 6379, 8080];

function rejectedProbe(
	node: DemoNode,
	kind: 'scan' | 'noise',
	start: number,
	srcAddr: string,
	srcPort: number,
	dstPort: number,
	packets: number,
): DemoConnection {
	return {
		kind,
		start,
		end: start,
		availabilityZone: node.availabilityZone,
		counted: false,
		legs: [
			{
				role: 'frontend',
				interfaceId: node.networkInterfaceId,
				srcAddr,
				srcPort,
				dstAddr: node.privateIp,
				dstPort,
				forward: {packets, bytes: 44 * packets, action: 'REJECT'},
			},
		],
	};
}

export function probes(
	context: TrafficContext,
	random: Random,
	minuteStart: number,
): DemoConnection[] {
	const found: DemoConnection[] = [];
	const scanning =
		context.timeline.incidentAt(minuteStart, 'port-scan') !== undefined ||
		context.timeline.incidentAt(minuteStart + minuteMs - 1, 'port-scan') !== undefined;
	for (const node of context.topology.nodes) {
		for (let index = 0; scanning && index < 90; index++) {
			const start = minuteStart + random.int(0, minuteMs - 1);
			const port = random.chance(0.3) ? random.pick(scannedPorts) : random.int(1, 10_000);
			if (
				context.timeline.incidentAt(start, 'port-scan') !== undefined &&
				port !== 80 &&
				port !== 443
			) {
				found.push(
					rejectedProbe(node, 'scan', start, scannerAddress, random.int(40_000, 65_000), port, 1),
				);
			}
		}
		if (random.chance(0.3)) {
			const source = `${random.pick(noiseRanges)}.${random.int(1, 254)}`;
			const start = minuteStart + random.int(0, minuteMs - 1);
			found.push(
				rejectedProbe(
					node,
					'noise',
					start,
					source,
					clientEphemeralPort(random),
					random.pick(noisePorts),
					random.int(1, 2),
				),
			);
		}
	}
	return found;
}
