// Handshakes that never complete: every control let the client's SYN through (ACCEPT on the LB's
// interface and on the target's) and the target never answered. tcp-flags OR the flags of every
// packet of a direction over the aggregation interval (aws-facts §1, §3): a client that completed
// its handshake has sent an ACK (16), a target that answered has sent a SYN-ACK (18), and one that
// refused has sent an RST (4). A forward direction with SYN and no ACK, and a reverse with neither
// SYN nor RST, is a connection attempt nothing answered: the target itself drops it (a host
// firewall, a service that is not listening and drops), which no flow log REJECT will show.
// Without tcp-flags the records cannot tell an unanswered SYN from a quiet connection: no finding.
import type {Snapshot} from '../../snapshot.js';
import {findTarget} from '../../topology/topology-lookup.js';
import type {EvidenceRef} from '../../types/findings.js';
import type {Connection, FlowLeg} from '../../types/flows.js';
import {type DraftFinding, draft, type FindingRule} from '../draft.js';
import {listNames, plural, unique} from '../format.js';
import {
	countMinConnections,
	lbRejectCriticalShare,
	maxEvidenceRows,
	maxNamesInTitle,
	unansweredWarningShare,
} from '../thresholds.js';

export const handshakeUnansweredRule: FindingRule = {
	name: 'handshake-unanswered',
	evaluate: (snapshot) => unansweredHandshakes(snapshot),
};

const synFlag = 2;
const rstFlag = 4;
const ackFlag = 16;

/** The backend leg where the target's own interface logged it, else as the LB's interface did. */
const targetSide = (connection: Connection): FlowLeg | undefined =>
	connection.targetView ?? connection.backend;

/**
 * A reply is logged in the same aggregation interval as the SYN or the next, and each interface's
 * records arrive on their own stream: a leg is judged once its interface has delivered records two
 * intervals past its end. Rows before `rowsFrom` are a bounded backfill that may hold one direction
 * of a connection without the other, and the read that begins there may stop inside an aggregation
 * interval: only the span from one interval after `rowsFrom` counts.
 */
function judgeable(snapshot: Snapshot, newest: ReadonlyMap<string, number>) {
	const interval = snapshot.flows?.aggregationSeconds ?? 60;
	const rowsFrom = snapshot.flows?.rowsFrom;
	return (connection: Connection): boolean => {
		const leg = targetSide(connection);
		return (
			leg !== undefined &&
			(rowsFrom === undefined || connection.start >= rowsFrom / 1000 + interval) &&
			leg.end <= (newest.get(leg.interfaceId) ?? 0) - 2 * interval
		);
	};
}

/** Unix seconds of the newest record end each interface has delivered, as the rows show. */
function newestByInterface(connections: readonly Connection[]): Map<string, number> {
	const newest = new Map<string, number>();
	for (const connection of connections) {
		for (const leg of [connection.frontend, connection.backend, connection.targetView]) {
			if (leg !== undefined && leg.end > (newest.get(leg.interfaceId) ?? 0)) {
				newest.set(leg.interfaceId, leg.end);
			}
		}
	}

	return newest;
}

export function isUnanswered(connection: Connection): boolean {
	const leg = targetSide(connection);
	const sent = leg?.forward?.tcpFlags;
	if (leg === undefined || sent === undefined || connection.kind === 'health-check') {
		return false;
	}

	const allowed = [connection.frontend, connection.backend, connection.targetView].every(
		(each) => each === undefined || each.action === 'ACCEPT',
	);
	const answer = leg.reverse?.tcpFlags ?? 0;
	return (
		allowed &&
		(sent & synFlag) !== 0 &&
		(sent & ackFlag) === 0 &&
		(answer & (synFlag | rstFlag)) === 0
	);
}

