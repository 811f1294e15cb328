// The parts of a world's configuration that traffic depends on and that changes can touch, as one
// immutable value per stretch of time: a change makes a new state from the previous one.
import type {
	Listener,
	LoadBalancer,
	NetworkAcl,
	NetworkAclEntry,
	SecurityGroup,
	SecurityGroupRule,
	TargetGroup,
	World,
} from '../world/types.js';
import type {HostBehaviour} from './spec.js';

export type Registration = {
	readonly targetGroupArn: string;
	readonly id: string;
	readonly port: number;
	readonly availabilityZone?: string;
	/** Timeline time of the RegisterTargets call; undefined: registered before the history. */
	readonly registeredAt?: number;
	/** Timeline time of the DeregisterTargets call: draining from then on. */
	readonly deregisteredAt?: number;
};

export type ConfigState = {
	readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
	readonly networkAcls: readonly NetworkAcl[];
	readonly loadBalancer: LoadBalancer;
	readonly listeners: readonly Listener[];
	readonly targetGroups: ReadonlyMap<string, TargetGroup>;
	readonly registrations: readonly Registration[];
	readonly hosts: ReadonlyMap<string, HostBehaviour>;
};

export function initialState(
	world: World,
	loadBalancer: LoadBalancer,
	hosts: ReadonlyMap<string, HostBehaviour>,
): ConfigState {
	const copyGroup = (group: SecurityGroup): SecurityGroup => ({
		...group,
		ingress: [...group.ingress],
		egress: [...group.egress],
	});
	return {
		securityGroups: new Map(world.securityGroups.map((group) => [group.groupId, copyGroup(group)])),
		networkAcls: world.networkAcls.map((acl) => ({...acl, entries: [...acl.entries]})),
		loadBalancer: {...loadBalancer, attributes: {...loadBalancer.attributes}},
		listeners: world.listeners.filter(
			(listener) => listener.loadBalancerArn === loadBalancer.loadBalancerArn,
		),
		targetGroups: new Map(
			world.targetGroups.map((group) => [
				group.targetGroupArn,
				{...group, attributes: {...group.attributes}},
			]),
		),
		registrations: world.targets.map((target) => ({
			targetGroupArn: target.targetGroupArn,
			id: target.id,
			port: target.port,
			...(target.availabilityZone === undefined ? {} : {availabilityZone: target.availabilityZone}),
		})),
		hosts,
	};
}

function sameRule(left: SecurityGroupRule, right: SecurityGroupRule): boolean {
	const protocol = (rule: SecurityGroupRule) =>
		rule.ipProtocol === 'all' ? '-1' : rule.ipProtocol;
	return (
		protocol(left) === protocol(right) &&
		(left.fromPort ?? -1) === (right.fromPort ?? -1) &&
		(left.toPort ?? -1) === (right.toPort ?? -1) &&
		left.cidrIpv4 === right.cidrIpv4 &&
		left.referencedGroupId === right.referencedGroupId
	);
}

/** Authorize (adds rules not already there) or revoke (removes matching rules) on one group. */
export function changeGroupRules(
	state: ConfigState,
	groupId: string,
	direction: 'ingress' | 'egress',
	rules: readonly SecurityGroupRule[],
	add: boolean,
): ConfigState {
	const group = state.securityGroups.get(groupId);
	if (group === undefined) return state;
	const current = group[direction];
	const next = add
		? [...current, ...rules.filter((rule) => !current.some((kept) => sameRule(kept, rule)))]
		: current.filter((kept) => !rules.some((rule) => sameRule(kept, rule)));
	const groups = new Map(state.securityGroups);
	groups.set(groupId, {...group, [direction]: next});
	return {...state, securityGroups: groups};
}

/** Creates or replaces the entry with the same rule number and direction, or deletes it. */
export function changeAclEntry(
	state: ConfigState,
	networkAclId: string,
	entry: NetworkAclEntry | {readonly ruleNumber: number; readonly egress: boolean},
	remove: boolean,
): ConfigState {
	return {
		...state,
		networkAcls: state.networkAcls.map((acl) => {
			if (acl.networkAclId !== networkAclId) return acl;
			const others = acl.entries.filter(
				(kept) => kept.ruleNumber !== entry.ruleNumber || kept.egress !== entry.egress,
			);
			return {...acl, entries: remove || !('ruleAction' in entry) ? others : [...others, entry]};
		}),
	};
}

export function changeTargetGroup(
	state: ConfigState,
	targetGroupArn: string,
	change: (group: TargetGroup) => TargetGroup,
): ConfigState {
	const group = state.targetGroups.get(targetGroupArn);
	if (group === undefined) return state;
	const groups = new Map(state.targetGroups);
	groups.set(targetGroupArn, change(group));
	return {...state, targetGroups: groups};
}

export function registerTargets(
	state: ConfigState,
	targets: readonly Registration[],
	at: number,
): ConfigState {
	const same = (left: Registration, right: Registration) =>
		left.targetGroupArn === right.targetGroupArn &&
		left.id === right.id &&
		left.port === right.port;
	const kept = state.registrations.filter(
		(current) => !targets.some((target) => same(current, target)),
	);
	return {
		...state,
		registrations: [...kept, ...targets.map((target) => ({...target, registeredAt: at}))],
	};
}

export function deregisterTargets(
	state: ConfigState,
	targets: readonly Registration[],
	at: number,
): ConfigState {
	return {
		...state,
		registrations: state.registrations.map((current) =>
			current.deregisteredAt === undefined &&
			targets.some(
				(target) =>
					target.targetGroupArn === current.targetGroupArn &&
					target.id === current.id &&
					target.port === current.port,
			)
				? {...current, deregisteredAt: at}
				: current,
		),
	};
}

export function changeHosts(
	state: ConfigState,
	ids: readonly string[],
	change: (host: HostBehaviour | undefined) => HostBehaviour,
): ConfigState {
	const hosts = new Map(state.hosts);
	for (const id of ids) hosts.set(id, change(hosts.get(id)));
	return {...state, hosts};
}
