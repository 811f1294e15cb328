// What the on-call engineer sees: the built lbtop in a real terminal, one API denied. The pane of
// the source it feeds names the action to grant while the others show their data; once granted,
// a refresh (r) clears it.
import process from 'node:process';
import {afterEach, expect, it} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import {createLogsService} from '../../source/sim/services/logs/index.js';
import {cliPath} from '../cli/run-cli.js';
import {startInTerminal, type TerminalSession} from '../helpers/terminal.js';
import {clients, flowsFixture, loadBalancerName} from '../integration/fixtures/flows-world.js';

let sim: RunningSim | undefined;
let session: TerminalSession | undefined;

afterEach(async () => {
	await session?.close();
	await sim?.close();
	session = undefined;
	sim = undefined;
});

it('a denied GetMetricData shows on the screen until it is granted and r is pressed', async () => {
	const running = await startSim({
		world: flowsFixture(Date.now()).world,
		jsonServices: [createLogsService({queryDurationMs: 100}), createCloudTrailService()],
		faults: {rules: {'cloudwatch:GetMetricData': {accessDenied: true}}},
	});
	sim = running;
	const terminal = await startInTerminal({
		command: [process.execPath, cliPath, loadBalancerName, '--endpoint-url', running.url],
		columns: 200,
		rows: 50,
		env: {
			AWS_ACCESS_KEY_ID: 'test',
			AWS_SECRET_ACCESS_KEY: 'test',
			AWS_REGION: 'us-east-1',
			AWS_CONFIG_FILE: '/dev/null',
			AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			AWS_EC2_METADATA_DISABLED: 'true',
		},
	});
	session = terminal;
	const denied = 'cloudwatch:GetMetricData was denied';
	await terminal.waitFor(denied, 20_000);
	// The flows panes carry on: the connection the target's security group rejects is listed.
	const screen = await terminal.waitFor(`${clients.blocked}:40001`, 20_000);
	expect(screen).toContain(denied);
	expect(screen).toContain('grant cloudwatch:GetMetricData');

	running.faults.clear();
	await terminal.send('r');
	const deadline = performance.now() + 15_000;
	let current = await terminal.screen();
	while (current.includes(denied)) {
		if (performance.now() > deadline) {
			throw new Error(`the denial stayed on screen after r:\n${current}`);
		}
		await new Promise((resolve) => {
			setTimeout(resolve, 50);
		});
		current = await terminal.screen();
	}
	await terminal.send('q');
	expect(await terminal.waitForExit()).toBe(0);
});
