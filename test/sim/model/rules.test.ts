// Security groups and network ACLs as the VPC user guide describes them, rule by rule.
import {describe, expect, it} from 'vitest';
import {aclAllows, groupsAllow} from '../../../source/sim/model/rules.js';
import {ipv4ToNumber} from '../../../source/sim/world/ipv4.js';
import type {NetworkAcl, NetworkAclEntry, SecurityGroup} from '../../../source/sim/world/types.js';

const address = (text: string) => ipv4ToNumber(text) ?? Number.NaN;

function acl(...entries: NetworkAclEntry[]): NetworkAcl {
	return {networkAclId: 'acl-0test', vpcId: 'vpc-0test', isDefault: false, subnetIds: [], entries};
}

const entry = (
	ruleNumber: number,
	ruleAction: 'allow' | 'deny',
	cidrBlock: string,
	options: {egress?: boolean; protocol?: string; ports?: [number, number]} = {},
): NetworkAclEntry => ({
	ruleNumber,
	egress: options.egress ?? false,
	protocol: options.protocol ?? '-1',
	ruleAction,
	cidrBlock,
	...(options.ports === undefined
		? {}
		: {portRange: {from: options.ports[0], to: options.ports[1]}}),
});

describe('network ACLs', () => {
	const tightened = acl(
		entry(90, 'deny', '203.0.113.0/24'),
		entry(100, 'allow', '0.0.0.0/0', {protocol: '6', ports: [80, 80]}),
		entry(110, 'allow', '0.0.0.0/0', {protocol: '6', ports: [1024, 65_535]}),
		entry(100, 'allow', '10.0.0.0/16', {egress: true}),
	);

	it.each([
		[
			'the lowest matching rule decides: a deny at 90 beats the allow at 100',
			false,
			'203.0.113.7',
			80,
			false,
		],
		['an allow matches inside its port range', false, '198.51.100.7', 80, true],
		['nothing matching is denied (the * rule)', false, '198.51.100.7', 22, false],
		['ephemeral ports are a rule of their own', false, '198.51.100.7', 40_000, true],
		['egress is judged on its own: inside the VPC', true, '10.0.11.5', 51_000, true],
		[
			'egress is judged on its own: a reply to the internet is denied',
			true,
			'198.51.100.7',
			51_000,
			false,
		],
	])('%s', (_name, egress, peer, port, allowed) => {
		expect(aclAllows(tightened, egress, address(peer), port)).toBe(allowed);
	});

	it('evaluates rules by number, not by the order they are listed in', () => {
		const listedBackwards = acl(entry(200, 'allow', '0.0.0.0/0'), entry(100, 'deny', '0.0.0.0/0'));
		expect(aclAllows(listedBackwards, false, address('192.0.2.1'), 443)).toBe(false);
	});

	it('does not let a UDP-only rule allow TCP', () => {
		expect(
			aclAllows(
				acl(entry(100, 'allow', '0.0.0.0/0', {protocol: '17'})),
				false,
				address('192.0.2.1'),
				53,
			),
		).toBe(false);
	});

	it('lets everything through where no ACL is modelled', () => {
		expect(aclAllows(undefined, true, address('192.0.2.1'), 1)).toBe(true);
	});
});

describe('security groups', () => {
	const web: SecurityGroup = {
		groupId: 'sg-0web',
		groupName: 'web',
		description: 'web',
		vpcId: 'vpc-0test',
		ingress: [
			{ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIpv4: '0.0.0.0/0'},
			{ipProtocol: 'tcp', fromPort: 8443, toPort: 8443, referencedGroupId: 'sg-0lb'},
		],
		egress: [{ipProtocol: '-1', cidrIpv4: '0.0.0.0/0'}],
	};

	it.each([
		['a CIDR rule allows its port from anywhere in the block', '198.51.100.7', 80, [], true],
		['no rule for the port: rejected', '198.51.100.7', 22, [], false],
		['a rule naming a group allows traffic from its members', '10.0.0.5', 8443, ['sg-0lb'], true],
		[
			'a rule naming a group does not allow others on that port',
			'10.0.0.5',
			8443,
			['sg-0other'],
			false,
		],
	])('%s', (_name, peer, port, peerGroups, allowed) => {
		expect(groupsAllow([web], 'ingress', address(peer), port, peerGroups)).toBe(allowed);
	});

	it('allows when any group allows (groups add up), and an interface with none is not filtered', () => {
		const ssh: SecurityGroup = {
			...web,
			groupId: 'sg-0ssh',
			ingress: [{ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '10.0.0.0/8'}],
		};
		expect(groupsAllow([web, ssh], 'ingress', address('10.1.2.3'), 22, [])).toBe(true);
		expect(groupsAllow([], 'ingress', address('10.1.2.3'), 22, [])).toBe(true);
	});
});
