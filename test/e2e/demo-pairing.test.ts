// Pairing as the demo shows it: every output says the same of a row, and no frontend leg the LB
// never forwarded is ever drawn joined to a backend leg. The real built lbtop, against --demo.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {afterEach, describe, expect, it} from 'vitest';
import type {Snapshot} from '../../source/domain/snapshot.js';
import {cliPath, runCli} from '../cli/run-cli.js';
import {keys} from '../helpers/render.js';
import {startInTerminal, type TerminalSession} from '../helpers/terminal.js';

let session: TerminalSession | undefined;
let directory: string | undefined;

afterEach(async () => {
	await session?.close();
	session = undefined;
	if (directory) {
		await rm(directory, {recursive: true, force: true});
		directory = undefined;
	}
});

const environment = {AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null'};
const kinds = ['exact', 'likely', 'ambiguous', 'unpaired', 'arriving', 'health-check'];

describe('lbtop --demo: connection rows', () => {
	it('--json: no frontend the LB rejected, or sent to a port with no listener, joined to a backend leg', async () => {
		const result = await runCli(['--demo', '--json'], environment);
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as Snapshot;
		const listeners = new Set(snapshot.topology?.listeners.map((listener) => listener.port));
		const connections = snapshot.flows?.connections ?? [];
		expect(connections.length).toBeGreaterThan(100);
		for (const connection of connections) {
			expect(kinds).toContain(connection.kind);
			const {frontend} = connection;
			const joined = connection.backend !== undefined || connection.targetView !== undefined;
			if (frontend !== undefined && joined) {
				expect(listeners.has(frontend.dstPort), connection.id).toBe(true);
				expect(frontend.forward?.action === 'REJECT' && frontend.reverse === undefined).toBe(false);
			}
		}

		// The LB's health checks of the client-preserving group say so in JSON too.
		expect(connections.some((connection) => connection.kind === 'health-check')).toBe(true);
	}, 60_000);

	it('at 80x24: health checks are named, findable by the word shown, and explained', async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-pairing-e2e-'));
		session = await startInTerminal({
			command: [process.execPath, cliPath, '--demo'],
			columns: 80,
			rows: 24,
			cwd: process.cwd(),
			env: {TMPDIR: directory, ...environment},
		});
		const terminal = session;
		await terminal.waitFor(/metrics (through|lag)/, 30_000);
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Connections\]/);
		await terminal.waitFor(/flows through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z · lag/, 30_000);
		await terminal.send('/');
		await terminal.send('health chk');
		await terminal.send(keys.enter);
		let screen = await terminal.waitFor(/filter: health chk · \d+ of \d+ rows/);
		const rows = screen.split('\n').filter((line) => / -> :\? +=> /.test(line));
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(row).toMatch(/ health chk( +tcp)?$/);
		}

		await terminal.send(keys.enter);
		screen = await terminal.waitFor(/health check: from the load balancer's own address/);
		for (const line of screen.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(80);
		}

		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	}, 90_000);
});
