// `npm run bench`: runs every benchmark in its own process, one after another (they time things,
// so they never share the machine with each other), prints each figure beside its goal and writes
// them all to bench/results/latest.json.
//
//   node dist/bench/run.js [name ...]    only the named benchmarks (e.g. processing cost)
import {spawn} from 'node:child_process';
import {mkdir, rm, writeFile} from 'node:fs/promises';
import {cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {parseFigures} from './channel.js';
import type {Figure} from './figure.js';
import {builtBench, repoRoot} from './paths.js';
import {terminalEnvironment} from './pty.js';

type Benchmark = {
	readonly name: string;
	readonly file: string;
	readonly env?: Readonly<Record<string, string>>;
	/** Longer than the default for the benchmarks that watch for minutes. */
	readonly timeoutMs?: number;
};

const benchmarks: readonly Benchmark[] = [
	{name: 'processing', file: 'processing.js'},
	// The CLI sets NODE_ENV=production before React loads; the development build is shown beside it.
	{name: 'rendering', file: 'rendering.js', env: {NODE_ENV: 'production'}},
	{name: 'rendering-development', file: 'rendering.js', env: {NODE_ENV: 'development'}},
	{name: 'terminal-bytes', file: 'terminal-bytes.js'},
	{name: 'cost', file: 'cost.js'},
	{name: 'freshness', file: 'freshness.js'},
	{name: 's3', file: 's3.js'},
	{name: 'memory', file: 'memory.js'},
	{name: 'startup', file: 'startup.js'},
	{name: 'footprint', file: 'footprint.js', timeoutMs: 10 * 60_000},
	{name: 'keypress', file: 'keypress.js'},
	{name: 'scale', file: 'scale.js', timeoutMs: 20 * 60_000},
];

// Both rendering variants draw the same two snapshots, built by the first.
const snapshotFile = join(tmpdir(), `lbtop-bench-snapshots-${process.pid}.json`);

// Far above what any benchmark needs; a hung one must not hang the run.
const benchmarkTimeoutMs = 5 * 60_000;

type Outcome = {readonly figures: Figure[]; readonly seconds: number};

function runOne({
	name,
	file,
	env = {},
	timeoutMs = benchmarkTimeoutMs,
}: Benchmark): Promise<Outcome> {
	const started = Date.now();
	// Ink draws nothing when it thinks it runs in CI; the SDK's Node notice is noise here; and React
	// is loaded the way the CLI loads it unless a variant asks otherwise.
	const childEnv = terminalEnvironment({
		AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
		BENCH_SNAPSHOT_FILE: snapshotFile,
	});
	delete childEnv.NODE_ENV;
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [builtBench(file)], {
			cwd: repoRoot,
			env: {...childEnv, ...env},
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let stdout = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			const seconds = (Date.now() - started) / 1000;
			const figures = parseFigures(stdout) ?? [
				{
					benchmark: name,
					name: `${name} (no figures)`,
					value: null,
					unit: '-',
					goal: '-',
					verdict: 'not measured',
					notes: `the benchmark process ended (${signal ?? `exit ${code}`}) without reporting figures`,
				},
			];
			resolve({figures, seconds});
		});
	});
}

function formatValue(figure: Figure): string {
	if (figure.value === null) {
		return '-';
	}

	return `${figure.value.toLocaleString('en-US', {maximumFractionDigits: 2})} ${figure.unit}`;
}

function table(figures: readonly Figure[]): string {
	const rows = figures.map((figure) => [
		figure.benchmark,
		figure.name,
		formatValue(figure),
		figure.goal,
		figure.verdict.toUpperCase(),
	]);
	const header = ['benchmark', 'figure', 'value', 'goal', 'verdict'];
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
	);
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) => cell.padEnd(widths[column] ?? 0))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
		'\n',
	);
}

const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !benchmarks.some((candidate) => candidate.name === name));
if (unknown.length > 0) {
	process.stderr.write(
		`unknown benchmark: ${unknown.join(', ')} (known: ${benchmarks.map((candidate) => candidate.name).join(', ')})\n`,
	);
	process.exit(2);
}

const chosen = benchmarks.filter(
	(candidate) => selected.length === 0 || selected.includes(candidate.name),
);
const startedAt = new Date();
const figures: Figure[] = [];
const durations: Record<string, number> = {};
for (const entry of chosen) {
	process.stderr.write(`${entry.name}…\n`);
	const outcome = await runOne(entry);
	durations[entry.name] = Math.round(outcome.seconds);
	figures.push(...outcome.figures);
}

await rm(snapshotFile, {force: true});
process.stdout.write(`\n${table(figures)}\n\n`);
for (const figure of figures) {
	process.stdout.write(`${figure.benchmark} / ${figure.name}: ${figure.notes}\n`);
}

const resultsDirectory = join(repoRoot, 'bench', 'results');
await mkdir(resultsDirectory, {recursive: true});
const resultsFile = join(resultsDirectory, 'latest.json');
await writeFile(
	resultsFile,
	`${JSON.stringify(
		{
			startedAt: startedAt.toISOString(),
			finishedAt: new Date().toISOString(),
			command: `npm run bench${selected.length > 0 ? ` -- ${selected.join(' ')}` : ''}`,
			machine: {cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version},
			durationsSeconds: durations,
			figures,
		},
		null,
		'\t',
	)}\n`,
);
const missed = figures.filter((figure) => figure.verdict === 'fail').length;
process.stdout.write(
	`\n${figures.length} figures, ${missed} goals missed; written to ${resultsFile}\n`,
);
