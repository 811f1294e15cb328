// What the Describe* APIs show at a moment: the world's objects brought to the configuration in
// force and each registered target's health, rewritten only when either changed.
import type {Target, World} from '../world/types.js';
import type {ConfigState} from './config-state.js';
import type {HealthTimeline} from './health.js';

function healthSignature(targets: readonly Target[]): string {
	return targets
		.map((target) => `${target.targetGroupArn}|${target.id}|${target.port}|${target.health.state}`)
		.join(',');
}

export function targetsAt(state: ConfigState, health: HealthTimeline, time: number): Target[] {
	return state.registrations.flatMap((registration) => {
		const current = health.at(registration, time);
		return current === undefined
			? []
			: [
					{
						targetGroupArn: registration.targetGroupArn,
						id: registration.id,
						port: registration.port,
						...(registration.availabilityZone === undefined
							? {}
							: {availabilityZone: registration.availabilityZone}),
						health: {...current},
					},
				];
	});
}

export type WorldView = {readonly show: (state: ConfigState, time: number) => void};

export function createWorldView(world: World, health: HealthTimeline): WorldView {
	let shownState: ConfigState | undefined;
	let shownHealth = '';
	return {
		show: (state, time) => {
			const targets = targetsAt(state, health, time);
			const signature = healthSignature(targets);
			if (state === shownState && signature === shownHealth) return;
			shownHealth = signature;
			world.targets = targets;
			if (state === shownState) return;
			shownState = state;
			for (const group of world.securityGroups) {
				const current = state.securityGroups.get(group.groupId);
				if (current !== undefined) {
					group.ingress = [...current.ingress];
					group.egress = [...current.egress];
				}
			}
			for (const acl of world.networkAcls) {
				const current = state.networkAcls.find((item) => item.networkAclId === acl.networkAclId);
				if (current !== undefined) acl.entries = [...current.entries];
			}
			const arn = state.loadBalancer.loadBalancerArn;
			world.loadBalancers = world.loadBalancers.map((item) =>
				item.loadBalancerArn === arn
					? {...state.loadBalancer, attributes: {...state.loadBalancer.attributes}}
					: item,
			);
			world.listeners = [
				...world.listeners.filter((listener) => listener.loadBalancerArn !== arn),
				...state.listeners,
			];
			world.targetGroups = world.targetGroups.map((group) => {
				const current = state.targetGroups.get(group.targetGroupArn);
				return current === undefined ? group : {...current, attributes: {...current.attributes}};
			});
		},
	};
}
