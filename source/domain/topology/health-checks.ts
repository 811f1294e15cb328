// Which lone backend legs are the load balancer's health checks. A target group that preserves
// client IPs receives real connections from the clients' addresses; a backend leg from the load
// balancer's own private address to such a target, with no frontend leg, is its health check (or a
// connection opened before preservation was turned on). Where the group does not preserve client
// IPs every backend leg starts at the load balancer, so there the rule claims nothing. Pairing asks
// this of the rows it could not pair and labels them `health-check`; every output reads that kind.
import type {Connection} from '../types/flows.js';
import type {Topology} from '../types/topology.js';
import {allTargets, loadBalancerPrivateIps} from './topology-lookup.js';

export type HealthCheckTest = (connection: Connection) => boolean;

export function healthCheckTest(topology: Topology | undefined): HealthCheckTest {
	const loadBalancerIps = new Set(loadBalancerPrivateIps(topology));
	const preserved = new Map<string, boolean>();
	for (const {target, group} of allTargets(topology)) {
		if (target.ip !== undefined) {
			// A target in several groups counts only if every one of them preserves client IPs.
			preserved.set(target.ip, (preserved.get(target.ip) ?? true) && group.preserveClientIp);
		}
	}

	return (connection) =>
		connection.frontend === undefined &&
		loadBalancerIps.has(connection.clientAddr) &&
		connection.targetAddr !== undefined &&
		preserved.get(connection.targetAddr) === true;
}
