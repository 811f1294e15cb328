// The running figures of one target (or of one target group's undispatched requests): counts,
// a timing sketch, error reasons and classifications, and a few example requests for evidence.
import type {RequestRecord} from '../types/access-log-records.js';
import type {NotDispatchedStats, TargetRequestStats, TimingSummary} from '../types/access-logs.js';
import {BoundedCounter, RankedList} from './bounded.js';
import {type Outcome, RequestTally} from './request-tally.js';
import {QuantileSketch} from './sketch.js';

/** Examples kept per target, so every target's finding can point at its own requests. */
const examplesPerTarget = 3;

export const byNewest = (a: RequestRecord, b: RequestRecord): number =>
	b.time - a.time || a.id.localeCompare(b.id);
export const bySlowest = (a: RequestRecord, b: RequestRecord): number =>
	(b.targetProcessingTime ?? -1) - (a.targetProcessingTime ?? -1) || byNewest(a, b);
export const recordId = (record: RequestRecord): string => record.id;

export const isFailure = (outcome: Outcome): boolean => outcome.target5xx || outcome.elb5xx;

export class TargetState {
	readonly tally = new RequestTally();
	readonly timing = new QuantileSketch();
	readonly errorReasons = new BoundedCounter(64);
	readonly classifications = new BoundedCounter(64);
	readonly failing = new RankedList(examplesPerTarget, byNewest, recordId);
	readonly slowest = new RankedList(examplesPerTarget, bySlowest, recordId);

	constructor(
		readonly target: string,
		readonly targetGroupArn: string | undefined,
		readonly targetAddr: string | undefined,
		readonly targetPort: number | undefined,
	) {}

	add(entry: RequestRecord, outcome: Outcome): void {
		this.tally.add(entry, outcome);
		if (entry.targetProcessingTime !== undefined) {
			this.timing.add(entry.targetProcessingTime);
			this.slowest.add(entry);
		}

		this.errorReasons.add(entry.errorReason);
		this.classifications.add(entry.classification);
		if (isFailure(outcome)) {
			this.failing.add(entry);
		}
	}

	merge(other: TargetState): void {
		this.tally.merge(other.tally);
		this.timing.merge(other.timing);
		this.errorReasons.merge(other.errorReasons);
		this.classifications.merge(other.classifications);
		this.failing.merge(other.failing);
		this.slowest.merge(other.slowest);
	}

	copy(): TargetState {
		const copy = new TargetState(
			this.target,
			this.targetGroupArn,
			this.targetAddr,
			this.targetPort,
		);
		copy.merge(this);
		return copy;
	}

	targetStats(minutes: number): TargetRequestStats {
		return {
			...this.tally.counts(),
			target: this.target,
			...(this.targetAddr === undefined ? {} : {targetAddr: this.targetAddr}),
			...(this.targetPort === undefined ? {} : {targetPort: this.targetPort}),
			...(this.targetGroupArn === undefined ? {} : {targetGroupArn: this.targetGroupArn}),
			perMinute: this.tally.requests / minutes,
			targetTime: timingSummary(this.timing),
			errorReasons: this.errorReasons.top(),
			classifications: this.classifications.top(),
		};
	}

	notDispatchedStats(): NotDispatchedStats {
		return {
			...this.tally.counts(),
			...(this.targetGroupArn === undefined ? {} : {targetGroupArn: this.targetGroupArn}),
			byDesign: this.tally.byDesign,
			errorReasons: this.errorReasons.top(),
			classifications: this.classifications.top(),
		};
	}
}

export function timingSummary(sketch: QuantileSketch): TimingSummary {
	const p50 = sketch.quantile(0.5);
	const p99 = sketch.quantile(0.99);
	const max = sketch.max;
	return {
		count: sketch.count,
		...(p50 === undefined ? {} : {p50}),
		...(p99 === undefined ? {} : {p99}),
		...(max === undefined ? {} : {max}),
	};
}
