// Starting lbtop against something that is not right yet, at 80x24, as an on-call engineer does at
// 3 a.m.: a mistyped name ends the run with the closest names and exit 1, like --once; an endpoint
// that refuses connections says so in full and retries until it answers.
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {startWorldSim, type WorldSim} from '../../source/sim/serve.js';
import {cliPath} from '../cli/run-cli.js';
import {settling, startInTerminal, type TerminalSession} from '../helpers/terminal.js';

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

/**
 * A port nothing listens on, chosen outside the range the system hands out: a port taken from the
 * system (listen on 0) and let go may be handed out again before the sim binds it, to another
 * test's server (lbtop would find the wrong one) or as the local end of a connection (the sim
 * could not bind it), and lbtop's own connections to it could land on themselves.
 */
async function closedPort(): Promise<number> {
	const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
	const handedOutFrom = Number(range.trim().split(/\s+/)[0]);
	const below = Number.isInteger(handedOutFrom) && handedOutFrom > 12_000 ? handedOutFrom : 32_768;
	for (let attempt = 0; attempt < 50; attempt++) {
		// Random, so that two runs on one machine (two checkouts) do not pick the same one.
		const port = 10_000 + Math.floor(Math.random() * (below - 10_000));
		if (await isFree(port)) {
			return port;
		}
	}
	throw new Error(`no free port between 10000 and ${below}`);
}

async function isFree(port: number): Promise<boolean> {
	const server = createServer();
	const listening = await new Promise<boolean>((resolve) => {
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => resolve(true));
	});
	if (listening) {
		await new Promise((resolve) => {
			server.close(resolve);
		});
	}
	return listening;
}

/**
 * Without its whitespace: a line 80 columns wrapped (the terminal drops the space it broke at)
 * reads the same as the line printed.
 */
function squeezed(text: string): string {
	return text.replaceAll(/\s+/g, '');
}

/**
 * The terminal shows every one of `lines` once lbtop is gone. Polled: the exit status is written
 * the moment lbtop ends, while tmux may still be taking in what it printed last.
 */
async function expectPrintedAfterExit(
	terminal: TerminalSession,
	lines: readonly string[],
): Promise<void> {
	await vi.waitFor(async () => {
		const printed = squeezed(await terminal.history());
		for (const line of lines) {
			expect(printed).toContain(squeezed(line));
		}
	}, settling);
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
		await vi.waitFor(async () => expect(await terminal.alternateScreen()).toBe(false), settling);
		await expectPrintedAfterExit(terminal, [
			'lbtop: elasticloadbalancing:DescribeLoadBalancers: load balancer "shop-alv" not found in us-east-1; closest names in us-east-1: shop-alb',
			'check the name and the region',
		]);
	});

	it('no region configured ends the run saying how to give one, exit 1', async () => {
		sim = await startWorldSim({scenarioPath, port: 0});
		const {AWS_REGION: _region, ...noRegion} = environment;
		// The terminal's own environment may name one: an empty value is none to the SDK.
		const terminal = await watch('shop-alb', sim.url, {...noRegion, AWS_REGION: ''});
		expect(await terminal.waitForExit(30_000)).toBe(1);
		await expectPrintedAfterExit(terminal, [
			'lbtop: no AWS region is configured',
			'pass --region, set AWS_REGION, or set region in the profile',
		]);
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
		await expectPrintedAfterExit(terminal, [
			'lbtop: elasticloadbalancing:DescribeLoadBalancers: cannot reach the endpoint',
			'check the network, the region and --endpoint-url',
		]);
	});
});
