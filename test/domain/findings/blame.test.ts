// Which control a rejected packet points at: security groups are stateful (a reply is never theirs),
// network ACLs stateless and per subnet; the rules read decide the rest.
import {describe, expect, it} from 'vitest';
import {
	type Basis,
	blameRejection,
	type RejectedPacket,
	type Site,
} from '../../../source/domain/findings/blame.js';
import type {Direction} from '../../../source/domain/topology/path-rules.js';
import {ids} from './snapshot-builder.js';
import {aclEntry, aclIds, openAcl, permission, ruledTopology} from './worlds.js';

const target: Site = {side: 'target', subnetId: ids.subnetA, groupIds: [ids.webSg]};
const client = '203.0.113.7';

function rejected(kind: 'request' | 'reply', direction: Direction): RejectedPacket {
	return {
		rejected: kind,
		direction,
		packet: {protocol: 6, peer: client, port: kind === 'request' ? 80 : 40_000},
	};
}

const denyAll = {webIngress: []};
const aclDeniesClient = {targetsAcl: [aclEntry(50, false, 'deny', '203.0.113.0/24'), ...openAcl]};
const aclDeniesReplies = {
	targetsAcl: [aclEntry(90, true, 'deny', '0.0.0.0/0', [1024, 65_535]), ...openAcl],
};

describe('blameRejection', () => {
	it.each<{
		name: string;
		rules: Parameters<typeof ruledTopology>[0];
		packet: RejectedPacket;
		basis: Basis;
		controls: string[];
	}>([
		{
			name: 'a reply the ACL denies: the ACL and its entry',
			rules: aclDeniesReplies,
			packet: rejected('reply', 'outbound'),
			basis: 'rules',
			controls: [`network-acl ${aclIds.targets} 90`],
		},
		{
			name: 'a reply the ACL allows now: still the ACL, never the group that denies everything',
			rules: denyAll,
			packet: rejected('reply', 'outbound'),
			basis: 'stateless',
			controls: [`network-acl ${aclIds.targets} -`],
		},
		{
			name: 'a request the group denies',
			rules: denyAll,
			packet: rejected('request', 'inbound'),
			basis: 'rules',
			controls: [`security-group ${ids.webSg}`],
		},
		{
			name: 'a request the ACL denies',
			rules: aclDeniesClient,
			packet: rejected('request', 'inbound'),
			basis: 'rules',
			controls: [`network-acl ${aclIds.targets} 50`],
		},
		{
			name: 'a request both deny, inbound: the ACL first, as the packet meets it',
			rules: {...aclDeniesClient, ...denyAll},
			packet: rejected('request', 'inbound'),
			basis: 'rules',
			controls: [`network-acl ${aclIds.targets} 50`, `security-group ${ids.webSg}`],
		},
		{
			name: 'a request both allow now',
			rules: {webIngress: [permission(80, ['0.0.0.0/0'])]},
			packet: rejected('request', 'inbound'),
			basis: 'allowed-now',
			controls: [`security-group ${ids.webSg}`, `network-acl ${aclIds.targets} -`],
		},
	])('$name', ({rules, packet, basis, controls}) => {
		const blame = blameRejection(ruledTopology(rules), target, packet);
		expect(blame.basis).toBe(basis);
		expect(
			blame.controls.map((control) =>
				control.kind === 'security-group'
					? `security-group ${control.groupIds.join('+')}`
					: `network-acl ${control.networkAclId} ${control.entry?.ruleNumber ?? '-'}`,
			),
		).toEqual(controls);
	});

	it('names the group first, with the ACL as the alternative, when no rules were read', () => {
		const unread = {...ruledTopology(), securityGroupDetails: [], networkAcls: []};
		const blame = blameRejection(unread, target, rejected('request', 'inbound'));
		expect(blame.basis).toBe('unknown');
		expect(blame.controls.map((control) => control.kind)).toEqual([
			'security-group',
			'network-acl',
		]);
	});
});
