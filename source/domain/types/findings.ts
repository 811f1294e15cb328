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
	| {readonly kind: 'gap'; readonly gap: string};

export type Finding = {
	readonly id: string;
	readonly rule: string;
	readonly severity: FindingSeverity;
	readonly confidence: Confidence;
	readonly title: string;
	/** Unix ms. */
	readonly since?: number;
	readonly evidence: readonly EvidenceRef[];
	readonly next: string;
	readonly relatedChangeId?: string;
};
