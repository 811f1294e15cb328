// How findings name a control and what its rules deny.
import {describe, expect, it} from 'vitest';
import type {Control} from '../../../source/domain/findings/blame.js';
import {controlName, entryText} from '../../../source/domain/findings/control-text.js';
import type {NetworkAclEntry} from '../../../source/domain/snapshot.js';
import {ids, topology} from './snapshot-builder.js';
import {aclEntry} from './worlds.js';

describe('entryText', () => {
	it.each<[NetworkAclEntry, string]>([
		[
			aclEntry(90, true, 'deny', '0.0.0.0/0', [1024, 65_535]),
			'denies outbound tcp 1024-65535 to 0.0.0.0/0 (rule 90)',
		],
		[
			aclEntry(100, false, 'deny', '198.51.100.0/24'),
			'denies inbound all traffic from 198.51.100.0/24 (rule 100)',
		],
		[
			aclEntry(110, false, 'allow', '10.0.0.0/16', [80, 80]),
			'allows inbound tcp 80 from 10.0.0.0/16 (rule 110)',
		],
		[
			aclEntry(32_767, false, 'deny', '0.0.0.0/0'),
			'denies inbound all traffic from 0.0.0.0/0 (rule *, no rule allows it)',
		],
		[
			{...aclEntry(120, false, 'deny', '::/0'), protocol: '17'},
			'denies inbound udp from ::/0 (rule 120)',
		],
	])('%j', (entry, text) => {
		expect(entryText(entry)).toBe(text);
	});
});

describe('controlName', () => {
	const world = topology({securityGroupDetails: [{groupId: ids.webSg, groupName: 'web-sg'}]});
	it.each<[Control, string]>([
		[
			{kind: 'security-group', side: 'target', groupIds: [ids.webSg]},
			`Target SG web-sg (${ids.webSg})`,
		],
		[{kind: 'security-group', side: 'lb', groupIds: [ids.lbSg]}, `LB SG ${ids.lbSg}`],
		[
			{
				kind: 'network-acl',
				side: 'target',
				networkAclId: 'acl-0t',
				subnetId: ids.subnetA,
				direction: 'outbound',
			},
			`NACL acl-0t on ${ids.subnetA} (targets' subnet)`,
		],
		[
			{kind: 'network-acl', side: 'lb', subnetId: ids.subnetB, direction: 'inbound'},
			`The network ACL of ${ids.subnetB} (the LB's subnet)`,
		],
	])('%j', (control, text) => {
		expect(controlName(world, control)).toBe(text);
	});
});
