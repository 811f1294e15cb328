// Read from a CloudWatch monitoring account (`--logs-profile`), the LB's account's log groups are
// named by ARN, as the API requires of another account's groups: logGroupIdentifier for
// DescribeLogStreams and FilterLogEvents, logGroupIdentifiers for StartQuery.
import {afterEach, describe, expect, it} from 'vitest';
import {flowsSource} from '../../source/live/flows-source.js';
import {
	discover,
	type FlowsHarness,
	startFlowsHarness,
} from '../integration/fixtures/flows-harness.js';
import {clients, logGroupName} from '../integration/fixtures/flows-world.js';

let harness: FlowsHarness | undefined;

afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

describe('the flows source with a logs profile', () => {
	it('names the log group by its ARN in every call, and reads the same flows', async () => {
		harness = await startFlowsHarness(300, {config: {logsProfile: 'monitoring'}});
		await discover(harness);
		const calls: {command: string; input: Record<string, unknown>}[] = [];
		const logs = await harness.environment.clients.logs();
		logs.middlewareStack.add(
			(next, context) => async (input) => {
				calls.push({
					command: context.commandName ?? '',
					input: input.input as Record<string, unknown>,
				});
				return next(input);
			},
			{step: 'initialize', name: 'testLogsRecorder'},
		);
		const source = flowsSource(harness.environment);
		await source.run(new AbortController().signal);
		await source.dispose?.();
		const arn = `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}`;
		const byCommand = (command: string) => calls.filter((call) => call.command === command);
		expect(byCommand('FilterLogEventsCommand').length).toBeGreaterThan(0);
		for (const call of [
			...byCommand('FilterLogEventsCommand'),
			...byCommand('DescribeLogStreamsCommand'),
		]) {
			expect(call.input).toMatchObject({logGroupIdentifier: arn});
			expect(call.input.logGroupName).toBeUndefined();
		}
		expect(byCommand('StartQueryCommand').map((call) => call.input.logGroupIdentifiers)).toEqual([
			[arn],
		]);
		const snapshot = harness.environment.store.getSnapshot();
		expect(snapshot.sources.flows.status).toBe('ok');
		expect(snapshot.flows?.connections.some((row) => row.clientAddr === clients.blocked)).toBe(
			true,
		);
	});
});
