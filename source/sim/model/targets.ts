// Which target a node sends a new connection to: a healthy registered one in its own zone (or in
// any zone with cross-zone load balancing on); with none healthy, any of them (ELB fails open:
// it routes to unhealthy targets rather than to nothing). Draining targets get nothing new.
import type {ConfigState, Registration} from './config-state.js';
import type {ModelContext} from './context.js';
import {crossZone, targetZone} from './health.js';
import {hostListens} from './paths.js';
import type {HostBehaviour} from './spec.js';
import type {LbNode} from './topology.js';

const scopes = new WeakMap<ConfigState, Map<string, Registration[][]>>();

/** The registrations a node may send a group's new connections to, looked up once per state. */
function inScopeOf(
	context: ModelContext,
	state: ConfigState,
	targetGroupArn: string,
	node: LbNode,
): Registration[] {
	let byKey = scopes.get(state);
	if (byKey === undefined) {
		byKey = new Map();
		scopes.set(state, byKey);
	}
	let byNode = byKey.get(targetGroupArn);
	if (byNode === undefined) {
		byNode = [];
		byKey.set(targetGroupArn, byNode);
	}
	let found = byNode[node.index];
	if (found === undefined) {
		const everyZone = crossZone(state, targetGroupArn);
		found = state.registrations.filter(
			(registration) =>
				registration.targetGroupArn === targetGroupArn &&
				registration.deregisteredAt === undefined &&
				(everyZone || targetZone(context.topology, registration) === node.zone),
		);
		byNode[node.index] = found;
	}
	return found;
}

export function chooseTarget(
	context: ModelContext,
	state: ConfigState,
	targetGroupArn: string,
	node: LbNode,
	time: number,
	pick: number,
): Registration | undefined {
	const inScope = inScopeOf(context, state, targetGroupArn, node);
	let healthyCount = 0;
	for (const registration of inScope) {
		if (context.health.at(registration, time)?.state === 'healthy') healthyCount++;
	}
	if (healthyCount === inScope.length) {
		return inScope[Math.min(inScope.length - 1, Math.floor(pick * inScope.length))];
	}
	const states = inScope.map((registration) => context.health.at(registration, time)?.state);
	const healthy = inScope.filter((_, index) => states[index] === 'healthy');
	const pool =
		healthy.length > 0 ? healthy : inScope.filter((_, index) => states[index] !== 'unused');
	return pool[Math.min(pool.length - 1, Math.floor(pick * pool.length))];
}

/** `none`: packets just stop getting through (a network ACL changed), nobody resets. */
export type Interruption = {readonly at: number; readonly by: 'target' | 'elb' | 'none'};

/**
 * What cuts an open connection short: its host stops serving the port (the application resets
 * it), the target is deregistered with connection termination on and the delay runs out (the LB
 * resets it), or a network ACL stops passing its packets (they stop, nobody resets).
 */
export function interruption(
	context: ModelContext,
	registration: Registration,
	port: number,
	behaviourAt: (state: ConfigState) => HostBehaviour,
	passes: (state: ConfigState) => boolean,
	start: number,
	end: number,
): Interruption | undefined {
	const {base} = context.timeline.locate(start);
	let found: Interruption | undefined;
	const consider = (candidate: Interruption) => {
		if (
			candidate.at > start &&
			candidate.at < end &&
			(found === undefined || candidate.at < found.at)
		) {
			found = candidate;
		}
	};
	for (const epoch of context.timeline.epochs) {
		const at = base + epoch.from;
		if (at <= start || at >= end) continue;
		if (!hostListens(behaviourAt(epoch.state), port)) consider({at, by: 'target'});
		if (!passes(epoch.state)) consider({at, by: 'none'});
		const current = epoch.state.registrations.find(
			(item) =>
				item.targetGroupArn === registration.targetGroupArn &&
				item.id === registration.id &&
				item.port === registration.port,
		);
		const group = epoch.state.targetGroups.get(registration.targetGroupArn);
		if (
			current?.deregisteredAt !== undefined &&
			group?.attributes['deregistration_delay.connection_termination.enabled'] === 'true'
		) {
			const delay =
				Number(group.attributes['deregistration_delay.timeout_seconds'] ?? '300') * 1000;
			consider({at: base + current.deregisteredAt + delay, by: 'elb'});
		}
	}
	return found;
}
