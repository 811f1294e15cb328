// Discovery keeps the rules of the controls in the path, not only their names: the findings check
// rejected traffic against them to name the control that denies it.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {AwsClients} from '../../source/aws/clients.js';
import {discover} from '../../source/aws/discovery.js';
import {assembleTopology} from '../../source/domain/topology/assemble.js';
import type {DiscoveryFacts} from '../../source/domain/topology/facts.js';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {baseTime, testWorld} from '../helpers/sim-world.js';

let sim: RunningSim;
let clients: AwsClients;
let facts: DiscoveryFacts;

beforeAll(async () => {
	sim = await startSim({world: testWorld(), clock: {now: () => baseTime}});
	clients = new AwsClients({
		endpointUrl: sim.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'test', secretAccessKey: 'test'},
		maxAttempts: 1,
	});
	facts = await discover(clients, 'web-nlb', {logGroupOverride: []});
});

afterAll(async () => {
	await clients.destroy();
	await sim.close();
});

describe('discovery of the controls in the path', () => {
	it("keeps the targets' security group permissions, referenced groups included", () => {
		const group = facts.securityGroups.find((entry) => entry.groupId === 'sg-0web00000000000001');
		expect(group?.groupName).toBe('web-targets');
		expect(group?.ingress).toEqual([
			{
				protocol: 'tcp',
				fromPort: 8080,
				toPort: 8080,
				cidrs: ['10.0.0.0/16'],
				groups: ['sg-0alb00000000000002'],
				prefixLists: [],
			},
		]);
		expect(group?.egress).toEqual([
			{protocol: '-1', cidrs: ['0.0.0.0/0'], groups: [], prefixLists: []},
		]);
	});

	it('keeps every network ACL entry with its number, direction, protocol, action, range and ports', () => {
		const [acl] = facts.networkAcls;
		expect(acl?.networkAclId).toBe('acl-0default000000001');
		expect(acl?.subnetIds).toHaveLength(2);
		expect(acl?.entries).toContainEqual({
			ruleNumber: 90,
			egress: false,
			protocol: '6',
			action: 'deny',
			cidr: '198.51.100.0/24',
			fromPort: 80,
			toPort: 80,
		});
		// AWS's own catch-all closes each direction.
		expect(acl?.entries).toContainEqual({
			ruleNumber: 32_767,
			egress: true,
			protocol: '-1',
			action: 'deny',
			cidr: '0.0.0.0/0',
		});
	});

	it('hands the rules on to the topology every rule reads', () => {
		const topology = assembleTopology(facts);
		expect(topology.networkAcls[0]?.entries).toHaveLength(
			facts.networkAcls[0]?.entries?.length ?? -1,
		);
		expect(
			topology.securityGroupDetails.find((entry) => entry.groupId === 'sg-0web00000000000001')
				?.ingress,
		).toHaveLength(1);
	});
});
