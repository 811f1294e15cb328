// Named causes with their evidence, computed by pure rules over a Snapshot.

export type FindingSeverity = 'critical' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

export type EvidenceRef =
	| {readonly kind: 'connection'; readonly id: string}
	| {readonly kind: 'rejected-source'; readonly addr: string}
	| {readonly kind: 'metric'; readonly seriesId: string}
	| {readonly kind: 'alarm'; readonly name: string}
	| {readonly kind: 'change'; readonly id: string}
	| {readonly kind: 'target'; readonly targetGroupArn: string; readonly id: string}
	| {readonly kind: 'gap'; readonly gap: string}
	/** A row of the Requests pane: a target (`ip:port` or `lambda`), or without `target` the requests a target group never dispatched. */
	| {readonly kind: 'requests'; readonly target?: string; readonly targetGroupArn?: string}
	/** One request line (the slowest or failing requests), by RequestRecord id. */
	| {readonly kind: 'request'; readonly id: string}
	/** A row of the TLS pane. */
	| {readonly kind: 'tls-listener'; readonly listener: string};

export type Finding = {
	readonly id: string;
	readonly rule: string;
	readonly severity: FindingSeverity;
	readonly confidence: Confidence;
	readonly title: string;
	/** Unix ms: when the evidence began, remembered across refreshes (not clipped to the window). */
	readonly since?: number;
	/**
	 * The evidence was already there where lbtop's data begins: it began at or before `since`
	 * ("before 13:40"), not at it.
	 */
	readonly sinceBefore?: boolean;
	/** Unix ms: the newest evidence. */
	readonly lastSeen?: number;
	/**
	 * Unix ms: the evidence stopped (REJECTs ended, a metric recovered, an alarm went back to OK);
	 * a resolved finding is `info` and leaves the list a while later.
	 */
	readonly resolvedAt?: number;
	readonly evidence: readonly EvidenceRef[];
	readonly next: string;
	readonly relatedChangeId?: string;
};
