// Clients still on TLS 1.0 or 1.1 (deprecated by RFC 8996) on an NLB's TLS listener: not a fault
// today, but the clients a move to a TLS 1.2+ security policy will break, so it is said as info,
// with their share of the listener's connections.
import type {Snapshot} from '../../snapshot.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {countText} from '../format.js';
import {beganBefore, confidenceOf, shareText} from './request-evidence.js';
import {listenerText} from './tls-handshakes.js';

export const oldTlsRule: FindingRule = {
	name: 'old-tls',
	evaluate: (snapshot) => oldTls(snapshot),
};

export function oldTls(snapshot: Snapshot): DraftFinding[] {
	const view = snapshot.tls;
	return (view?.listeners ?? []).flatMap((row) =>
		row.oldProtocol === 0 || view === undefined
			? []
			: [
					draft({
						rule: 'old-tls',
						key: row.listener,
						severity: 'info',
						confidence: confidenceOf(view.precision),
						title: `Clients still use TLS 1.0/1.1 on listener ${listenerText(snapshot, row.listener)}: ${countText(row.oldProtocol)} of ${countText(row.connections)} connections (${shareText(row.oldProtocol, row.connections)})`,
						since: row.firstSeen,
						sinceBefore: beganBefore(view.coverage, row.firstSeen),
						lastSeen: row.lastSeen,
						evidence: [{kind: 'tls-listener', listener: row.listener}],
						next: "The listener's security policy still accepts TLS 1.0/1.1: find these clients (SNI names and protocols in the TLS pane) before moving to a TLS 1.2-only policy, which will refuse them",
						relatedResources: [snapshot.topology?.arn],
					}),
				],
	);
}
