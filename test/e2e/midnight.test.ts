// An on-call session that crosses midnight UTC, as they often do: `lbtop sim` with the ALB example
// and `lbtop shop-alb` in tmux at 80x24, both under faketime on a clock that starts 50 s before
// midnight. The new day must not cost the screen its truth: yesterday's times carry their date,
// the findings stay, and the access log files that land after midnight (in the new day's folder)
// are read. The clock is shifted for these two processes only, never for the machine.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliPath} from '../cli/run-cli.js';
import {keys} from '../helpers/render.js';
import {type SimProcess, startSimProcess} from '../helpers/sim-process.js';
import {startInTerminal, type TerminalSession} from '../helpers/terminal.js';

const scenarioPath = fileURLToPath(new URL('../../examples/alb-target-5xx.json', import.meta.url));
const day = 86_400_000;
// The clock the two processes see: 50 s before the next midnight UTC, running at the real pace.
const nextMidnight = Math.ceil(Date.now() / day) * day;
const fakeStart =
	nextMidnight - 50_000 > Date.now() + 5000 ? nextMidnight - 50_000 : nextMidnight + day - 50_000;
const offsetSeconds = Math.ceil((fakeStart - Date.now()) / 1000);
const fakeMidnight = fakeStart + 50_000;
const faketime = ['faketime', '-f', `+${offsetSeconds}s`];
/** Yesterday's date as the panes write it beside a time: `MM-DD`. */
const yesterday = new Date(fakeMidnight - day).toISOString().slice(5, 10);

let sim: SimProcess | undefined;
let session: TerminalSession | undefined;
let directory: string | undefined;

beforeAll(async () => {
	sim = await startSimProcess(scenarioPath, faketime);
}, 60_000);

afterAll(async () => {
	await session?.close();
	await sim?.stop();
	if (directory) await rm(directory, {recursive: true, force: true});
});

describe('lbtop shop-alb across midnight UTC', () => {
	it('dates yesterday once the day turns, keeps its findings and reads the logs that land in the new day', async () => {
		directory = await mkdtemp(join(tmpdir(), 'lbtop-midnight-e2e-'));
		const terminal = await startInTerminal({
			command: [
				...faketime,
				process.execPath,
				cliPath,
				'shop-alb',
				'--endpoint-url',
				sim?.url ?? '',
				'--region',
				sim?.region ?? '',
			],
			columns: 80,
			rows: 24,
			cwd: process.cwd(),
			env: {
				TMPDIR: directory,
				// The day that turns is UTC's, as lbtop's times are; a local zone would only add a column.
				TZ: 'UTC',
				AWS_ACCESS_KEY_ID: 'test',
				AWS_SECRET_ACCESS_KEY: 'test',
				AWS_CONFIG_FILE: '/dev/null',
				AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
				AWS_EC2_METADATA_DISABLED: 'true',
			},
		});
		session = terminal;
		// The rollout's findings lead the findings line (which of the two ranks first may change as
		// the access logs land).
		const findings = (text: string) => /^WARN Targets answer (slowly|5XX) \(shop-web\)/m.test(text);

		// Before midnight: the deploy's changes are today's, written without a date.
		await terminal.waitFor(/^lbtop shop-alb ALB .* 23:59:\d\dZ( |$)/m, 30_000);
		for (let tab = 0; tab < 5; tab++) await terminal.send(keys.tab);
		let screen = await terminal.waitFor(
			(text) =>
				/\[Changes\]/.test(text) &&
				/^4 changes · events through \d\d:\d\d:\d\dZ/m.test(text) &&
				findings(text),
			30_000,
		);
		expect(screen).toMatch(/^23:5\d:\d\dZ +\d+m ago .*RegisterTargets/m);

		// The clock turns: the same rows now say which day they were, with no new data needed.
		screen = await terminal.waitFor(/^lbtop shop-alb ALB .* 00:00:\d\dZ( |$)/m, 60_000);
		screen = await terminal.waitFor(new RegExp(`^${yesterday} 23:5\\dZ +\\d+m ago `, 'm'), 10_000);
		const rows = screen.split('\n').filter((line) => line.startsWith(`${yesterday} 23:5`));
		expect(rows).toHaveLength(4);
		expect(screen).toMatch(new RegExp(`^4 changes · events through ${yesterday} 23:5\\dZ`, 'm'));
		expect(findings(screen)).toBe(true);

		// The interval that ended at midnight lands one to two minutes later, in the new day's
		// folder: the Requests pane reads it and says so.
		await terminal.send(keys.tab);
		screen = await terminal.waitFor(
			(text) => /\[Requests\]/.test(text) && /^logs through 00:00:00Z · lag/m.test(text),
			200_000,
		);
		expect(screen).toMatch(/^10\.0\.10\.31:8080 +i-0a7e3c9f1b5d2e861 /m);
		expect(findings(screen)).toBe(true);

		await terminal.send('q');
		expect(await terminal.waitForExit(15_000)).toBe(0);
	}, 300_000);
});
