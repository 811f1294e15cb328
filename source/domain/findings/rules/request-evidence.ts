// What the access log rules share: naming a target the way the rest of lbtop does (with the
// instance id and target group discovery found), the evidence rows that point at the Requests
// and TLS panes, and the judgement of a failing share.
import type {Snapshot} from '../../snapshot.js';
import {findTarget, type TargetRef} from '../../topology/topology-lookup.js';
import type {RequestRecord} from '../../types/access-log-records.js';
import type {TargetRequestStats} from '../../types/access-logs.js';
import type {EvidenceRef, FindingSeverity} from '../../types/findings.js';
import {
	maxEvidenceRows,
	requestFailureCriticalShare,
	requestFailureMinCount,
	requestFailureMinShare,
} from '../thresholds.js';

/** The target group's name from discovery, or from its ARN (`…:targetgroup/<name>/<id>`). */
export function groupName(snapshot: Snapshot, arn: string | undefined): string | undefined {
	if (arn === undefined) {
		return undefined;
	}

	const known = snapshot.topology?.targetGroups.find((group) => group.arn === arn);
	return known?.name ?? /:targetgroup\/([^/]+)\//.exec(arn)?.[1];
}

/** The registered target behind a row of the Requests pane, when discovery found it. */
export function registeredTarget(
	snapshot: Snapshot,
	row: Pick<TargetRequestStats, 'targetAddr' | 'targetPort' | 'targetGroupArn'>,
): TargetRef | undefined {
	if (row.targetAddr === undefined) {
		return undefined;
	}

	const found = findTarget(snapshot.topology, {addr: row.targetAddr, port: row.targetPort});
	return found === undefined ||
		row.targetGroupArn === undefined ||
		found.group.arn === row.targetGroupArn
		? found
		: undefined;
}

/** "10.0.1.10:8080 (i-0abc, shop-tg)". */
export function targetText(snapshot: Snapshot, row: TargetRequestStats): string {
	const registered = registeredTarget(snapshot, row);
	const names = [
		registered !== undefined && registered.target.id !== row.targetAddr
			? registered.target.id
			: undefined,
		groupName(snapshot, row.targetGroupArn),
	].filter((name) => name !== undefined);
	return names.length === 0 ? row.target : `${row.target} (${names.join(', ')})`;
}

export function requestsRef(row: {
	readonly target?: string;
	readonly targetGroupArn?: string;
}): EvidenceRef {
	return {
		kind: 'requests',
		...(row.target === undefined ? {} : {target: row.target}),
		...(row.targetGroupArn === undefined ? {} : {targetGroupArn: row.targetGroupArn}),
	};
}

/** The request lines that show it, newest first, leaving room for the other evidence rows. */
export function requestRefs(
	lines: readonly RequestRecord[],
	matches: (record: RequestRecord) => boolean,
	max = Math.floor(maxEvidenceRows / 4),
): EvidenceRef[] {
	return lines
		.filter(matches)
		.slice(0, max)
		.map((record) => ({kind: 'request', id: record.id}));
}

export function targetEvidence(snapshot: Snapshot, row: TargetRequestStats): EvidenceRef[] {
	const registered = registeredTarget(snapshot, row);
	return registered === undefined
		? []
		: [{kind: 'target', targetGroupArn: registered.group.arn, id: registered.target.id}];
}

/** Enough failed requests, and a large enough share of those it carried, to be more than noise. */
export function isFailing(failed: number, requests: number): boolean {
	return (
		failed >= requestFailureMinCount && requests > 0 && failed / requests >= requestFailureMinShare
	);
}

export function failureSeverity(failed: number, requests: number): FindingSeverity {
	return failed / requests >= requestFailureCriticalShare ? 'critical' : 'warning';
}

/** "40%", "0.5%". */
export function shareText(part: number, whole: number): string {
	const percent = whole === 0 ? 0 : (part / whole) * 100;
	return `${percent >= 10 || percent === 0 ? Math.round(percent) : percent.toFixed(1)}%`;
}

/** Figures read from the objects are what lbtop read so far; Athena's over settled time are exact. */
export function confidenceOf(precision: string): 'high' | 'medium' {
	return precision === 'sampled' ? 'medium' : 'high';
}

/**
 * The evidence reaches back to where the logs read begin (their first minute): it began then or
 * earlier, which the title's time must say ("since before 13:40"), not claim as its start.
 */
export function beganBefore(
	coverage: {readonly start: number} | undefined,
	since: number | undefined,
): boolean {
	return coverage !== undefined && since !== undefined && since - coverage.start < 60_000;
}
