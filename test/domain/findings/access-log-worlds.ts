// Worlds for the access log rules, written by hand: an ALB "shop-alb" whose target group web-tg
// has targets of its own (instance targets on port 80, healthy unless a world says otherwise), and
// an NLB with a TLS listener. Entries come from the access-logs request builder.
import {aggregateRequests} from '../../../source/domain/access-logs/requests-accumulator.js';
import {aggregateTls} from '../../../source/domain/access-logs/tls-accumulator.js';
import type {
	RequestRecord,
	Snapshot,
	TargetInfo,
	TlsConnectionRecord,
} from '../../../source/domain/snapshot.js';
import {request, tls, without} from '../access-logs/request-builder.js';
import {buildSnapshot} from './snapshot-builder.js';
import {ids, minute, now, target, targetGroup, topology} from './topology-builder.js';

export const coverage = {start: now - 15 * minute, end: now};

/** Targets 10.0.{index}.10:80, i-0…{index}. */
export const albTarget = (index: number, overrides: Partial<TargetInfo> = {}): TargetInfo =>
	target({
		id: `i-0aaa1111bbbb2${String(index).padStart(4, '0')}`,
		ip: `10.0.${index}.10`,
		...overrides,
	});

export function albSnapshot(
	entries: readonly RequestRecord[],
	targets: readonly TargetInfo[] = [albTarget(0), albTarget(1)],
): Snapshot {
	return buildSnapshot({
		target: 'shop-alb',
		topology: topology({
			name: 'shop-alb',
			type: 'application',
			listeners: [
				{arn: ids.listenerArn, port: 443, protocol: 'HTTPS', targetGroupArns: [ids.tgArn]},
			],
			targetGroups: [targetGroup({protocol: 'HTTP', targets})],
		}),
		requests: aggregateRequests(entries, {precision: 'provisional', coverage}),
	});
}

/** A request to target `index` of web-tg, spread over the window by `offset`. */
export function to(
	index: number,
	offset: number,
	overrides: Partial<RequestRecord> = {},
): RequestRecord {
	return request({
		targetAddr: `10.0.${index}.10`,
		targetPort: 80,
		targetGroupArn: ids.tgArn,
		time: now - minute - (offset % (13 * minute)),
		...overrides,
	});
}

export const listenerId = 'f2f7dc8efc522ab2';

export function nlbSnapshot(entries: readonly TlsConnectionRecord[]): Snapshot {
	return buildSnapshot({
		topology: topology({
			listeners: [{arn: ids.listenerArn, port: 443, protocol: 'TLS', targetGroupArns: [ids.tgArn]}],
		}),
		tls: aggregateTls(entries, {precision: 'provisional', coverage}),
	});
}

export const connection = (offset: number, overrides: Partial<TlsConnectionRecord> = {}) =>
	tls({listener: listenerId, time: now - minute - (offset % (13 * minute)), ...overrides});

/** Target `index` answered 500 itself. */
export const answered5xx = (index: number, offset: number): RequestRecord =>
	to(index, offset, {elbStatusCode: 500, targetStatusCode: 500});

/** Sent to target `index`, which never answered: the LB's 504, the timings -1. */
export const timedOutAt = (index: number, offset: number): RequestRecord =>
	without(
		to(index, offset, {elbStatusCode: 504}),
		'targetStatusCode',
		'targetProcessingTime',
		'responseProcessingTime',
	);

/** Answered by the LB without a target (target:port `-`). */
export const undispatchedAt = (
	offset: number,
	overrides: Partial<RequestRecord> = {},
): RequestRecord =>
	without(
		to(0, offset, {elbStatusCode: 503, ...overrides}),
		'targetAddr',
		'targetPort',
		'targetStatusCode',
		'requestProcessingTime',
		'targetProcessingTime',
		'responseProcessingTime',
	);
