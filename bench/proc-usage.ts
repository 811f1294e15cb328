// A process's CPU time and resident memory from /proc, for the benchmarks that watch lbtop and the
// sim from outside (Linux only: where /proc is missing, figures are reported as not measured).
import {existsSync, readFileSync} from 'node:fs';
import {loadavg} from 'node:os';

export type Usage = {readonly cpuSeconds: number; readonly rssMb: number};

export const procAvailable = (): boolean => existsSync('/proc/self/stat');

export function usageOf(pid: number): Usage | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime + stime, in clock ticks of 10 ms.
		const ticks = Number(fields[11]) + Number(fields[12]);
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return {cpuSeconds: ticks / 100, rssMb: rssKb / 1024};
	} catch {
		return undefined;
	}
}

/** The process a pseudo-terminal's `script` runs (its shell execs the command). */
export function childOf(pid: number): number | undefined {
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ');
		const child = Number(children[0]);
		return Number.isInteger(child) && child > 0 ? child : undefined;
	} catch {
		return undefined;
	}
}

/** The machine's one-minute load average, for the notes beside a timing on a shared machine. */
export const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';

export type Sample = {readonly at: number; readonly usage: Usage};

/** Samples `pid` every `everyMs` for `ms`; stops early if the process is gone. */
export async function sampleUsage(pid: number, ms: number, everyMs = 1000): Promise<Sample[]> {
	const samples: Sample[] = [];
	const end = Date.now() + ms;
	for (;;) {
		const usage = usageOf(pid);
		if (usage === undefined) {
			throw new Error(`process ${pid} is gone`);
		}
		samples.push({at: Date.now(), usage});
		if (Date.now() >= end) {
			return samples;
		}
		await new Promise((resolve) => setTimeout(resolve, Math.min(everyMs, end - Date.now())));
	}
}

/** CPU-seconds per wall minute between the first and last sample. */
export function cpuPerMinute(samples: readonly Sample[]): number {
	const first = samples[0];
	const last = samples.at(-1);
	if (first === undefined || last === undefined || last.at <= first.at) {
		return Number.NaN;
	}
	return ((last.usage.cpuSeconds - first.usage.cpuSeconds) * 60_000) / (last.at - first.at);
}
