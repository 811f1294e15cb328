// One line for a finding's access log evidence (a target's requests, one request, a TLS listener),
// resolved in the same snapshot; an item no longer there says so instead of vanishing.
import {countText, secondsText, utcTime} from '../findings/format.js';
import type {Snapshot} from '../snapshot.js';
import type {RequestRecord} from '../types/access-log-records.js';
import type {RequestCounts, TimingSummary} from '../types/access-logs.js';
import type {EvidenceRef} from '../types/findings.js';
import {requestText} from './request-line.js';

export type AccessLogEvidence = Extract<
	EvidenceRef,
	{kind: 'requests'} | {kind: 'request'} | {kind: 'tls-listener'}
>;

type Views = Pick<Snapshot, 'requests' | 'tls'>;

const groupName = (arn: string | undefined) =>
	arn === undefined ? undefined : (/:targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn);

function countsText(row: RequestCounts): string {
	const codes = row.elbCodes.map((code) => `${code.name} ×${countText(code.count)}`).join(' ');
	return [
		`${countText(row.requests)} requests`,
		row.target5xx > 0 ? `target 5XX ${countText(row.target5xx)}` : '',
		row.elb5xx > 0 ? `LB 5XX ${countText(row.elb5xx)}${codes === '' ? '' : ` (${codes})`}` : '',
		row.noAnswer > 0 ? `no answer ${countText(row.noAnswer)}` : '',
		row.status4xx > 0 ? `4XX ${countText(row.status4xx)}` : '',
	]
		.filter((part) => part !== '')
		.join(', ');
}

function timingText(timing: TimingSummary, format: (value: number) => string): string {
	return [
		timing.p50 === undefined ? '' : `p50 ${format(timing.p50)}`,
		timing.p99 === undefined ? '' : `p99 ${format(timing.p99)}`,
	]
		.filter((part) => part !== '')
		.join(' ');
}

function requestLine(record: RequestRecord): string {
	const target =
		record.targetAddr === undefined
			? 'no target'
			: `${record.targetAddr}:${record.targetPort ?? '-'}`;
	const time =
		record.targetProcessingTime === undefined
			? 'no answer'
			: secondsText(record.targetProcessingTime);
	return [
		utcTime(record.time),
		requestText(record),
		`→ ${record.elbStatusCode ?? '-'} (target ${record.targetStatusCode ?? '-'})`,
		target,
		time,
		record.errorReason ?? '',
	]
		.filter((part) => part !== '')
		.join(' ');
}

export function accessLogEvidenceText(evidence: AccessLogEvidence, views: Views): string {
	if (evidence.kind === 'request') {
		const requests = views.requests;
		const record = [...(requests?.failing ?? []), ...(requests?.slowest ?? [])].find(
			(entry) => entry.id === evidence.id,
		);
		return record === undefined
			? `request ${evidence.id} (no longer in the window)`
			: requestLine(record);
	}

	if (evidence.kind === 'tls-listener') {
		const row = views.tls?.listeners.find((entry) => entry.listener === evidence.listener);
		return row === undefined
			? `listener ${evidence.listener} (no longer in the window)`
			: `listener ${row.listener}: ${countText(row.connections)} connections, ${countText(row.failedHandshakes)} failed handshakes, ${timingText(row.handshake, (ms) => `${Math.round(ms)} ms`)}${row.oldProtocol > 0 ? `, TLS 1.0/1.1 ${countText(row.oldProtocol)}` : ''}`;
	}

	const group = groupName(evidence.targetGroupArn);
	const where = group === undefined ? '' : ` ${group}`;
	if (evidence.target === undefined) {
		const row = views.requests?.notDispatched.find(
			(entry) => entry.targetGroupArn === evidence.targetGroupArn,
		);
		return row === undefined
			? `not dispatched${where} (no longer in the window)`
			: `not dispatched${where}: ${countsText(row)}`;
	}

	const row = views.requests?.targets.find(
		(entry) => entry.target === evidence.target && entry.targetGroupArn === evidence.targetGroupArn,
	);
	return row === undefined
		? `target ${evidence.target}${where} (no longer in the window)`
		: `target ${row.target}${where}: ${countsText(row)}, ${timingText(row.targetTime, secondsText)}`;
}
