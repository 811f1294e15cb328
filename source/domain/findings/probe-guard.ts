// What turned a source's probes away at the LB, in one phrase for the scan and probe findings:
// the LB's security group, its subnets' network ACL, or, with neither denying, no listener there.
import type {Snapshot} from '../snapshot.js';
import {allTargets, listenersByPort, loadBalancerSubnets} from '../topology/topology-lookup.js';
import {blameRejection} from './blame.js';
import {controlName, denialText} from './control-text.js';
import type {SourceProfile} from './source-profiles.js';

/** Ports a client is expected to reach: the listeners, and the targets' own ports behind them. */
export function expectedPorts(snapshot: Snapshot): Set<number> {
	return new Set([
		...listenersByPort(snapshot.topology).keys(),
		...allTargets(snapshot.topology).map(({target}) => target.port),
	]);
}

/** Ports the source tried on the LB that no listener serves, rejected there. */
export function probedPorts(snapshot: Snapshot, profile: SourceProfile): number[] {
	const listeners = listenersByPort(snapshot.topology);
	return [...profile.lbRejectedPorts]
		.filter((port) => !listeners.has(port) && !profile.acceptedPorts.has(port))
		.sort((a, b) => a - b);
}

/** Ports it got an answer on that it should not have: accepted, yet neither listener nor target port. */
export function answeredPorts(snapshot: Snapshot, profile: SourceProfile): number[] {
	const expected = expectedPorts(snapshot);
	return [...profile.acceptedPorts].filter((port) => !expected.has(port)).sort((a, b) => a - b);
}

export function reachedListeners(snapshot: Snapshot, profile: SourceProfile): number[] {
	const listeners = listenersByPort(snapshot.topology);
	return [...profile.acceptedPorts].filter((port) => listeners.has(port)).sort((a, b) => a - b);
}

/** "LB SG lb-sg (sg-…) has no rule allowing it", by the rules read for the first probe of each source. */
export function guardPhrase(snapshot: Snapshot, profiles: readonly SourceProfile[]): string {
	const topology = snapshot.topology;
	const [subnetId] = loadBalancerSubnets(topology);
	const groupIds = topology?.securityGroups ?? [];
	const phrases = new Set<string>();
	for (const profile of profiles) {
		const [port] = probedPorts(snapshot, profile);
		if (port === undefined) {
			continue;
		}

		const blame = blameRejection(
			topology,
			{side: 'lb', subnetId, groupIds},
			{rejected: 'request', direction: 'inbound', packet: {protocol: 6, peer: profile.addr, port}},
		);
		if (blame.basis === 'rules') {
			for (const control of blame.controls) {
				phrases.add(
					control.kind === 'security-group'
						? controlName(topology, control)
						: denialText(topology, control),
				);
			}
		} else if (blame.basis === 'allowed-now' && groupIds.length === 0) {
			phrases.add('no listener on those ports');
		} else {
			phrases.add(
				groupIds.length > 0
					? `security group ${groupIds.join(', ')} or subnet network ACL`
					: 'subnet network ACL',
			);
		}
	}

	return [...phrases].join('; ');
}
