// Starting lbtop against something that is not right yet, at 80x24, as an on-call engineer does at
// 3 a.m.: a mistyped name ends the run with the closest names and exit 1, like --once; an endpoint
// that refuses connections says so in full and retries until it answers.
import {createServer} from 'node:net';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {startWorldSim, type WorldSim} from '../../source/sim/serve.js';
import {cliPath} from '../cli/run-cli.js';
import {startInTerminal, type TerminalSession} from '../helpers/terminal.js';

const scenarioPath = fileURLToPath(new URL('../../examples/alb-target-5xx.json', import.meta.url));
const environment = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_REGION: 'us-east-1',
	AWS_CONFIG_FILE: '/dev/null',
	AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
	AWS_EC2_METADATA_DISABLED: 'true',
};

let sim: WorldSim | undefined;
let session: TerminalSession | undefined;

afterEach(async () => {
	await session?.close();
	await sim?.close();
	session = undefined;
	sim = undefined;
});

async function watch(
	name: string,
	endpointUrl: string,
	env: Readonly<Record<string, string>> = environment,
): Promise<TerminalSession> {
	session = await startInTerminal({
		command: [process.execPath, cliPath, name, '--endpoint-url', endpointUrl, '--refresh', '2s'],
		columns: 80,
		rows: 24,
		env,
	});
	return session;
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	await new Promise((resolve) => {
		server.close(resolve);
	});
	if (address === null || typeof address === 'string') {
		throw new Error('no port');
	}
	return address.port;
}

/**
 * Without its whitespace: a line 80 columns wrapped (the terminal drops the space it broke at)
 * reads the same as the line printed.
 */
function squeezed(text: string): string {
	return text.replaceAll(/\s+/g, '');
}

/** What the terminal shows once lbtop is gone. */
async function printedAfterExit(terminal: TerminalSession): Promise<string> {
	return squeezed(await terminal.history());
}

function expectFits(screen: string): void {
	const lines = screen.split('\n');
	expect(lines.length).toBeLessThanOrEqual(24);
	for (const line of lines) {
		expect(line.length).toBeLessThanOrEqual(80);
	}
}

describe('lbtop started against a load balancer it cannot watch', () => {
	it('a mistyped name ends the run with the closest names and exit 1, as --once does', async () => {
		sim = await startWorldSim({scenarioPath, port: 0});
		const terminal = await watch('shop-alv', sim.url);
		expect(await terminal.waitForExit(30_000)).toBe(1);
		expect(await terminal.alternateScreen()).toBe(false);
		const printed = await printedAfterExit(terminal);
		expect(printed).toContain(
			squeezed(
				'lbtop: elasticloadbalancing:DescribeLoadBalancers: load balancer "shop-alv" not found in us-east-1; closest names in us-east-1: shop-alb',
			),
		);
		expect(printed).toContain(squeezed('check the name and the region'));
	});

	it('no region configured ends the run saying how to give one, exit 1', async () => {
		sim = await startWorldSim({scenarioPath, port: 0});
		const {AWS_REGION: _region, ...noRegion} = environment;
		// The terminal's own environment may name one: an empty value is none to the SDK.
		const terminal = await watch('shop-alb', sim.url, {...noRegion, AWS_REGION: ''});
		expect(await terminal.waitForExit(30_000)).toBe(1);
		const printed = await printedAfterExit(terminal);
		expect(printed).toContain(squeezed('lbtop: no AWS region is configured'));
		expect(printed).toContain(
			squeezed('pass --region, set AWS_REGION, or set region in the profile'),
		);
	});

	it('a closed port says it cannot connect, in full, and retries until the endpoint answers', async () => {
		const port = await closedPort();
		const terminal = await watch('shop-alb', `http://127.0.0.1:${port}`);
		const failing = await terminal.waitFor('retrying', 30_000);
		expectFits(failing);
		expect(failing).toMatch(/^lbtop shop-alb cannot connect/);
		expect(squeezed(failing)).toContain(
			squeezed(
				`elasticloadbalancing:DescribeLoadBalancers: cannot reach the endpoint (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port})`,
			),
		);
		expect(squeezed(failing)).toContain(
			squeezed('check the network, the region and --endpoint-url'),
		);

		// The endpoint comes up: the next attempt finds the load balancer.
		sim = await startWorldSim({scenarioPath, port});
		// Who lbtop runs as is read again as soon, so nothing is left saying "unreachable".
		const found = await terminal.waitFor(
			(screen) =>
				/^lbtop shop-alb ALB internet-facing · us-east-1 · acct \d{12}/.test(screen) &&
				!screen.includes('unreachable'),
			30_000,
		);
		expect(found).not.toContain('cannot start watching');
		await terminal.send('q');
		expect(await terminal.waitForExit()).toBe(0);
	});

	it('quitting while it still cannot connect exits 1 and prints why', async () => {
		const port = await closedPort();
		const terminal = await watch('shop-alb', `http://127.0.0.1:${port}`);
		await terminal.waitFor('retrying', 30_000);
		await terminal.send('q');
		expect(await terminal.waitForExit()).toBe(1);
		const printed = await printedAfterExit(terminal);
		expect(printed).toContain(
			squeezed('lbtop: elasticloadbalancing:DescribeLoadBalancers: cannot reach the endpoint'),
		);
		expect(printed).toContain(squeezed('check the network, the region and --endpoint-url'));
	});
});
