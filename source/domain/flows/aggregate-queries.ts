// Logs Insights queries whose `stats` rows mergeAggregateRows reads. Insights discovers the default
// format's fields by itself (srcAddr, dstPort, action, interfaceId, packets, bytes, ...); any other
// format is read with a `parse @message` prefix built from the flow log's own field list.
//
// Every query scans the whole time range of the log groups it names, so the set is kept to two:
// `timeline` (totals, per interface, per bucket: few rows) and `sources` (per source and port, per
// bucket too, so a range the window's start has moved into counts only what is still inside, as
// the timeline does, and the lists add up with the totals).
import type {FlowFormat} from './flow-format.js';
import {isIpv4, isIpv6} from './flow-values.js';

/** Column names of the rows both queries return, whatever the format. */
export const aggregateColumns = {
	action: 'action',
	interfaceId: 'interfaceId',
	srcAddr: 'srcAddr',
	dstPort: 'dstPort',
	bucket: 'bucket',
	flows: 'flows',
	packets: 'packets',
	bytes: 'bytes',
} as const;

/** Fields Logs Insights discovers in default-format flow logs (CloudWatch Logs user guide). */
export const discoveredFlowFields: Readonly<Record<string, string>> = {
	version: 'version',
	'account-id': 'accountId',
	'interface-id': 'interfaceId',
	srcaddr: 'srcAddr',
	dstaddr: 'dstAddr',
	srcport: 'srcPort',
	dstport: 'dstPort',
	protocol: 'protocol',
	packets: 'packets',
	bytes: 'bytes',
	start: 'startTime',
	end: 'endTime',
	action: 'action',
	'log-status': 'logStatus',
};

/**
 * The two queries for a default-format flow log with one-minute buckets and no scoping, as written
 * out by buildAggregateQueries; use the builder to scope interfaces or drop local addresses.
 */
export const defaultTimelineQuery =
	'filter action = "ACCEPT" or action = "REJECT" | stats count(*) as flows, sum(packets) as packets, sum(bytes) as bytes by bin(60s) as bucket, action, interfaceId';
export const defaultSourcesQuery =
	'filter action = "ACCEPT" or action = "REJECT" | stats count(*) as flows, sum(packets) as packets, sum(bytes) as bytes by bin(60s) as bucket, action, srcAddr, dstPort, interfaceId | sort flows desc';

export type FlowQueryOptions = {
	readonly format: FlowFormat;
	/** Width of the timeline buckets, seconds. */
	readonly bucketSeconds: number;
	/** The LB's and targets' own addresses, left out of the sources query (see aggregate-context). */
	readonly localAddrs?: readonly string[];
	/** Interfaces to count; all interfaces in the log groups when absent. */
	readonly interfaceIds?: readonly string[];
};

export type FlowAggregateQueries = {
	readonly timeline?: string;
	readonly sources?: string;
	/** Fields the format lacks for a query that was therefore not built. */
	readonly missingFields: readonly string[];
};

export function buildAggregateQueries(options: FlowQueryOptions): FlowAggregateQueries {
	const fields = fieldNames(options.format);
	const action = fields.get('action');
	const srcAddr = fields.get('srcaddr');
	const missingFields = [
		...(action === undefined ? ['action'] : []),
		...(srcAddr === undefined ? ['srcaddr'] : []),
	];
	if (action === undefined) {
		return {missingFields};
	}

	const interfaceId = fields.get('interface-id');
	const base = [
		...parsePrefix(options.format),
		`filter ${action} = "ACCEPT" or ${action} = "REJECT"`,
		...interfaceFilter(interfaceId, options.interfaceIds ?? []),
	];
	const sums = [
		'count(*) as flows',
		...sumOf(fields.get('packets'), 'packets'),
		...sumOf(fields.get('bytes'), 'bytes'),
	].join(', ');
	const bucket = `bin(${Math.max(1, Math.floor(options.bucketSeconds))}s) as bucket`;
	const timeline = [
		...base,
		`stats ${sums} by ${[bucket, alias(action, 'action'), ...aliasOf(interfaceId, 'interfaceId')].join(', ')}`,
	].join(' | ');
	if (srcAddr === undefined) {
		return {timeline, missingFields};
	}

	const groupBy = [
		bucket,
		alias(action, 'action'),
		alias(srcAddr, 'srcAddr'),
		...aliasOf(fields.get('dstport'), 'dstPort'),
		...aliasOf(interfaceId, 'interfaceId'),
	];
	const sources = [
		...base,
		...localFilter(srcAddr, options.localAddrs ?? []),
		`stats ${sums} by ${groupBy.join(', ')}`,
		'sort flows desc',
	].join(' | ');
	return {timeline, sources, missingFields};
}

