// Target health as ELB derives it from its own checks: each LB node that routes to a target
// checks it every interval (on the traffic port or the configured one); a target turns unhealthy
// after `unhealthyThresholdCount` failed checks in a row and healthy after
// `healthyThresholdCount` good ones. A new target is `initial` until then, a deregistered one
// `draining` for the deregistration delay, one in a zone the LB does not serve `unused`.
import type {Target, TargetGroup} from '../world/types.js';
import type {ConfigState, Registration} from './config-state.js';
import {backendFate, hostListens} from './paths.js';
import type {HostBehaviour} from './spec.js';
import type {Epoch, Timeline} from './timeline.js';
import type {Host, LbNode, ModelTopology} from './topology.js';

export type Health = Target['health'];

type Transition = {readonly at: number; readonly health: Health | undefined};

export function registrationKey(registration: Registration): string {
	return `${registration.targetGroupArn}|${registration.id}|${registration.port}`;
}

export function crossZone(state: ConfigState, targetGroupArn: string): boolean {
	const own =
		state.targetGroups.get(targetGroupArn)?.attributes['load_balancing.cross_zone.enabled'];
	if (own === 'true' || own === 'false') return own === 'true';
	return state.loadBalancer.attributes['load_balancing.cross_zone.enabled'] === 'true';
}

export function targetZone(
	topology: ModelTopology,
	registration: Registration,
): string | undefined {
	const zone = registration.availabilityZone;
	return zone !== undefined && zone !== 'all' ? zone : topology.hostOf(registration.id)?.zone;
}

/** The nodes that send to (and so check) a target: its zone's, or every one with cross-zone on. */
export function nodesServing(
	topology: ModelTopology,
	state: ConfigState,
	registration: Registration,
): LbNode[] {
	if (crossZone(state, registration.targetGroupArn)) return [...topology.nodes];
	const zone = targetZone(topology, registration);
	return topology.nodes.filter((node) => node.zone === zone);
}

export function behaviourOf(
	state: ConfigState,
	defaultHost: HostBehaviour,
	id: string,
	host: Host | undefined,
): HostBehaviour {
	return (
		state.hosts.get(id) ??
		(host === undefined ? undefined : state.hosts.get(host.ip)) ??
		defaultHost
	);
}

export function checkPort(group: TargetGroup, registration: Registration): number {
	const port = group.healthCheck.port;
	return port === 'traffic-port' ? registration.port : Number(port);
}

/** Whether the host's answer satisfies the check's protocol (an HTTP check needs an HTTP answer). */
function answersProtocol(behaviour: HostBehaviour, port: number, protocol: string): boolean {
	if (behaviour.listens === 'all') return true;
	const served = behaviour.listens.find((item) => item.port === port);
	return (
		served !== undefined &&
		(served.protocol === 'any' || protocol === 'TCP' || served.protocol === protocol)
	);
}

/**
 * The NLB picks check source ports across 1024-65535; a check passes when the reply gets back
 * whichever it picked, so both ends and the middle of that range are tried.
 */
const checkSourcePorts = [1024, 32_768, 65_535];

export function checksPass(
	topology: ModelTopology,
	state: ConfigState,
	defaultHost: HostBehaviour,
	registration: Registration,
): boolean {
	const group = state.targetGroups.get(registration.targetGroupArn);
	const host = topology.hostOf(registration.id);
	if (group === undefined || host === undefined) return false;
	const behaviour = behaviourOf(state, defaultHost, registration.id, host);
	const port = checkPort(group, registration);
	if (
		!hostListens(behaviour, port) ||
		!answersProtocol(behaviour, port, group.healthCheck.protocol)
	) {
		return false;
	}
	return nodesServing(topology, state, registration).every((node) =>
		checkSourcePorts.every(
			(sourcePort) =>
				backendFate(topology, state, node, {host, behaviour}, {...node, port: sourcePort}, port) ===
				'open',
		),
	);
}

const unhealthy: Health = {
	state: 'unhealthy',
	reason: 'Target.FailedHealthChecks',
	description: 'Health checks failed',
};
const initial: Health = {
	state: 'initial',
	reason: 'Elb.RegistrationInProgress',
	description: 'Target registration is in progress',
};
const draining: Health = {
	state: 'draining',
	reason: 'Target.DeregistrationInProgress',
	description: 'Target deregistration is in progress',
};
const unused: Health = {
	state: 'unused',
	reason: 'Target.NotInUse',
	description: 'Target is in an Availability Zone that is not enabled for the load balancer',
};

