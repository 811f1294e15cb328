// How each ALB request ended, and the counts of a group of them (a target, the requests a target
// group never dispatched, the whole LB). The split follows the ALB's own fields: the target's
// status code is there only if the target answered; an LB 5XX without a target 5XX is the LB's own
// (the target did not answer, answered too late or answered garbage).
import type {RequestRecord} from '../types/access-log-records.js';
import type {RequestCounts} from '../types/access-logs.js';
import {BoundedCounter} from './bounded.js';
import {earliest, latest} from './values.js';

export type Outcome = {
	/** Sent to a target: an address in target:port, or a Lambda function's answer. */
	readonly dispatched: boolean;
	readonly target5xx: boolean;
	readonly elb5xx: boolean;
	readonly status4xx: boolean;
	/** Sent to a target address that never answered (target_status_code `-`). */
	readonly noAnswer: boolean;
	/** Answered by a rule on purpose, never meant for a target. */
	readonly byDesign: boolean;
};

const is5xx = (code: number | undefined): boolean =>
	code !== undefined && code >= 500 && code < 600;
const ruleActions = new Set(['redirect', 'fixed-response', 'waf', 'authenticate']);

export function outcomeOf(entry: RequestRecord): Outcome {
	const dispatched = entry.targetAddr !== undefined || entry.targetStatusCode !== undefined;
	const target5xx = is5xx(entry.targetStatusCode);
	const elb5xx = is5xx(entry.elbStatusCode) && !target5xx;
	const status = entry.elbStatusCode ?? 0;
	return {
		dispatched,
		target5xx,
		elb5xx,
		status4xx: status >= 400 && status < 500,
		noAnswer: entry.targetAddr !== undefined && entry.targetStatusCode === undefined,
		byDesign:
			!dispatched &&
			!elb5xx &&
			entry.actionsExecuted.some((action) => ruleActions.has(action)) &&
			!entry.actionsExecuted.includes('forward'),
	};
}

/** `10.0.1.5:8080`, `[2001:db8::5]:8080`, or `lambda`. */
export function targetKey(entry: RequestRecord): string {
	if (entry.targetAddr === undefined) {
		return 'lambda';
	}

	const addr = entry.targetAddr.includes(':') ? `[${entry.targetAddr}]` : entry.targetAddr;
	return `${addr}:${entry.targetPort ?? 0}`;
}

export class RequestTally {
	requests = 0;
	target5xx = 0;
	elb5xx = 0;
	status4xx = 0;
	noAnswer = 0;
	byDesign = 0;
	readonly elbCodes = new BoundedCounter(32);
	firstSeen: number | undefined;
	lastSeen: number | undefined;
	firstFailure: number | undefined;
	lastFailure: number | undefined;

	add(entry: RequestRecord, outcome: Outcome): void {
		this.requests++;
		this.target5xx += outcome.target5xx ? 1 : 0;
		this.elb5xx += outcome.elb5xx ? 1 : 0;
		this.status4xx += outcome.status4xx ? 1 : 0;
		this.noAnswer += outcome.noAnswer ? 1 : 0;
		this.byDesign += outcome.byDesign ? 1 : 0;
		if (outcome.elb5xx) {
			this.elbCodes.add(String(entry.elbStatusCode));
		}

		this.firstSeen = earliest(this.firstSeen, entry.time);
		this.lastSeen = latest(this.lastSeen, entry.time);
		if (outcome.target5xx || outcome.elb5xx) {
			this.firstFailure = earliest(this.firstFailure, entry.time);
			this.lastFailure = latest(this.lastFailure, entry.time);
		}
	}

	merge(other: RequestTally): void {
		this.requests += other.requests;
		this.target5xx += other.target5xx;
		this.elb5xx += other.elb5xx;
		this.status4xx += other.status4xx;
		this.noAnswer += other.noAnswer;
		this.byDesign += other.byDesign;
		this.elbCodes.merge(other.elbCodes);
		this.firstSeen = earliest(this.firstSeen, other.firstSeen);
		this.lastSeen = latest(this.lastSeen, other.lastSeen);
		this.firstFailure = earliest(this.firstFailure, other.firstFailure);
		this.lastFailure = latest(this.lastFailure, other.lastFailure);
	}

	counts(): RequestCounts {
		return {
			requests: this.requests,
			target5xx: this.target5xx,
			elb5xx: this.elb5xx,
			status4xx: this.status4xx,
			noAnswer: this.noAnswer,
			elbCodes: this.elbCodes.top(32).top,
			...(this.firstSeen === undefined ? {} : {firstSeen: this.firstSeen}),
			...(this.lastSeen === undefined ? {} : {lastSeen: this.lastSeen}),
			...(this.firstFailure === undefined ? {} : {firstFailure: this.firstFailure}),
			...(this.lastFailure === undefined ? {} : {lastFailure: this.lastFailure}),
		};
	}
}
