// The two header rows as text: which load balancer, where, and the clocks; then the window and
// the one-glance health of what sits behind it.
import {sanitizeText} from '../../domain/sanitize.js';
import type {ErrorKind, LoadBalancerType, Snapshot, Topology} from '../../domain/snapshot.js';
import {targetHealthNow} from '../../domain/topology/target-health.js';
import type {WindowMinutes} from '../app-types.js';
import {formatClock, formatWindowLength} from '../format.js';
import type {TimeZoneMode} from '../pane-types.js';
import type {Segment} from './status-text.js';

const typeLabels: Readonly<Record<LoadBalancerType, string>> = {
	network: 'NLB',
	application: 'ALB',
	gateway: 'GWLB',
};

/** Before the load balancer is found: what stands in the way, not a guess that it does not exist. */
const failedWords: Readonly<Partial<Record<ErrorKind, string>>> = {
	network: 'cannot connect',
	throttled: 'throttled',
	'not-found': 'not found',
};

function discoveryWord(snapshot: Snapshot, ascii: boolean): string {
	const discovery = snapshot.sources.discovery;
	switch (discovery.status) {
		case 'error':
			return (discovery.error && failedWords[discovery.error.kind]) ?? 'cannot start';
		case 'pending':
			return ascii ? 'discovering...' : 'discovering…';
		default:
			return '';
	}
}

export function identityText(snapshot: Snapshot, separator: string, ascii: boolean): string {
	const topology = snapshot.topology;
	const what =
		topology === undefined
			? `${sanitizeText(snapshot.target, 120)} ${discoveryWord(snapshot, ascii)}`.trim()
			: `${sanitizeText(topology.name, 120)} ${typeLabels[topology.type]} ${topology.scheme}`;
	const parts = [`lbtop ${what}`, sanitizeText(snapshot.region, 40)];
	if (snapshot.identity !== undefined) {
		parts.push(`acct ${sanitizeText(snapshot.identity.account, 20)}`);
	}
	return parts.join(separator);
}

/** UTC for the incident channel, local time beside it unless the machine runs on UTC. */
export function clockText(now: number): string {
	const utc = formatClock(now, 'utc');
	return new Date(now).getTimezoneOffset() === 0
		? utc
		: `${utc}  ${formatClock(now, 'local')} local`;
}

export function windowText(
	snapshot: Snapshot,
	requested: WindowMinutes,
	timeZone: TimeZoneMode,
	arrow: string,
): string {
	const length = snapshot.window.end - snapshot.window.start;
	const shown = formatWindowLength(length);
	const asked = formatWindowLength(requested * 60_000);
	const change = shown === asked ? '' : ` ${arrow} ${asked}`;
	const from = formatClock(snapshot.window.start, timeZone);
	const to = formatClock(snapshot.window.end, timeZone);
	return `window ${shown}${change} (${from}-${to})`;
}

/**
 * Healthy targets now, from whichever of discovery and CloudWatch saw them last: the figure the
 * unhealthy-targets finding reads, so the two never disagree. Marked when that source's last
 * attempt failed (the figure is older than it looks).
 */
function targetsSegment(snapshot: Snapshot, topology: Topology): Segment | undefined {
	const groups = targetHealthNow(snapshot).filter((health) => health.group !== undefined);
	const registered = groups.reduce((sum, health) => sum + health.registered, 0);
	if (registered === 0) {
		return topology.targetGroups.length === 0
			? undefined
			: {key: 'targets', text: 'no targets registered', tone: 'warn'};
	}
	const healthy = groups.reduce((sum, health) => sum + health.healthy, 0);
	const unhealthy = groups.reduce((sum, health) => sum + health.unhealthy, 0);
	const stale = [...new Set(groups.map((health) => health.source))].some(
		(source) => snapshot.sources[source].status !== 'ok',
	);
	const tone =
		unhealthy > 0 || healthy === 0 ? 'error' : healthy < registered || stale ? 'warn' : 'normal';
	const text = `targets ${healthy}/${registered} healthy${stale ? ' (stale)' : ''}`;
	return {key: 'targets', text, tone};
}

export function healthSegments(snapshot: Snapshot): Segment[] {
	const segments: Segment[] = [];
	const topology = snapshot.topology;
	if (topology !== undefined) {
		const targets = targetsSegment(snapshot, topology);
		if (targets !== undefined) {
			segments.push(targets);
		}
		const zones = topology.availabilityZones.length;
		segments.push({key: 'zones', text: `${zones} AZ${zones === 1 ? '' : 's'}`, tone: 'normal'});
	}
	const firing = snapshot.metrics?.alarms.filter((alarm) => alarm.state === 'ALARM').length ?? 0;
	if (firing > 0) {
		segments.push({
			key: 'alarms',
			text: `${firing} alarm${firing === 1 ? '' : 's'} firing`,
			tone: 'error',
		});
	}
	if (topology !== undefined && topology.gaps.length > 0) {
		const gaps = topology.gaps.length;
		segments.push({
			key: 'gaps',
			text: `${gaps} monitoring gap${gaps === 1 ? '' : 's'}`,
			tone: 'warn',
		});
	}
	return segments;
}
