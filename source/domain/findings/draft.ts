// What a rule returns: the finding plus what the shared steps need to enrich it (the resources a
// change would have to touch to explain it, the metrics whose alarms back it up).
import {sanitizeText} from '../sanitize.js';
import type {Snapshot} from '../snapshot.js';
import type {Confidence, EvidenceRef, Finding, FindingSeverity} from '../types/findings.js';

/** Titles are one line; the drill-down holds the rest. */
const maxTitleLength = 240;
const maxNextLength = 480;

export type DraftFinding = {
	readonly finding: Finding;
	/** Ids and ARNs (security groups, targets, subnets, target groups, the LB) a cause would touch. */
	readonly relatedResources: readonly string[];
	/** CloudWatch metric names whose alarms in ALARM are evidence for this finding. */
	readonly metricNames: readonly string[];
	/** Network ACL edits explain this finding too. */
	readonly networkAclChanges: boolean;
	/**
	 * The finding is traffic being denied: a change that can only allow more (a security group rule
	 * authorized) cannot have caused it.
	 */
	readonly deniesTraffic: boolean;
	/**
	 * Unix ms: the newest moment the same place was seen working again (accepted traffic where the
	 * REJECTs were logged). Far enough past `lastSeen`, the finding is resolved.
	 */
	readonly clearThrough?: number;
	/** The rules read after the last evidence allow the traffic: fixed once it works again. */
	readonly rulesAllowNow?: boolean;
	/** `since` is the first connection row's: evaluation says whether it began before the rows. */
	readonly sinceFromRows?: boolean;
};

export type FindingRule = {
	readonly name: string;
	/**
	 * Pure: the same snapshot gives the same drafts. `now` is the snapshot's generatedAt, read from
	 * it, so that evaluation knows the rule depends on the clock (rule-memo.ts).
	 */
	readonly evaluate: (snapshot: Snapshot) => readonly DraftFinding[];
};

export type DraftInput = {
	readonly rule: string;
	/** What makes this finding distinct within its rule (a target group, a port, an address). */
	readonly key: string;
	readonly severity: FindingSeverity;
	readonly confidence: Confidence;
	readonly title: string;
	readonly since?: number | undefined;
	readonly sinceBefore?: boolean | undefined;
	readonly lastSeen?: number | undefined;
	readonly clearThrough?: number | undefined;
	readonly rulesAllowNow?: boolean | undefined;
	readonly sinceFromRows?: boolean | undefined;
	readonly evidence: readonly EvidenceRef[];
	readonly next: string;
	readonly relatedResources?: readonly (string | undefined)[];
	readonly metricNames?: readonly string[];
	readonly networkAclChanges?: boolean;
	readonly deniesTraffic?: boolean;
};

export function findingId(rule: string, key: string): string {
	return `${rule}:${key}`;
}

export function draft(input: DraftInput): DraftFinding {
	return {
		finding: {
			id: findingId(input.rule, input.key),
			rule: input.rule,
			severity: input.severity,
			confidence: input.confidence,
			// Titles embed names that came from AWS (target group names, ids, reasons).
			title: sanitizeText(input.title, maxTitleLength),
			...(input.since === undefined ? {} : {since: input.since}),
			...(input.since !== undefined && input.sinceBefore === true ? {sinceBefore: true} : {}),
			...(input.lastSeen === undefined ? {} : {lastSeen: input.lastSeen}),
			evidence: input.evidence,
			next: sanitizeText(input.next, maxNextLength),
		},
		relatedResources: [
			...new Set(
				(input.relatedResources ?? []).filter((id): id is string => id !== undefined && id !== ''),
			),
		],
		metricNames: input.metricNames ?? [],
		networkAclChanges: input.networkAclChanges ?? false,
		deniesTraffic: input.deniesTraffic ?? false,
		...(input.clearThrough === undefined ? {} : {clearThrough: input.clearThrough}),
		...(input.rulesAllowNow === true ? {rulesAllowNow: true} : {}),
		...(input.sinceFromRows === true ? {sinceFromRows: true} : {}),
	};
}
