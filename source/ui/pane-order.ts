// Which panes this load balancer has, in Tab order. Access logs mean different things per type:
// an ALB logs every request (the Requests pane), an NLB logs only connections to its TLS
// listeners (the TLS pane); a pane with nothing it could ever show is not offered at all.
import type {Snapshot} from '../domain/snapshot.js';
import {type AccessLogPane, type ContentPaneId, contentPanes} from './layout.js';
import type {PaneId} from './pane-types.js';

type Known = Pick<Snapshot, 'topology' | 'requests' | 'tls'>;

/** The access-log pane the LB has, if any; before discovery, whichever slice has arrived. */
export function accessLogPane(snapshot: Known): AccessLogPane | undefined {
	const topology = snapshot.topology;
	if (topology === undefined) {
		if (snapshot.requests !== undefined) {
			return 'requests';
		}
		return snapshot.tls === undefined ? undefined : 'tls';
	}

	if (topology.type === 'application') {
		return 'requests';
	}

	const tlsListener = topology.listeners.some(
		(listener) => listener.protocol.toUpperCase() === 'TLS',
	);
	return topology.type === 'network' && (tlsListener || snapshot.tls !== undefined)
		? 'tls'
		: undefined;
}

/** The panes of the pane area this LB has, in Tab order. */
export function contentPanesFor(snapshot: Known): readonly ContentPaneId[] {
	const extra = accessLogPane(snapshot);
	return extra === undefined ? contentPanes : [...contentPanes, extra];
}

/** Tab order: the findings line first, so Enter on a finding is one key from the start. */
export function focusOrderFor(snapshot: Known): readonly PaneId[] {
	return ['findings', ...contentPanesFor(snapshot)];
}
