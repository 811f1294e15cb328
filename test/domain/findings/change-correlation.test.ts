import {describe, expect, it} from 'vitest';
import {evaluateFindings} from '../../../source/domain/findings/evaluate-findings.js';
import type {ChangeEvent, Snapshot} from '../../../source/domain/snapshot.js';
import {blockedAtLbSnapshot, targetSgRejectsSnapshot} from './scenarios.js';
import {
	buildSnapshot,
	change,
	connection,
	flows,
	ids,
	minute,
	now,
	steadyConnections,
} from './snapshot-builder.js';

/** Rejects at the target begin at 13:38:00 UTC (now - 7m). */
const rejectsBegin = now - 7 * minute;

function withChanges(events: readonly ChangeEvent[], options: {changeWindowMinutes?: number} = {}) {
	const snapshot: Snapshot = {...targetSgRejectsSnapshot({changes: false}), changes: {events}};
	return evaluateFindings(snapshot, options).find(
		(finding) => finding.rule === 'target-sg-rejects',
	);
}

describe('change correlation', () => {
	it('names a security group change on the target that came just before the rejects', () => {
		const finding = withChanges([change({time: rejectsBegin - 3 * minute})]);
		expect(finding?.relatedChangeId).toBe('evt-revoke-web-sg');
		expect(finding?.title).toContain('began 3m after RevokeSecurityGroupIngress by ops-admin');
		expect(finding?.next).toMatch(
			/^Likely cause: RevokeSecurityGroupIngress by ops-admin at 13:35:00 UTC \(sg-0f9e8d7c6b5a40321 ingress revoked: tcp\/80 from 0\.0\.0\.0\/0\)/,
		);
		expect(finding?.evidence).toContainEqual({kind: 'change', id: 'evt-revoke-web-sg'});
	});

	it.each([
		{
			name: 'a change outside the 10-minute window',
			event: change({time: rejectsBegin - 11 * minute}),
		},
		{name: 'a change after the finding began', event: change({time: rejectsBegin + 3 * minute})},
		{name: 'a read-only call', event: change({time: rejectsBegin - minute, readOnly: true})},
		{
			name: 'a call that failed',
			event: change({time: rejectsBegin - minute, errorCode: 'UnauthorizedOperation'}),
		},
		{
			name: 'a change to a security group outside the path',
			event: change({time: rejectsBegin - minute, resources: [ids.otherSg]}),
		},
	])('ignores $name', ({event}) => {
		const finding = withChanges([event]);
		expect(finding).toBeDefined();
		expect(finding?.relatedChangeId).toBeUndefined();
		expect(finding?.evidence.some((evidence) => evidence.kind === 'change')).toBe(false);
	});

	it('accepts a change a few seconds after the first flow record starts', () => {
		// A flow record starts at the beginning of its aggregation interval, before the packet.
		expect(withChanges([change({time: rejectsBegin + 30_000})])?.relatedChangeId).toBe(
			'evt-revoke-web-sg',
		);
	});

	it('uses a wider window when asked', () => {
		const event = change({time: rejectsBegin - 20 * minute});
		expect(withChanges([event])?.relatedChangeId).toBeUndefined();
		expect(withChanges([event], {changeWindowMinutes: 30})?.relatedChangeId).toBe(
			'evt-revoke-web-sg',
		);
	});

	// Terraform replaces a rule as a revoke and an authorize in the same second: only the revoke can
	// deny traffic (security group rules only allow), whichever id sorts first.
	it.each([
		{name: 'the revoke sorts first', revokeId: 'evt-a-revoke', authorizeId: 'evt-b-authorize'},
		{name: 'the authorize sorts first', revokeId: 'evt-b-revoke', authorizeId: 'evt-a-authorize'},
	])('blames the revoke, not the authorize made beside it ($name)', ({revokeId, authorizeId}) => {
		const at = rejectsBegin - 2 * minute;
		const finding = withChanges([
			change({id: revokeId, time: at}),
			change({
				id: authorizeId,
				time: at,
				name: 'AuthorizeSecurityGroupIngress',
				summary: `${ids.webSg} ingress added: tcp/80 from 10.0.0.0/8`,
			}),
		]);
		expect(finding?.relatedChangeId).toBe(revokeId);
		expect(finding?.title).toContain('RevokeSecurityGroupIngress');
	});

	it('picks the latest related change before the finding began', () => {
		const earlier = change({id: 'evt-earlier', time: rejectsBegin - 6 * minute});
		const later = change({
			id: 'evt-preserve-ip',
			time: rejectsBegin - 2 * minute,
			source: 'elasticloadbalancing.amazonaws.com',
			name: 'ModifyTargetGroupAttributes',
			summary: 'targetgroup/web-tg/73e2d6bc24d8a067: preserve_client_ip.enabled=true',
			resources: [ids.tgArn],
		});
		const finding = withChanges([earlier, later]);
		expect(finding?.relatedChangeId).toBe('evt-preserve-ip');
		expect(finding?.title).toContain('ModifyTargetGroupAttributes');
	});

	it('links a network ACL edit to REJECTs at the LB', () => {
		const rejected = Array.from({length: 6}, (_, index) =>
			connection({
				client: '192.0.2.50',
				clientPort: 52_000 + index,
				at: now - 6 * minute + index * 10_000,
				frontend: 'REJECT',
				backend: 'none',
				atTarget: 'none',
				kind: 'unpaired',
			}),
		);
		const snapshot = buildSnapshot({
			flows: flows([...steadyConnections(), ...rejected], blockedAtLbSnapshot().flows?.aggregates),
			changes: {
				events: [
					change({
						id: 'evt-nacl',
						time: now - 8 * minute,
						name: 'CreateNetworkAclEntry',
						summary: 'acl-0a1b2c3d4e5f60001 rule 90 ingress deny tcp/80 from 192.0.2.0/24 added',
						resources: ['acl-0a1b2c3d4e5f60001'],
					}),
				],
			},
		});
		const finding = evaluateFindings(snapshot).find((entry) => entry.rule === 'blocked-at-lb');
		expect(finding?.since).toBe(now - 6 * minute);
		expect(finding?.relatedChangeId).toBe('evt-nacl');
		expect(finding?.title).toContain('began 2m after CreateNetworkAclEntry');
	});

	it('a change on its own is not a finding', () => {
		const snapshot = buildSnapshot({
			changes: {events: [change({time: now - 10 * minute, resources: [ids.lbSg, ids.webSg]})]},
		});
		expect(evaluateFindings(snapshot)).toEqual([]);
	});
});
