// The series lbtop asks CloudWatch for, built from the topology: every series of the LB's type at
// the load balancer, the host counts per target group, and (with the breakdown on) the same per
// Availability Zone. All of them go into one GetMetricData call, which takes at most 500 queries.
import type {MetricUnit} from '../types/metrics.js';
import type {Topology} from '../types/topology.js';
import {type MetricDefinition, metricsByType, namespaceByType} from './metric-catalog.js';

export const metricPeriodSeconds = 60;
export const maxQueriesPerCall = 500;

export type MetricSpec = {
	/** GetMetricData query id: a lowercase letter, then letters, digits, underscores. */
	readonly queryId: string;
	/** Stable across refreshes and readable, e.g. `UnHealthyHostCount.Minimum.tg/web`. */
	readonly seriesId: string;
	readonly namespace: string;
	readonly metricName: string;
	readonly stat: string;
	readonly periodSeconds: number;
	readonly unit: MetricUnit;
	readonly label: string;
	readonly dimensions: Readonly<Record<string, string>>;
};

export type SpecOptions = {
	/** Per-AZ series as well (default true): they cost nothing extra in the same call. */
	readonly breakdown?: boolean;
};

type TargetGroupRef = {readonly name: string; readonly dimension: string};

/**
 * `TargetGroup` dimension value: the ARN's resource part, `targetgroup/<name>/<id>`.
 * Undefined for anything else, so a malformed ARN never becomes a query that matches nothing.
 */
export function targetGroupDimension(arn: string): string | undefined {
	const resource = arn.slice(arn.lastIndexOf(':') + 1);
	return /^targetgroup\/[^/]+\/[^/]+$/.test(resource) ? resource : undefined;
}

function targetGroupsOf(topology: Topology): TargetGroupRef[] {
	return topology.targetGroups.flatMap((group) => {
		const dimension = targetGroupDimension(group.arn);
		return dimension === undefined
			? []
			: [{name: dimension.split('/')[1] ?? group.name, dimension}];
	});
}

type Placement = {readonly group?: TargetGroupRef; readonly zone?: string};

function placements(
	definition: MetricDefinition,
	groups: readonly TargetGroupRef[],
	zones: readonly string[],
	breakdown: boolean,
): {readonly whole: Placement[]; readonly perZone: Placement[]} {
	const base: Placement[] =
		definition.scope === 'target-group' ? groups.map((group) => ({group})) : [{}];
	const perZone =
		breakdown && definition.perZone
			? base.flatMap((placement) => zones.map((zone) => ({...placement, zone})))
			: [];
	return {whole: base, perZone};
}

function specOf(
	topology: Topology,
	definition: MetricDefinition,
	placement: Placement,
): Omit<MetricSpec, 'queryId'> {
	const {group, zone} = placement;
	const idParts = [definition.metricName, definition.stat];
	const labelParts = [definition.label];
	if (group !== undefined) {
		idParts.push(`tg/${group.name}`);
		labelParts.push(group.name);
	}
	if (zone !== undefined) {
		idParts.push(`az/${zone}`);
		labelParts.push(zone);
	}
	return {
		seriesId: idParts.join('.'),
		namespace: namespaceByType[topology.type],
		metricName: definition.metricName,
		stat: definition.stat,
		periodSeconds: metricPeriodSeconds,
		unit: definition.unit,
		label: labelParts.join(' '),
		dimensions: {
			LoadBalancer: topology.metricDimension,
			...(group === undefined ? {} : {TargetGroup: group.dimension}),
			...(zone === undefined ? {} : {AvailabilityZone: zone}),
		},
	};
}

/**
 * Load-balancer and target-group series first, the per-AZ breakdown after them, so that if a very
 * large topology goes over the 500-query limit it is the breakdown that is left out.
 */
export function buildMetricSpecs(topology: Topology, options: SpecOptions = {}): MetricSpec[] {
	const breakdown = options.breakdown ?? true;
	const groups = targetGroupsOf(topology);
	const zones = [...new Set(topology.availabilityZones.map((zone) => zone.zone))];
	const whole: Omit<MetricSpec, 'queryId'>[] = [];
	const perZone: Omit<MetricSpec, 'queryId'>[] = [];
	for (const definition of metricsByType[topology.type]) {
		const placed = placements(definition, groups, zones, breakdown);
		whole.push(...placed.whole.map((placement) => specOf(topology, definition, placement)));
		perZone.push(...placed.perZone.map((placement) => specOf(topology, definition, placement)));
	}
	const seen = new Set<string>();
	return [...whole, ...perZone]
		.filter((spec) => {
			const fresh = !seen.has(spec.seriesId);
			seen.add(spec.seriesId);
			return fresh;
		})
		.slice(0, maxQueriesPerCall)
		.map((spec, index) => ({queryId: `m${index}`, ...spec}));
}