/** A target the LB forwarded to whose handshakes completed: what the unanswered ones compare with. */
function completed(connection: Connection): boolean {
	const leg = targetSide(connection);
	return (
		connection.kind !== 'health-check' &&
		leg?.forward?.tcpFlags !== undefined &&
		((leg.reverse?.tcpFlags ?? 0) & synFlag) !== 0
	);
}

export function unansweredHandshakes(snapshot: Snapshot): DraftFinding[] {
	const connections = snapshot.flows?.connections ?? [];
	const rows = connections.filter(judgeable(snapshot, newestByInterface(connections)));
	const byPort = new Map<number, Connection[]>();
	for (const connection of rows.filter(isUnanswered)) {
		const port = connection.targetPort ?? targetSide(connection)?.dstPort ?? 0;
		byPort.set(port, [...(byPort.get(port) ?? []), connection]);
	}

	return [...byPort].flatMap(([port, unanswered]) => {
		if (unanswered.length < countMinConnections) {
			return [];
		}

		const since = Math.min(...unanswered.map((connection) => connection.start));
		const answered = rows.filter(
			(connection) =>
				connection.start >= since && connection.targetPort === port && completed(connection),
		).length;
		const share = unanswered.length / (unanswered.length + answered);
		const targets = unique(unanswered.map((connection) => targetSide(connection)?.dstAddr ?? ''));
		const refs = targets.map((addr) => findTarget(snapshot.topology, {addr, port}));
		// Named in their own order, not the rows': the rows move with the window, and a title that
		// reshuffles its names on every read reads as a new finding.
		const names = targets.map((addr, index) => refs[index]?.target.id ?? addr).sort();
		const evidence: EvidenceRef[] = [
			...unanswered
				.slice(0, maxEvidenceRows)
				.map((connection) => ({kind: 'connection' as const, id: connection.id})),
			...refs.flatMap((ref) =>
				ref === undefined
					? []
					: [{kind: 'target' as const, targetGroupArn: ref.group.arn, id: ref.target.id}],
			),
		];
		return [
			draft({
				rule: 'handshake-unanswered',
				key: `tcp/${port}`,
				severity:
					share >= lbRejectCriticalShare
						? 'critical'
						: share >= unansweredWarningShare
							? 'warning'
							: 'info',
				confidence: 'high',
				title:
					`${share >= unansweredWarningShare ? 'Handshakes never complete' : 'A few handshakes got no answer'} on tcp/${port}: ${plural(unanswered.length, 'connection')} ` +
					`(${Math.round(share * 100)}% since the first) got no answer (no SYN-ACK, no reset) to a SYN ` +
					`ACCEPTed at the LB and at ${listNames(names, maxNamesInTitle)}`,
				since: since * 1000,
				lastSeen: Math.max(...unanswered.map((connection) => connection.end)) * 1000,
				evidence,
				next: nextStep(snapshot, port, targets),
				relatedResources: refs.flatMap((ref) =>
					ref === undefined ? [] : [ref.target.id, ref.group.arn],
				),
				metricNames: ['TCP_ELB_Reset_Count', 'NewFlowCount', 'ActiveFlowCount'],
			}),
		];
	});
}

function nextStep(snapshot: Snapshot, port: number, targets: readonly string[]): string {
	const checksAnswered = (snapshot.flows?.connections ?? []).some(
		(connection) =>
			connection.kind === 'health-check' &&
			targets.includes(connection.targetAddr ?? '') &&
			((targetSide(connection)?.reverse?.tcpFlags ?? 0) & synFlag) !== 0,
	);
	const health = checksAnswered
		? " The same targets answer the LB's health checks (from its private addresses), so they are up and drop only the clients' addresses: look for a firewall rule that allows only internal ranges."
		: '';
	return (
		`Security groups and network ACLs let these SYNs through (ACCEPT on every interface; tcp-flags show SYN without ACK, and no SYN-ACK back): the target itself drops them. ` +
		`Check the host firewall (iptables/nftables, Windows Firewall), that the service listens on port ${port}, and its SYN backlog.${health}`
	);
}
