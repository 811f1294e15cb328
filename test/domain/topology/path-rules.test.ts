// The documented semantics of the two controls, checked packet by packet: a network ACL's first
// matching entry in rule-number order decides, and its `*` entry denies the rest; a security group
// allows when any permission matches, by range or by the far side's group.
import {describe, expect, it} from 'vitest';
import {
	aclVerdict,
	type Direction,
	groupVerdict,
	type Packet,
} from '../../../source/domain/topology/path-rules.js';
import type {NetworkAclInfo, SecurityGroupInfo} from '../../../source/domain/types/topology.js';
import {aclEntry} from '../findings/worlds.js';

const entry = aclEntry;

const targetsAcl: NetworkAclInfo = {
	networkAclId: 'acl-0targets',
	subnetIds: ['subnet-0targets'],
	entries: [
		// Listed out of order on purpose: the rule number decides, not the position.
		entry(100, true, 'allow', '0.0.0.0/0'),
		entry(90, true, 'deny', '0.0.0.0/0', [1024, 65_535]),
		entry(100, false, 'allow', '0.0.0.0/0', [80, 80]),
		entry(110, false, 'deny', '198.51.100.0/24'),
		entry(120, false, 'allow', '10.0.0.0/16'),
		entry(32_767, false, 'deny', '0.0.0.0/0'),
		entry(32_767, true, 'deny', '0.0.0.0/0'),
	],
};

const tcp = (peer: string, port: number): Packet => ({protocol: 6, peer, port});

describe('network ACL verdicts', () => {
	it.each<{name: string; direction: Direction; packet: Packet; decision: string; rule?: number}>([
		{
			name: 'a reply to an ephemeral port meets the egress deny before the allow-all',
			direction: 'outbound',
			packet: tcp('203.0.113.7', 40_000),
			decision: 'deny',
			rule: 90,
		},
		{
			name: 'outbound to a low port passes the allow-all',
			direction: 'outbound',
			packet: tcp('203.0.113.7', 443),
			decision: 'allow',
			rule: 100,
		},
		{
			name: 'inbound to the listener port is allowed from anywhere',
			direction: 'inbound',
			packet: tcp('198.51.100.9', 80),
			decision: 'allow',
			rule: 100,
		},
		{
			name: 'one range is denied on other ports',
			direction: 'inbound',
			packet: tcp('198.51.100.9', 8080),
			decision: 'deny',
			rule: 110,
		},
		{
			name: 'the VPC is allowed on every port',
			direction: 'inbound',
			packet: tcp('10.0.3.4', 8080),
			decision: 'allow',
			rule: 120,
		},
		{
			name: 'the rest meets the catch-all',
			direction: 'inbound',
			packet: tcp('192.0.2.1', 8080),
			decision: 'deny',
			rule: 32_767,
		},
		{
			name: 'a port range does not hold UDP traffic to other ports, but protocol -1 does',
			direction: 'inbound',
			packet: {protocol: 17, peer: '10.0.3.4', port: 53},
			decision: 'allow',
			rule: 120,
		},
	])('$name', ({direction, packet, decision, rule}) => {
		const verdict = aclVerdict(targetsAcl, direction, packet);
		expect(verdict.decision).toBe(decision);
		expect(verdict.entry?.ruleNumber).toBe(rule);
	});

	it('still denies when the entries were read without the catch-all', () => {
		const acl = {...targetsAcl, entries: [entry(100, false, 'allow', '10.0.0.0/16')]};
		expect(aclVerdict(acl, 'inbound', tcp('203.0.113.7', 80))).toMatchObject({decision: 'deny'});
	});

	it('knows nothing when the entries were not read', () => {
		const {entries: _entries, ...names} = targetsAcl;
		expect(aclVerdict(names, 'inbound', tcp('203.0.113.7', 80)).decision).toBe('unknown');
		expect(aclVerdict(undefined, 'inbound', tcp('203.0.113.7', 80)).decision).toBe('unknown');
	});

	it('matches IPv6 ranges to IPv6 peers only', () => {
		const acl = {...targetsAcl, entries: [entry(50, false, 'deny', '2001:db8::/32')]};
		expect(aclVerdict(acl, 'inbound', tcp('2001:db8::7', 80)).entry?.ruleNumber).toBe(50);
		expect(aclVerdict(acl, 'inbound', tcp('203.0.113.7', 80)).entry).toBeUndefined();
	});
});

const lbGroup: SecurityGroupInfo = {
	groupId: 'sg-0lb',
	groupName: 'lb-sg',
	ingress: [
		{protocol: 'tcp', fromPort: 80, toPort: 80, cidrs: ['0.0.0.0/0'], groups: [], prefixLists: []},
	],
	egress: [{protocol: '-1', cidrs: ['0.0.0.0/0'], groups: [], prefixLists: []}],
};

const webGroup: SecurityGroupInfo = {
	groupId: 'sg-0web',
	groupName: 'web-sg',
	ingress: [
		{
			protocol: 'tcp',
			fromPort: 80,
			toPort: 80,
			cidrs: ['10.0.0.0/16'],
			groups: ['sg-0lb'],
			prefixLists: [],
		},
		{protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: [], groups: [], prefixLists: ['pl-0admins']},
	],
	egress: [],
};

describe('security group verdicts', () => {
	it.each<{name: string; groups: SecurityGroupInfo[]; packet: Packet; decision: string}>([
		{
			name: 'a client on the listener port',
			groups: [lbGroup],
			packet: tcp('203.0.113.7', 80),
			decision: 'allow',
		},
		{
			name: 'a client on a port with no permission',
			groups: [lbGroup],
			packet: tcp('203.0.113.7', 22),
			decision: 'deny',
		},
		{
			name: 'a client outside the allowed range',
			groups: [webGroup],
			packet: tcp('203.0.113.7', 80),
			decision: 'deny',
		},
		{
			name: 'an address inside the allowed range',
			groups: [webGroup],
			packet: tcp('10.0.0.5', 80),
			decision: 'allow',
		},
		{
			name: 'a client through an LB whose group is referenced',
			groups: [webGroup],
			packet: {...tcp('203.0.113.7', 80), peerGroups: ['sg-0lb']},
			decision: 'allow',
		},
		{
			name: 'a prefix list lbtop cannot resolve',
			groups: [webGroup],
			packet: tcp('203.0.113.7', 22),
			decision: 'unknown',
		},
		{
			name: 'any group of the interface may allow',
			groups: [webGroup, lbGroup],
			packet: tcp('203.0.113.7', 80),
			decision: 'allow',
		},
	])('$name: $decision', ({groups, packet, decision}) => {
		expect(groupVerdict(groups, 'inbound', packet).decision).toBe(decision);
	});

	it('knows nothing without the rules', () => {
		expect(groupVerdict(undefined, 'inbound', tcp('203.0.113.7', 80)).decision).toBe('unknown');
	});
});
