// The built lbtop in a real terminal, watching the flows world while Insights queries run: however
// it is ended (q, SIGINT, SIGTERM) the process exits, the terminal is handed back as it was, and
// no query it started is left running (a forgotten query keeps scanning and billing).
import process from 'node:process';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {type RunningSim, startSim} from '../../source/sim/server.js';
import {createCloudTrailService} from '../../source/sim/services/cloudtrail/index.js';
import type {JsonService} from '../../source/sim/services/json-service.js';
import {createLogsService, type LogsService} from '../../source/sim/services/logs/index.js';
import {cliPath} from '../cli/run-cli.js';
import {settling, startInTerminal, type TerminalSession} from '../helpers/terminal.js';
import {flowsFixture, loadBalancerName} from '../integration/fixtures/flows-world.js';
import {startTamperingProxy} from './support/tampering-proxy.js';

let sim: RunningSim;
let logs: LogsService;
/** Query ids lbtop has polled: it holds those, so it can stop them. */
let polled: Set<string>;
let session: TerminalSession | undefined;

/** The logs service, noting which queries lbtop has polled. */
function notingPolls(service: LogsService): JsonService {
	const {GetQueryResults: getQueryResults} = service.operations;
	if (getQueryResults === undefined) {
		return service;
	}
	return {
		...service,
		operations: {
			...service.operations,
			GetQueryResults(input, context) {
				if (typeof input.queryId === 'string') {
					polled.add(input.queryId);
				}
				return getQueryResults(input, context);
			},
		},
	};
}

beforeEach(async () => {
	// Queries take ten minutes: whenever lbtop is ended, its first ones are still running.
	logs = createLogsService({queryDurationMs: 10 * 60_000});
	polled = new Set();
	sim = await startSim({
		world: flowsFixture(Date.now()).world,
		jsonServices: [notingPolls(logs), createCloudTrailService()],
	});
});

afterEach(async () => {
	await session?.close();
	session = undefined;
	await sim.close();
});

/** lbtop watching, once `ready` holds (by default: the query of its first slice polled). */
async function watching(
	endpointUrl = sim.url,
	ready = () => logs.runningQueryCount() >= 1 && polled.size >= 1,
): Promise<TerminalSession> {
	const started = await startInTerminal({
		command: [process.execPath, cliPath, loadBalancerName, '--endpoint-url', endpointUrl],
		columns: 120,
		rows: 40,
		env: {
			AWS_ACCESS_KEY_ID: 'test',
			AWS_SECRET_ACCESS_KEY: 'test',
			AWS_REGION: 'us-east-1',
			AWS_CONFIG_FILE: '/dev/null',
			AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			AWS_EC2_METADATA_DISABLED: 'true',
		},
	});
	session = started;
	await started.waitFor(loadBalancerName);
	const deadline = performance.now() + 20_000;
	while (!ready()) {
		if (performance.now() > deadline) {
			throw new Error(`lbtop's Insights queries did not start:\n${await started.screen()}`);
		}
		await new Promise((resolve) => {
			setTimeout(resolve, 25);
		});
	}
	return started;
}

async function expectHandedBack(ended: TerminalSession, status: number): Promise<void> {
	expect(await ended.waitForExit(10_000)).toBe(status);
	// The exit status is written when lbtop ends; tmux may not have taken in its last bytes yet,
	// nor piped them to the output file: what it shows is polled until it holds.
	await vi.waitFor(async () => expect(await ended.alternateScreen()).toBe(false), settling);
	// tmux forgets a dead pane's cursor state: what lbtop last wrote says it instead.
	await vi.waitFor(async () => {
		const output = await ended.rawOutput();
		expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(
			output.lastIndexOf('\u001B[?1049h'),
		);
		expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(output.lastIndexOf('\u001B[?25l'));
	}, settling);
	// The process is gone: whatever it did not stop, nothing will.
	expect(logs.runningQueryCount()).toBe(0);
}

describe('lbtop ended while Insights queries run', () => {
	it('with q', async () => {
		const running = await watching();
		await running.send('q');
		await expectHandedBack(running, 0);
	});

	it.each([
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const)('with %s', async (signal, status) => {
		const running = await watching();
		process.kill(await running.pid(), signal);
		await expectHandedBack(running, status);
	});
});

it('lbtop quit while the answer to its StartQuery call is on its way back stops that query too', async () => {
	// The sim has started the query; its id reaches lbtop 1.5 s later. (Both queries of a pair in
	// flight at once: insights-queries.test.ts.)
	const proxy = await startTamperingProxy(sim.url);
	proxy.set((request) =>
		request.operation === 'StartQuery' ? {kind: 'forward', delayMs: 1500} : undefined,
	);
	try {
		const running = await watching(proxy.url, () => logs.runningQueryCount() >= 1);
		await running.send('q');
		await expectHandedBack(running, 0);
	} finally {
		await proxy.close();
	}
});
