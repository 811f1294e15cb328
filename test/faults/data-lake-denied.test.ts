// Every call of the S3 path denied in turn: reading the objects or running a query fails the flows
// source with the action to grant and --logs-profile as the other way; looking up the table falls
// back to counting the files lbtop reads itself, and the flows line says which call was denied.
import {afterEach, describe, expect, it} from 'vitest';
import {AwsCallError, describeAwsError} from '../../source/aws/errors.js';
import {flowsSource} from '../../source/live/flows-source.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {deliveredToS3, withOlderTraffic} from '../integration/fixtures/flows-s3-world.js';
import {dataLakeCalls} from './support/data-lake-actions.js';

let harness: FlowsHarness | undefined;

afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe.each(dataLakeCalls)('$action denied', ({action, fault, denied, athenaTable}) => {
	it(`${denied === 'fails' ? 'fails the flows source naming the action' : 'falls back to the files and says so'}`, async () => {
		harness = await startFlowsHarness(300, {
			world: (world, fixture) => deliveredToS3(withOlderTraffic(world, fixture.minute)),
			config: {
				windowMs: 30 * 60_000,
				...(athenaTable ? {athenaTable: {database: 'flows', table: 'edge_vpc_flow_logs'}} : {}),
			},
		});
		await discover(harness);
		harness.sim.faults.set({rules: {[fault]: {accessDenied: true}}});
		const source = flowsSource(harness.environment);
		const outcome = await source.run(new AbortController().signal).then(
			() => undefined,
			(error: unknown) => error,
		);
		await source.dispose?.();
		if (denied === 'fails') {
			expect(outcome).toBeInstanceOf(AwsCallError);
			const error = outcome as AwsCallError;
			expect(error.iamAction).toBe(action);
			const described = describeAwsError(error.cause, {iamAction: error.iamAction, now: 0});
			expect(described.kind).toBe('access-denied');
			expect(described.hint).toMatch(new RegExp(`grant ${action}.*--logs-profile`));
		} else {
			expect(outcome).toBeUndefined();
			const snapshot = harness.environment.store.getSnapshot();
			expect(snapshot.sources.flows.status).toBe('ok');
			expect(snapshot.sources.flows.note).toContain(`${action} was denied`);
			expect(snapshot.sources.flows.note).toContain(
				'settled figures come from the files lbtop reads itself',
			);
			expect(snapshot.flows?.via).toBe('S3');
		}
		expect(harness.athena.runningQueryCount()).toBe(0);
	});
});
