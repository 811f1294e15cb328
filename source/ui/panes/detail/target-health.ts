// A target as its health check sees it: the state, and the reason code and description ELB gives
// (Target.FailedHealthChecks, Target.Timeout, ...), which say where to look next.

import type {TargetHealthState, Topology} from '../../../domain/snapshot.js';
import {allTargets, type TargetRef, targetLabel} from '../../../domain/topology/topology-lookup.js';
import type {Line, Part, Tone} from '../line.js';
import type {PaneContext} from '../pane-context.js';
import {factsLine, part} from './detail-lines.js';

const healthTone: Readonly<Record<TargetHealthState, Tone | undefined>> = {
	healthy: 'green',
	initial: 'yellow',
	unhealthy: 'red',
	unused: 'dim',
	draining: 'yellow',
	unavailable: 'red',
	'unhealthy.draining': 'red',
	unknown: 'dim',
};

export function healthParts(ref: TargetRef, firstPriority = 1): Part[] {
	const {health} = ref.target;
	const parts = [part(health.state, firstPriority, healthTone[health.state])];
	if (health.reason !== undefined && health.reason.length > 0) {
		parts.push(part(health.reason, firstPriority + 1));
	}

	if (health.description !== undefined && health.description.length > 0) {
		parts.push(part(health.description, firstPriority + 3, 'dim'));
	}

	return parts;
}

/** "i-0def5678 (10.0.2.20:8443) · unhealthy · Target.FailedHealthChecks · Health checks failed". */
export function targetHealthLine(ref: TargetRef, context: PaneContext, prefix = ''): Line {
	const zone = ref.target.availabilityZone;
	return factsLine(
		[
			part(targetLabel(ref), 0),
			...(zone === undefined ? [] : [part(zone, 3, 'dim')]),
			...healthParts(ref),
		],
		context,
		prefix,
	);
}

export function findTargetById(
	topology: Topology | undefined,
	targetGroupArn: string,
	id: string,
): TargetRef | undefined {
	const targets = allTargets(topology).filter(({target}) => target.id === id);
	return targets.find(({group}) => group.arn === targetGroupArn) ?? targets[0];
}
