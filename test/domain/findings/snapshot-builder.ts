// A small world for findings tests: an internet-facing NLB "web-nlb" in two AZs with security
// group lb-sg, a TCP listener on 80 forwarding to "web-tg" (instance targets, client IP
// preservation on) with two targets behind web-sg. The healthy snapshot has steady traffic and
// metrics; scenarios change one part of it.
import {
	type ChangeEvent,
	type Snapshot,
	snapshotSchemaVersion,
} from '../../../source/domain/snapshot.js';
import {flows, steadyConnections} from './flows-builder.js';
import {healthyMetrics} from './metrics-builder.js';
import {ids, minute, now, topology, windowStart} from './topology-builder.js';

export * from './flows-builder.js';
export * from './metrics-builder.js';
export * from './topology-builder.js';

export function change(overrides: Partial<ChangeEvent> = {}): ChangeEvent {
	return {
		id: 'evt-revoke-web-sg',
		time: now - 8 * minute,
		source: 'ec2.amazonaws.com',
		name: 'RevokeSecurityGroupIngress',
		actor: {type: 'AssumedRole', name: 'ops-admin', session: 'alice'},
		summary: `${ids.webSg} ingress revoked: tcp/80 from 0.0.0.0/0`,
		resources: [ids.webSg],
		readOnly: false,
		detail: '{}',
		...overrides,
	};
}

/** A change nobody should blame: an edit to a security group outside the LB's path. */
export const unrelatedChange = (): ChangeEvent =>
	change({
		id: 'evt-unrelated',
		time: now - 9 * minute,
		name: 'AuthorizeSecurityGroupIngress',
		summary: `${ids.otherSg} ingress added: tcp/5432 from 10.0.0.0/16`,
		resources: [ids.otherSg],
	});

export function buildSnapshot(parts: Partial<Snapshot> = {}): Snapshot {
	return {
		schemaVersion: snapshotSchemaVersion,
		generatedAt: now,
		region: 'us-east-1',
		target: 'web-nlb',
		window: {start: windowStart, end: now},
		paused: false,
		sources: {
			identity: {status: 'ok', fetchedAt: now},
			discovery: {status: 'ok', fetchedAt: now},
			flows: {status: 'ok', fetchedAt: now, dataThrough: now - minute},
			metrics: {status: 'ok', fetchedAt: now, dataThrough: now},
			changes: {status: 'ok', fetchedAt: now, dataThrough: now},
		},
		topology: topology(),
		flows: flows(steadyConnections()),
		metrics: {series: healthyMetrics(), alarms: [], dataThrough: now},
		changes: {events: [unrelatedChange()], dataThrough: now},
		findings: [],
		cost: {queries: 0, bytesScanned: 0, usdPerGb: 0.005, usd: 0},
		...parts,
	};
}

export const healthySnapshot = (): Snapshot => buildSnapshot();