function deregistrationDelayMs(group: TargetGroup | undefined): number {
	const seconds = Number(group?.attributes['deregistration_delay.timeout_seconds'] ?? '300');
	return (Number.isFinite(seconds) ? seconds : 300) * 1000;
}

type Pending = {readonly at: number; readonly health: Health};

function transitionsOf(
	key: string,
	epochs: readonly Epoch[],
	evaluate: (epoch: Epoch, registration: Registration) => boolean,
	serves: (epoch: Epoch, registration: Registration) => boolean,
): Transition[] {
	const transitions: Transition[] = [];
	let current: Health | undefined;
	let pending: Pending | undefined;
	const push = (at: number, health: Health | undefined) => {
		transitions.push({at, health});
		current = health;
	};
	for (const [index, epoch] of epochs.entries()) {
		const until = epochs[index + 1]?.from ?? Number.POSITIVE_INFINITY;
		const registration = epoch.state.registrations.find((item) => registrationKey(item) === key);
		const group =
			registration === undefined
				? undefined
				: epoch.state.targetGroups.get(registration.targetGroupArn);
		if (registration === undefined || group === undefined) {
			if (current !== undefined) push(epoch.from, undefined);
			pending = undefined;
			continue;
		}
		if (registration.deregisteredAt !== undefined) {
			if (registration.deregisteredAt === epoch.from) {
				push(epoch.from, draining);
				push(epoch.from + deregistrationDelayMs(group), undefined);
			}
			pending = undefined;
			continue;
		}
		if (!serves(epoch, registration)) {
			push(epoch.from, unused);
			pending = undefined;
			continue;
		}
		const {healthCheck} = group;
		const desired: Health = evaluate(epoch, registration) ? {state: 'healthy'} : unhealthy;
		const delay = (health: Health) =>
			healthCheck.intervalSeconds *
			1000 *
			(health.state === 'healthy'
				? healthCheck.healthyThresholdCount
				: healthCheck.unhealthyThresholdCount);
		if (registration.registeredAt === epoch.from) {
			push(epoch.from, initial);
			pending = {at: epoch.from + delay(desired), health: desired};
		} else if (current === undefined || current.state === 'unused') {
			push(epoch.from, desired);
			pending = undefined;
		} else if (current.state === desired.state) {
			pending = undefined;
		} else if (pending?.health.state !== desired.state) {
			pending = {at: epoch.from + delay(desired), health: desired};
		}
		if (pending !== undefined && pending.at < until) {
			push(pending.at, pending.health);
			pending = undefined;
		}
	}
	return transitions;
}

export type HealthTimeline = {
	/** The registration's health at a Unix time; undefined when it is not registered then. */
	readonly at: (registration: Registration, time: number) => Health | undefined;
};

export function buildHealthTimeline(
	topology: ModelTopology,
	timeline: Timeline,
	defaultHost: HostBehaviour,
): HealthTimeline {
	const keys = new Set(
		timeline.epochs.flatMap((epoch) => epoch.state.registrations.map(registrationKey)),
	);
	const byKey = new Map<string, Transition[]>();
	for (const key of keys) {
		byKey.set(
			key,
			transitionsOf(
				key,
				timeline.epochs,
				(epoch, registration) => checksPass(topology, epoch.state, defaultHost, registration),
				(epoch, registration) => nodesServing(topology, epoch.state, registration).length > 0,
			),
		);
	}
	const byRegistration = new WeakMap<Registration, Transition[] | undefined>();
	return {
		at: (registration, time) => {
			let transitions = byRegistration.get(registration);
			if (transitions === undefined && !byRegistration.has(registration)) {
				transitions = byKey.get(registrationKey(registration));
				byRegistration.set(registration, transitions);
			}
			if (transitions === undefined) return undefined;
			const {offset} = timeline.locate(time);
			let found: Transition | undefined;
			for (const transition of transitions) {
				if (transition.at > offset) break;
				found = transition;
			}
			return found?.health;
		},
	};
}