/** The Insights name of each format field: discovered names for the default format, parsed ones otherwise. */
export function fieldNames(format: FlowFormat): ReadonlyMap<string, string> {
	return new Map(
		format.fields.map((field) => [
			field,
			format.isDefault ? (discoveredFlowFields[field] ?? parsedName(field)) : parsedName(field),
		]),
	);
}

/**
 * `parse @message "* * ..." as ...` for a custom format. The parsed names carry a `flow_` prefix so
 * they never collide with fields Insights may still discover in the same log group.
 */
export function parsePrefix(format: FlowFormat): string[] {
	if (format.isDefault) {
		return [];
	}

	const globs = format.fields.map(() => '*').join(' ');
	return [`parse @message "${globs}" as ${format.fields.map(parsedName).join(', ')}`];
}

function parsedName(field: string): string {
	return `flow_${field.replaceAll('-', '_')}`;
}

export function alias(expression: string, name: string): string {
	return expression === name ? name : `${expression} as ${name}`;
}

export function aliasOf(expression: string | undefined, name: string): string[] {
	return expression === undefined ? [] : [alias(expression, name)];
}

export function sumOf(expression: string | undefined, name: string): string[] {
	return expression === undefined ? [] : [`sum(${expression}) as ${name}`];
}

// Values are pasted into the query text, so only shapes that cannot break out of a string literal
// are let through.
const interfaceIdShape = /^eni-[0-9a-f]{1,32}$/;

export function interfaceFilter(
	field: string | undefined,
	interfaceIds: readonly string[],
): string[] {
	const safe = interfaceIds.filter((id) => interfaceIdShape.test(id));
	if (field === undefined || safe.length === 0) {
		return [];
	}

	return [`filter ${safe.map((id) => `${field} = "${id}"`).join(' or ')}`];
}

function localFilter(field: string, addrs: readonly string[]): string[] {
	const safe = addrs.filter((addr) => isIpv4(addr) || isIpv6(addr));
	if (safe.length === 0) {
		return [];
	}

	return [`filter ${safe.map((addr) => `${field} != "${addr}"`).join(' and ')}`];
}

export type FlowRecordsQueryOptions = {
	readonly format: FlowFormat;
	readonly limit: number;
	readonly interfaceIds?: readonly string[];
	/** Only records with this action (REJECTs are read first so a flood of ACCEPTs cannot hide them). */
	readonly action?: 'ACCEPT' | 'REJECT';
};

/** Raw records, newest first, for pairing: `@message` is parsed by parseFlowRecord, not by Insights. */
export function buildRecordsQuery(options: FlowRecordsQueryOptions): string {
	const fields = fieldNames(options.format);
	const action = fields.get('action');
	const needsParse = options.action !== undefined && action !== undefined;
	return [
		...(needsParse || options.interfaceIds !== undefined ? parsePrefix(options.format) : []),
		'fields @timestamp, @message, @logStream',
		...(options.action !== undefined && action !== undefined
			? [`filter ${action} = "${options.action}"`]
			: []),
		...interfaceFilter(fields.get('interface-id'), options.interfaceIds ?? []),
		'sort @timestamp desc',
		`limit ${Math.max(1, Math.min(10_000, Math.floor(options.limit)))}`,
	].join(' | ');
}
