import {describe, expect, it} from 'vitest';
import {mergeChanges} from '../../../source/domain/changes/lookup-events.js';
import {change, ids, minute, now, topology, unrelatedChange} from '../findings/snapshot-builder.js';

const revoke = change({id: 'evt-revoke', time: now - 8 * minute});
const registered = change({
	id: 'evt-register',
	time: now - 3 * minute,
	source: 'elasticloadbalancing.amazonaws.com',
	name: 'RegisterTargets',
	resources: [ids.tgArn],
});
const describeCall = change({
	id: 'evt-describe',
	time: now - minute,
	name: 'DescribeSecurityGroups',
	readOnly: true,
});
const ourAcl = 'acl-0aaa1111bbbb2222c';
const otherAcl = 'acl-0fff1111eeee2222d';
const aclEdit = (id: string, acl: string) =>
	change({id, name: 'ReplaceNetworkAclEntry', resources: [acl], time: now - 2 * minute});

describe('folding new events into the held ones', () => {
	it('keeps watched writes on the path, newest first', () => {
		const merged = mergeChanges(
			[],
			[revoke, unrelatedChange(), describeCall, registered],
			topology(),
		);
		expect(merged.map((event) => event.id)).toEqual(['evt-register', 'evt-revoke']);
	});

	it('holds one event per id, whichever run read it', () => {
		const merged = mergeChanges([revoke], [revoke, registered, registered], topology());
		expect(merged.map((event) => event.id)).toEqual(['evt-register', 'evt-revoke']);
	});

	it('keeps a held change after its resource has left the path', () => {
		const withoutTargets = topology({targetGroups: []});
		expect(mergeChanges([revoke], [], withoutTargets)).toEqual([revoke]);
	});

	it('keeps the newest events up to the limit', () => {
		const events = Array.from({length: 5}, (_, index) =>
			change({id: `evt-${index}`, time: now - index * minute}),
		);
		expect(mergeChanges([], events, topology(), 3).map((event) => event.id)).toEqual([
			'evt-0',
			'evt-1',
			'evt-2',
		]);
	});

	it.each([
		{acls: [], expected: ['evt-other', 'evt-ours']},
		{acls: [ourAcl], expected: ['evt-ours']},
	])('with network ACLs $acls known, keeps ACL edits $expected', ({acls, expected}) => {
		const path = topology({
			networkAcls: acls.map((networkAclId) => ({networkAclId, subnetIds: [ids.subnetA]})),
		});
		const merged = mergeChanges(
			[],
			[aclEdit('evt-ours', ourAcl), aclEdit('evt-other', otherAcl)],
			path,
		);
		expect(merged.map((event) => event.id)).toEqual(expected);
	});
});
