// The `traffic` section is checked like the rest of a scenario: every problem named by its path,
// nothing but a ScenarioError whatever the section holds.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadScenario, ScenarioError} from '../../source/sim/scenario/index.js';
import {type Json, now, smallWorld} from './model/small-world.js';

function issuesOf(json: unknown): readonly string[] {
	try {
		loadScenario(json, {now});
	} catch (error) {
		if (error instanceof ScenarioError) return error.issues;
		throw error;
	}
	return [];
}

const withTraffic = (traffic: unknown) => smallWorld((world) => Object.assign(world, {traffic}));
const client = {name: 'clients', cidrs: ['198.51.100.0/24'], connectionsPerMinute: 10};

describe('traffic section validation', () => {
	it.each([
		{
			name: 'an unknown field',
			traffic: {clients: [client], burst: 3},
			issue: 'traffic.burst: unknown field',
		},
		{
			name: 'a client range that is no CIDR',
			traffic: {clients: [{...client, cidrs: ['198.51.100.0']}]},
			issue: 'traffic.clients[0].cidrs[0]: expected an IPv4 CIDR block',
		},
		{
			name: 'a population without a rate',
			traffic: {clients: [{name: 'x', cidrs: ['198.51.100.0/24']}]},
			issue: 'traffic.clients[0].connectionsPerMinute: is required',
		},
		{
			name: 'two populations with one name',
			traffic: {clients: [client, client]},
			issue: 'traffic.clients[1].name: "clients" is used twice',
		},
		{
			name: 'a change with an unknown call',
			traffic: {changes: [{at: '-5m', call: 'DeleteLoadBalancer'}]},
			issue: 'traffic.changes[0].call: expected a read-only call',
		},
		{
			name: 'a change naming a target group that does not exist',
			traffic: {
				changes: [
					{at: '-5m', call: 'DeregisterTargets', targetGroup: 'api', targets: [{id: 'i-0a'}]},
				],
			},
			issue: 'traffic.changes[0].targetGroup: unknown target group "api"',
		},
		{
			name: 'a change with both a call and a host change',
			traffic: {changes: [{at: '-5m', call: 'DescribeTargetHealth', host: {targets: ['i-0a']}}]},
			issue: 'traffic.changes[0]: needs exactly one of "call"',
		},
		{
			name: 'a host change for a target that does not exist',
			traffic: {changes: [{at: '-5m', host: {targets: ['i-0zz'], listens: [80]}}]},
			issue: 'traffic.changes[0].host.targets[0]: unknown target "i-0zz"',
		},
		{
			name: 'a security group change for a group that does not exist',
			traffic: {
				changes: [
					{
						at: '-5m',
						call: 'RevokeSecurityGroupIngress',
						groupId: 'sg-0nope',
						rules: [{port: 80, cidrIpv4: '0.0.0.0/0'}],
					},
				],
			},
			issue: 'traffic.changes[0].groupId: unknown security group sg-0nope',
		},
		{
			name: 'a cycle shorter than a minute',
			traffic: {cycle: {every: '30s'}},
			issue: 'traffic.cycle.every: is required: a duration of at least a minute',
		},
		{
			name: 'a connection longer than the model allows',
			traffic: {clients: [{...client, durationMs: {min: 100, max: 200_000}}]},
			issue: 'traffic.clients (clients): connection durations are at most 110000 ms',
		},
	])('names the bad field for $name', ({traffic, issue}) => {
		const issues = issuesOf(withTraffic(traffic));
		expect(
			issues.some((item) => item.startsWith(issue)),
			issues.join('\n'),
		).toBe(true);
	});

	it('needs a network load balancer to drive', () => {
		const world: Json = smallWorld();
		world.loadBalancers = [];
		expect(issuesOf(world)).toContain(
			'traffic.loadBalancer: is required when the file has 0 network load balancers',
		);
	});

	it('throws nothing but a ScenarioError, whatever the section holds', () => {
		const value = fc.oneof(fc.jsonValue(), fc.array(fc.dictionary(fc.string(), fc.jsonValue())));
		const section = fc.dictionary(
			fc.constantFrom(
				'clients',
				'probes',
				'hosts',
				'changes',
				'resets',
				'delivery',
				'cycle',
				'start',
				'seed',
				'lateRejects',
			),
			value,
		);
		fc.assert(
			fc.property(section, (traffic) => {
				try {
					loadScenario(withTraffic(traffic), {now});
				} catch (error) {
					expect(error).toBeInstanceOf(ScenarioError);
				}
			}),
			{numRuns: 200},
		);
	});
});
