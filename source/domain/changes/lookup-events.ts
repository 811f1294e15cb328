// Folds newly read CloudTrail events into the ones already held: only watched writes that touch
// the path, one per event id, newest first, bounded.
import type {ChangeEvent} from '../types/changes.js';
import type {Topology} from '../types/topology.js';
import {isWatchedEvent} from './lookup-plan.js';
import {isInScope, pathScope} from './relevant-to-path.js';

/** Enough for hours of a busy path; the pane and the findings look at the newest ones. */
export const maxHeldEvents = 500;

export function mergeChanges(
	held: readonly ChangeEvent[],
	incoming: readonly ChangeEvent[],
	topology: Topology,
	limit = maxHeldEvents,
): ChangeEvent[] {
	// Only new events are judged against today's topology: a change held earlier stays even when
	// the resource it touched has since left the path (a target deregistered after its group was
	// edited is exactly the story to keep).
	const scope = pathScope(topology, networkAclOptions(topology));
	const byId = new Map<string, ChangeEvent>(held.map((event) => [event.id, event]));
	for (const event of incoming) {
		if (isWatchedEvent(event) && isInScope(event, scope)) {
			byId.set(event.id, event);
		}
	}

	return [...byId.values()]
		.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id))
		.slice(0, limit);
}

function networkAclOptions(topology: Topology): {networkAclIds?: readonly string[]} {
	// Without known ACLs every ACL change counts (see PathOptions): an empty list from a discovery
	// that could not read them must not hide them all.
	return topology.networkAcls.length === 0
		? {}
		: {networkAclIds: topology.networkAcls.map((acl) => acl.networkAclId)};
}
