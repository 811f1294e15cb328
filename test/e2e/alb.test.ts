// An ALB incident as an on-call engineer meets it: `lbtop sim --scenario examples/alb-target-5xx.json`
// in a process of its own, and lbtop pointed at it as at AWS, in a real terminal (tmux) at 80x24
// and as a --once report. The scenario: a CodeDeploy rollout after which the targets answer 5XX
// and slowly while the network delivers every connection.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {cliPath, runCli} from '../cli/run-cli.js';
import {keys} from '../helpers/render.js';
import {type SimProcess, startSimProcess} from '../helpers/sim-process.js';
import {settling, startInTerminal, type TerminalSession} from '../helpers/terminal.js';

const scenarioPath = fileURLToPath(new URL('../../examples/alb-target-5xx.json', import.meta.url));
const credentials = {
	AWS_ACCESS_KEY_ID: 'test',
	AWS_SECRET_ACCESS_KEY: 'test',
	AWS_CONFIG_FILE: '/dev/null',
	AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
	AWS_EC2_METADATA_DISABLED: 'true',
};
// Labels of the NLB metric set: none of them belongs on an ALB's screen.
const nlbMetricLabels = /new flows|active flows|client resets|LB resets|target resets|port alloc/;

let sim: SimProcess | undefined;
let endpoint = {url: '', region: ''};
let session: TerminalSession | undefined;
let directory: string | undefined;

beforeAll(async () => {
	sim = await startSimProcess(scenarioPath);
	endpoint = sim;
}, 60_000);

afterAll(async () => {
	await sim?.stop();
});

afterEach(async () => {
	await session?.close();
	session = undefined;
	if (directory) {
		await rm(directory, {recursive: true, force: true});
		directory = undefined;
	}
});

/** Opens the findings one after another, from the first, until the one of `rule` is shown. */
async function openFinding(terminal: TerminalSession, rule: string): Promise<string> {
	let shown = '';
	for (let step = 0; step < 8; step++) {
		await terminal.send(keys.enter);
		shown = await terminal.waitFor(/Findings \(detail, Esc back/);
		// The detail's title names the finding's key, which starts with its rule: the rule's own line
		// may lie below the fold of a long detail at 80x24.
		if (new RegExp(`Esc back: ${rule}[:)]`).test(shown)) {
			return shown;
		}
		await terminal.send(keys.escape);
		await terminal.waitFor((text) => !text.includes('Findings (detail'));
		await terminal.send(keys.down);
	}
	throw new Error(`no finding of rule ${rule} among the first 8:\n${shown}`);
}

function assertFits(screen: string, columns: number, rows: number): void {
	const lines = screen.split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) {
		expect(line.length).toBeLessThanOrEqual(columns);
	}
}

async function watchShopAlb(): Promise<TerminalSession> {
	directory = await mkdtemp(join(tmpdir(), 'lbtop-alb-e2e-'));
	session = await startInTerminal({
		command: [
			process.execPath,
			cliPath,
			'shop-alb',
			'--endpoint-url',
			endpoint.url,
			'--region',
			endpoint.region,
		],
		columns: 80,
		rows: 24,
		cwd: process.cwd(),
		env: {TMPDIR: directory, ...credentials},
	});
	return session;
}

