// Decides whether a change touches the watched LB or the path its traffic takes: the LB itself,
// its listeners, rules and attributes, its target groups and targets, and the security groups,
// subnets and network interfaces in between. Matching is by the ids and ARNs the event names.
import type {ChangeEvent} from '../types/changes.js';
import type {Topology} from '../types/topology.js';

export type PathOptions = {
	/**
	 * Network ACLs of the LB's and targets' subnets, when known. Topology does not carry them
	 * yet; without them any network ACL change counts as relevant, because an ACL edit in the
	 * VPC during an incident is worth seeing and lbtop cannot rule it out.
	 */
	readonly networkAclIds?: readonly string[];
};

export type PathScope = {
	readonly ids: ReadonlySet<string>;
	/** `/net/<name>/<id>`: listener and rule ARNs embed the LB's tail. */
	readonly loadBalancerFragment: string;
	readonly vpcId: string;
	readonly networkAclIds?: ReadonlySet<string>;
};

export function pathScope(topology: Topology, options: PathOptions = {}): PathScope {
	const ids = new Set<string>([topology.arn, ...topology.securityGroups]);
	for (const zone of topology.availabilityZones) {
		ids.add(zone.subnetId);
		if (zone.interfaceId !== undefined) {
			ids.add(zone.interfaceId);
		}
	}

	for (const listener of topology.listeners) {
		ids.add(listener.arn);
	}

	for (const group of topology.targetGroups) {
		ids.add(group.arn);
		for (const target of group.targets) {
			addAll(ids, [
				target.id,
				target.ip,
				target.interfaceId,
				target.subnetId,
				...target.securityGroups,
			]);
		}
	}

	for (const flowLog of topology.flowLogs) {
		ids.add(flowLog.flowLogId);
	}

	return {
		ids,
		loadBalancerFragment: `/${topology.metricDimension}`,
		vpcId: topology.vpcId,
		...(options.networkAclIds === undefined ? {} : {networkAclIds: new Set(options.networkAclIds)}),
	};
}

export function relevantToPath(
	event: ChangeEvent,
	topology: Topology,
	options: PathOptions = {},
): boolean {
	return isInScope(event, pathScope(topology, options));
}

export function isInScope(event: ChangeEvent, scope: PathScope): boolean {
	if (touchesAny(event, scope.ids) || event.resources.some((id) => namesLoadBalancer(id, scope))) {
		return true;
	}

	if (/NetworkAcl/.test(event.name)) {
		return scope.networkAclIds === undefined
			? true
			: event.resources.some((id) => scope.networkAclIds?.has(id) === true);
	}

	// A VPC-wide flow log covers the LB's interfaces, so creating or deleting one changes what
	// lbtop can see.
	return /FlowLogs$/.test(event.name) && event.resources.includes(scope.vpcId);
}

export function touchesAny(
	event: ChangeEvent,
	ids: ReadonlySet<string> | readonly string[],
): boolean {
	const set = ids instanceof Set ? ids : new Set(ids);
	return event.resources.some((id) => set.has(id));
}

function namesLoadBalancer(id: string, scope: PathScope): boolean {
	return (
		id.startsWith('arn:') &&
		(id.endsWith(scope.loadBalancerFragment) || id.includes(`${scope.loadBalancerFragment}/`))
	);
}

function addAll(ids: Set<string>, values: readonly (string | undefined)[]): void {
	for (const value of values) {
		if (value !== undefined && value !== '') {
			ids.add(value);
		}
	}
}
