// The LB's own health checks as flow records: every node that routes to a target opens a
// connection to it each interval, from its private IP and an ephemeral port, on the check port.
// They show on both interfaces, are never counted in the LB's flow metrics, and fail (or pass)
// for the same reasons client connections do.
import {hashSeed, type Random} from '../demo/prng.js';
import type {Registration} from './config-state.js';
import {type Connection, connection, type LegSpec, minuteMs} from './connection.js';
import type {ModelContext} from './context.js';
import {behaviourOf, checkPort, nodesServing} from './health.js';
import {backendLegs, established, failedBackend} from './legs.js';
import {backendFate} from './paths.js';
import type {LbNode} from './topology.js';

/** A TCP check opens and closes; an HTTP(S) one also sends a GET and reads the answer. */
function passedCheck(protocol: string) {
	return protocol === 'TCP'
		? {forward: established(3, 164, false, false), reverse: established(2, 112, true, false)}
		: {forward: established(5, 420, false, false), reverse: established(4, 680, true, false)};
}

function checkAt(
	context: ModelContext,
	node: LbNode,
	registration: Registration,
	start: number,
	random: Random,
): Connection | undefined {
	const {state} = context.timeline.at(start).epoch;
	const group = state.targetGroups.get(registration.targetGroupArn);
	const host = context.topology.hostOf(registration.id);
	if (group === undefined || host === undefined) return undefined;
	const port = checkPort(group, registration);
	const source = {ip: node.ip, address: node.address, port: random.int(1024, 65_535)};
	const hop = {
		srcAddr: node.ip,
		srcPort: source.port,
		dstAddr: host.ip,
		dstPort: port,
		pktSrcAddr: undefined,
	};
	const hops = {
		lbInterfaceId: node.interfaceId,
		lbHop: hop,
		targetInterfaceId: host.interfaceId,
		targetHop: hop,
	};
	const behaviour = behaviourOf(state, context.spec.defaultHost, registration.id, host);
	const fate = backendFate(context.topology, state, node, {host, behaviour}, source, port);
	const made = (end: number, legs: readonly LegSpec[]) =>
		connection(
			'health-check',
			start,
			end,
			node.zone,
			registration.targetGroupArn,
			false,
			undefined,
			legs,
		);
	if (fate !== 'open')
		return made(start + (fate === 'refused' ? 2 : 3000), failedBackend(hops, fate));
	const passed = passedCheck(group.healthCheck.protocol);
	return made(start + random.int(1, 8), backendLegs(hops, passed, passed));
}

/** Every check whose start falls in the minute beginning at `minuteStart`. */
export function healthChecks(
	context: ModelContext,
	random: Random,
	minuteStart: number,
): Connection[] {
	const checks: Connection[] = [];
	const {state} = context.timeline.at(minuteStart).epoch;
	for (const registration of state.registrations) {
		if (registration.deregisteredAt !== undefined) continue;
		const group = state.targetGroups.get(registration.targetGroupArn);
		if (group === undefined) continue;
		const intervalMs = group.healthCheck.intervalSeconds * 1000;
		for (const node of nodesServing(context.topology, state, registration)) {
			const phase =
				hashSeed(
					context.spec.seed,
					'health-check',
					node.interfaceId,
					registration.id,
					registration.port,
				) % intervalMs;
			const first = Math.ceil((minuteStart - phase) / intervalMs) * intervalMs + phase;
			for (let start = first; start < minuteStart + minuteMs; start += intervalMs) {
				const check = checkAt(context, node, registration, start, random);
				if (check !== undefined) checks.push(check);
			}
		}
	}
	return checks;
}
