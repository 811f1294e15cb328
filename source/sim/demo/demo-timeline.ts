// The demo's repeating 30-minute incident cycle: when each incident runs. The changes that cause
// them are in demo-changes.ts; what the world shows follows from those by the model's rules.

const minute = 60_000;
const second = 1000;

export const cycleMs = 30 * minute;

export type DemoIncidentKind = 'security-group-revoked' | 'port-scan' | 'target-resets';

export type DemoIncident = {
	readonly kind: DemoIncidentKind;
	readonly title: string;
	readonly description: string;
	/** Unix ms, world time. */
	readonly start: number;
	readonly end: number;
	/** Which repetition of the cycle (0 = the one starting at the cycle origin). */
	readonly cycle: number;
};

type IncidentTemplate = {
	readonly kind: DemoIncidentKind;
	readonly title: string;
	readonly description: string;
	/** Offsets into the cycle. */
	readonly from: number;
	readonly to: number;
};

export const incidentTemplates: readonly IncidentTemplate[] = [
	{
		kind: 'security-group-revoked',
		title: 'web-sg stops allowing clients',
		description:
			'RevokeSecurityGroupIngress removes tcp/80 from 0.0.0.0/0 on web-sg: the NLB interface keeps ' +
			'logging ACCEPT for the frontend and backend legs while the web instances log REJECT; health ' +
			'checks fail, UnHealthyHostCount rises, then AuthorizeSecurityGroupIngress restores the rule.',
		from: 4 * minute + 12 * second,
		to: 14 * minute + 5 * second,
	},
	{
		kind: 'port-scan',
		title: 'port scan from 216.160.83.56',
		description:
			'One external address probes hundreds of ports on both NLB interfaces; the NLB security ' +
			'group rejects them (REJECT at the LB interface, not counted in CloudWatch metrics).',
		from: 18 * minute,
		to: 21 * minute,
	},
	{
		kind: 'target-resets',
		title: 'web-1b-2 resets connections',
		description:
			'One web instance resets most of its connections (TCP_Target_Reset_Count spikes and the ' +
			'target-resets alarm fires); flows stay ACCEPT with few bytes.',
		from: 24 * minute + 30 * second,
		to: 26 * minute + 30 * second,
	},
];

/** By default the world is created 7 minutes into the security-group incident, so a first look shows it. */
export const defaultOriginOffsetMs = 11 * minute + 12 * second;

function toIncident(template: IncidentTemplate, origin: number, cycle: number): DemoIncident {
	const cycleStart = origin + cycle * cycleMs;
	return {
		kind: template.kind,
		title: template.title,
		description: template.description,
		start: cycleStart + template.from,
		end: cycleStart + template.to,
		cycle,
	};
}

/** Incidents overlapping [from, to), oldest first. */
export function incidentsBetween(origin: number, from: number, to: number): DemoIncident[] {
	const first = Math.floor((from - origin) / cycleMs) - 1;
	const last = Math.floor((to - origin) / cycleMs);
	const incidents: DemoIncident[] = [];
	for (let cycle = first; cycle <= last; cycle++) {
		for (const template of incidentTemplates) {
			const incident = toIncident(template, origin, cycle);
			if (incident.end > from && incident.start < to) {
				incidents.push(incident);
			}
		}
	}
	return incidents;
}
