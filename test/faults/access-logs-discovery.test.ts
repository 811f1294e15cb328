// DescribeLoadBalancerAttributes tells where the access logs go. Denied (a policy written before
// lbtop read access logs), it is a gap on the access logs that names the action, never a failed
// discovery: the topology and every other source carry on, and the gap goes once it is granted.
import {afterEach, expect, it} from 'vitest';
import {expectAllOk} from './support/expectations.js';
import {type Rig, startedRig} from './support/fault-rig.js';

const action = 'elasticloadbalancing:DescribeLoadBalancerAttributes';

let rig: Rig | undefined;

afterEach(async () => {
	await rig?.close();
	rig = undefined;
});

it('denied, it is a gap naming the action; discovery and the rest carry on', async () => {
	rig = await startedRig({faults: {rules: {[action]: {accessDenied: true}}}});
	expect(rig.requests(action)).toBeGreaterThan(0);
	expectAllOk(rig);
	expect(rig.snapshot().topology).toBeDefined();
	expect(rig.snapshot().accessLogs?.gaps).toEqual([
		expect.objectContaining({
			kind: 'attributes-unreadable',
			message: expect.stringContaining(`${action} was denied`),
		}),
	]);

	rig.sim.faults.clear();
	rig.timers.advance(3 * 60_000);
	await rig.nextRound(['discovery']);
	expect(rig.snapshot().accessLogs?.gaps.map((gap) => gap.kind)).toEqual([
		'nlb-without-tls-listener',
	]);
});
