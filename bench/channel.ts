// How a benchmark process hands its figures to run.ts: one marked line on stdout, so progress
// lines (stderr) and stray output never mix with the figures.
import process from 'node:process';
import type {Figure} from './figure.js';

export const figuresMarker = '@@figures ';

export function progress(benchmark: string, message: string): void {
	process.stderr.write(`  [${benchmark}] ${message}\n`);
}

/**
 * Runs one benchmark as the body of its own process and prints its figures. A benchmark that
 * throws still reports: one figure naming the error, never a made-up value.
 */
export async function runBenchmark(
	benchmark: string,
	measure: () => Promise<readonly Figure[]>,
): Promise<void> {
	let figures: readonly Figure[];
	try {
		figures = await measure();
	} catch (error) {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		process.stderr.write(`  [${benchmark}] failed: ${message}\n`);
		figures = [
			{
				benchmark,
				name: `${benchmark} (failed)`,
				value: null,
				unit: '-',
				goal: '-',
				verdict: 'not measured',
				notes: `the benchmark failed: ${error instanceof Error ? error.message : String(error)}`,
			},
		];
	}

	process.stdout.write(`${figuresMarker}${JSON.stringify(figures)}\n`);
	// Servers, sockets and timers a benchmark left behind must not keep its process alive.
	process.exit(0);
}

export function parseFigures(stdout: string): Figure[] | undefined {
	const line = stdout
		.split('\n')
		.reverse()
		.find((candidate) => candidate.startsWith(figuresMarker));
	if (line === undefined) {
		return undefined;
	}

	const parsed: unknown = JSON.parse(line.slice(figuresMarker.length));
	return Array.isArray(parsed) ? (parsed as Figure[]) : undefined;
}