describe('lbtop shop-alb at 80x24 during a bad deploy', () => {
	it('shows the ALB, its 5XX and latency findings with the deploy as the cause, ALB metrics and the alarm, the deploy in Changes; q restores the terminal', async () => {
		const terminal = await watchShopAlb();
		await terminal.waitFor(/^lbtop shop-alb ALB internet-facing · us-east-1/m, 30_000);
		// Every source has answered once the status bar gives a lag for each of them.
		let screen = await terminal.waitFor(
			(text) => /flows lag/.test(text) && /metrics lag/.test(text) && /changes read/.test(text),
			30_000,
		);
		screen = await terminal.waitFor(
			(text) =>
				/^WARN Targets answer slowly \(shop-web\): TargetResponseTime 2\.70 s/m.test(text) &&
				// The 5XX: the metric's finding for the group, or the access logs' for one target,
				// whichever ranks first (it depends on which log files have landed).
				/^WARN (Targets answer 5XX \(shop-web\): HTTPCode_Target_5XX_Count \d+ per 1m|Target 10\.0\.1[01]\.31:8080 .*answers 5XX)/m.test(
					text,
				) &&
				/^\+[2-9] more findings$/m.test(text),
			30_000,
		);
		assertFits(screen, 80, 24);
		expect(await terminal.alternateScreen()).toBe(true);
		expect(screen).toMatch(/targets 2\/2 healthy · 2 AZs · 1 alarm firing/);

		// The metrics pane: the ALB metric set and the ALB's alarms, nothing of an NLB's.
		expect(screen).toMatch(/\[Findings\] Metrics/);
		expect(screen).toMatch(/^ALARM shop-alb-target-5xx · since/m);
		expect(screen).toMatch(/^OK shop-alb-unhealthy-hosts/m);
		expect(screen).toMatch(/^requests {2,}\S+ +[\d.]+\/s/m);
		expect(screen).toMatch(/^response p50 {2,}\S+ +2700ms +58ms +2700ms$/m);
		expect(screen).toMatch(/^response p99 {2,}\S+ +5400ms +380ms +5400ms$/m);
		expect(screen).toMatch(/^target 5XX {2,}\S+ +137 +0 +140$/m);
		expect(screen).toMatch(/^LB 5XX {2,}\S+ +2 +1 +3$/m);
		// The access logs add a finding per failing target, and the two internet probes are one
		// info line: they wait behind a count (the --once test below still checks the probes).
		expect(screen).toMatch(/^\+[2-9] more findings$/m);
		expect(screen).not.toMatch(nlbMetricLabels);
		// The ALB has rejects at the LB too, but the note about NLB metrics is not for it.
		expect(screen).not.toMatch(/NLB/);

		// Focus starts on the findings line: the metric's 5XX finding opens with its cause.
		screen = await openFinding(terminal, 'app-errors');
		expect(screen).toMatch(/Likely cause: RegisterTargets by CodeDeployServiceRole/);
		assertFits(screen, 80, 24);
		expect(screen).toMatch(/Findings \(detail, Esc back/);
		expect(screen).toMatch(/while flows are accepted: the application, not the network/);
		expect(screen).toMatch(/Findings \(detail, Esc back: app-errors:HTTPCode_Target_5XX_Count\)/);
		expect(screen).toMatch(/registered\s+i-0f2d8b4a6c1e9d372:8080/);
		expect(screen).toMatch(/^ {2}alarm ALARM shop-alb-target-5xx/m);
		expect(screen).toMatch(
			/^ {2}change (\d\d-\d\d )?\d\d:\d\d:\d\dZ RegisterTargets targetgroup\/shop-web\//m,
		);
		await terminal.send(keys.escape);
		await terminal.waitFor((text) => !text.includes('Findings (detail'));

		// Connections: a client's leg to the ALB on :80 is paired with the ALB's own connection to a
		// target on 8080 (a proxy: the backend leg starts at the ALB's address, not the client's).
		await terminal.send(keys.tab);
		await terminal.send(keys.tab);
		screen = await terminal.waitFor(/\[Connections\]/);
		expect(screen).toMatch(/flows through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z · lag/);
		expect(screen).toMatch(
			/^(?!10\.)\d+\.\d+\.\d+\.\d+:\d+ +-> :80 +=> 10\.0\.1[01]\.31:8080 ACC ACC ACC .* likely$/m,
		);
		// The ALB's private address shows in the client column only where no client is claimed: a
		// backend leg with no frontend leg joined to it (no listener, no frontend action).
		for (const row of screen.split('\n').filter((line) => /^10\.0\.\d+\.\d+:\d+ +-> /.test(line))) {
			expect(row).toMatch(
				/^10\.0\.\d+\.\d+:\d+ +-> :\? +=> \S+ +--- .* (ambiguous|unpaired|arriving)$/,
			);
		}
		assertFits(screen, 80, 24);

		await terminal.send(keys.tab);
		await terminal.waitFor(/\[Accepted\]/);
		await terminal.send(keys.tab);
		screen = await terminal.waitFor(/\[Rejected\]/);
		expect(screen).toMatch(/^2\.125\.160\.216 +at LB +2 /m);

		await terminal.send(keys.tab);
		screen = await terminal.waitFor(/\[Changes\]/);
		assertFits(screen, 80, 24);
		expect(screen).toMatch(
			/^4 changes · events through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z \(\d+m\d*s? ago\)/m,
		);
		const rows = screen
			.split('\n')
			.filter((line) => /^(\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z +\d+m ago /.test(line));
		expect(rows).toHaveLength(4);
		expect(rows.map((line) => /(Register|Deregister)Targets/.exec(line)?.[0])).toEqual([
			'RegisterTargets',
			'DeregisterTargets',
			'RegisterTargets',
			'DeregisterTargets',
		]);
		for (const line of rows) {
			expect(line).toMatch(/CodeDeployServiceRole.* (Register|Deregister)Targets targetgroup\//);
		}

		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
		await vi.waitFor(async () => expect(await terminal.alternateScreen()).toBe(false), settling);
		// tmux's pipe to the output file can trail the screen by a moment on a loaded machine.
		await vi.waitFor(
			async () => {
				const output = await terminal.rawOutput();
				expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(
					output.lastIndexOf('\u001B[?25l'),
				);
				expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(
					output.lastIndexOf('\u001B[?1049h'),
				);
			},
			{timeout: 5000, interval: 50},
		);
	}, 90_000);

	it('Requests pane: the failing target from the access logs, Enter to its failing requests, Enter to one request with every field, Esc back twice', async () => {
		const terminal = await watchShopAlb();
		// The tab is offered once discovery says what kind of LB this is.
		await terminal.waitFor(/^\[Findings\] Metrics .* Requests$/m, 30_000);
		// The Requests tab is the last of an ALB's: Shift-Tab from the findings reaches it.
		await terminal.send(keys.shiftTab);
		let screen = await terminal.waitFor(
			(text) =>
				/\[Requests\]/.test(text) &&
				/^10\.0\.10\.31:8080 +i-0a7e3c9f1b5d2e861 +[\d.]+ +\d+ /m.test(text),
			45_000,
		);
		assertFits(screen, 80, 24);
		// Where the figures come from and how late they are, as every pane says it.
		expect(screen).toMatch(
			/^logs through (\d\d-\d\d \d\d:\d\d|\d\d:\d\d:\d\d)Z · lag \S+ · from the objects read/m,
		);
		expect(screen).toMatch(/^target +instance +req\/m +T5XX +LB5XX +4XX +p50 +p99/m);

		await terminal.send(keys.enter);
		screen = await terminal.waitFor(
			/Requests \(detail, Esc back: 10\.0\.10\.31:8080 in shop-web\)/,
		);
		assertFits(screen, 80, 24);
		expect(screen).toMatch(/^target_processing_time p50 \S+, p99 \S+/m);
		expect(screen).toMatch(/^Failing requests, newest first \(\d+\)$/m);
		// A request of another day than the clock's carries its date (after midnight UTC, the last 5XX
		// may be yesterday's).
		expect(screen).toMatch(/^(\d\d-\d\d )?\d\d:\d\d:\d\dZ 500 \(target 500\) \S+ [A-Z]+ \//m);
		// Query strings carry tokens: hidden.
		expect(screen).not.toMatch(/\?[^…\s]/);

		await terminal.send(keys.enter);
		screen = await terminal.waitFor(/Requests \(request, Esc back to the target\)/);
		assertFits(screen, 80, 24);
		expect(screen).toMatch(/^target:port +10\.0\.10\.31:8080$/m);
		// The newest failing request: a target's 500, or the LB's 502/504 with no target answer.
		expect(screen).toMatch(/^elb_status_code +5\d\d$/m);
		expect(screen).toMatch(/^target_status_code +(5\d\d|- \(no answer from a target\))$/m);
		expect(screen).toMatch(/^lines 1-\d+ of \d+ · j\/k PgUp\/PgDn g\/G scroll$/m);

		await terminal.send(keys.escape);
		await terminal.waitFor(/Requests \(detail, Esc back: 10\.0\.10\.31:8080/);
		await terminal.send(keys.escape);
		screen = await terminal.waitFor((text) => /\[Requests\]/.test(text) && !/Esc back/.test(text));
		assertFits(screen, 80, 24);
		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	}, 120_000);
});

describe('lbtop shop-alb --once during a bad deploy', () => {
	it('reports the ALB, both application findings with the deploy as the cause, the alarm and ALB metrics', async () => {
		const result = await runCli(
			['shop-alb', '--once', '--endpoint-url', endpoint.url, '--region', endpoint.region],
			credentials,
		);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		// Lines longer than the summary's width continue, indented, on the next: read them whole.
		const text = result.stdout.replaceAll(/\n {4,}(?=\S)/g, ' ');
		expect(text).toMatch(/^lbtop · shop-alb \(application, internet-facing\) · us-east-1/m);
		expect(text).toMatch(
			/^ {2}\[WARNING\] Targets answer 5XX \(shop-web\): HTTPCode_Target_5XX_Count 140 per 1m \(usual \d+\) while flows are accepted: the application, not the network; began (right|\S+) after RegisterTargets by CodeDeployServiceRole/m,
		);
		expect(text).toMatch(
			/^ {2}\[WARNING\] Targets answer slowly \(shop-web\): TargetResponseTime 2\.70 s \(usual \d+ ms\) while flows are accepted/m,
		);
		expect(text).toMatch(
			/Likely cause: RegisterTargets by CodeDeployServiceRole at \d\d:\d\d:\d\d UTC \(targetgroup\/shop-web\/3c8e1f5a7b2d9e04: registered i-0f2d8b4a6c1e9d372:8080\)/,
		);
		expect(text).toMatch(/^Alarms in ALARM:\n {2}shop-alb-target-5xx since /m);

		const metrics = text.slice(text.indexOf('Metrics (latest):'), text.indexOf('Recent changes:'));
		// The same figures and units as the metrics pane: a paste matches the screen.
		expect(metrics).toMatch(/^ {2}requests: \d+\.\d+\/s at/m);
		expect(metrics).toMatch(/^ {2}target 5XX: 137 at/m);
		expect(metrics).toMatch(/^ {2}LB 5XX: 2 at/m);
		expect(metrics).toMatch(/^ {2}response p50: 2700ms at/m);
		expect(metrics).toMatch(/^ {2}healthy shop-web: 2 at/m);
		expect(metrics).toMatch(/^ {2}unhealthy shop-web: 0 at/m);
		expect(metrics).not.toMatch(nlbMetricLabels);

		expect(text).toMatch(
			/^ {2}\d\d:\d\d:\d\dZ \(\S+ ago\) CodeDeployServiceRole RegisterTargets targetgroup\/shop-web\/3c8e1f5a7b2d9e04: registered i-0f2d8b4a6c1e9d372:8080$/m,
		);
		expect(text).toMatch(/^ {2}2\.125\.160\.216 → ports 22,3389 · 2 records · rejected at LB$/m);
		for (const source of ['discovery', 'flows', 'metrics', 'changes', 'access logs']) {
			expect(text).toMatch(new RegExp(`^ {2}${source}: ok`, 'm'));
		}
		// The access logs name the failing target first, with its share of 5XX and its p99.
		expect(text).toMatch(/^Requests \(ALB access logs, from the objects read, provisional/m);
		expect(text).toMatch(
			/^ {2}10\.0\.10\.31:8080: \d+ req · target 5XX \d+(\.\d)?% \(\d+\) · no answer \d+ · p50 \d+ ms p99 5\.\d\d s$/m,
		);
	});
});
