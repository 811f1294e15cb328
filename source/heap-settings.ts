// lbtop's own V8 heap policy, set before the monitor loads. An interactive monitor holds a few tens
// of MB of live data and allocates steadily (a frame, a read every 2 s); with V8's defaults the
// young generation grows to 32 MB and the old one to about four times what is live, so a process
// holding ~45 MB sat at 190-250 MB resident. Here the young generation stays at its initial size
// and the old one grows by 30% of what is live after each full collection, for some more garbage
// collection (docs/benchmarks.md, "Where the time and bytes go").
//
// Most V8 flags can be set after start-up (Node documents it as possibly unreliable); the two below
// are read by V8 at each collection (checked on Node 20 with v8.getHeapStatistics), and the
// `footprint` benchmark measures the effect on the built CLI. Flags V8 reads only when it sets up
// its heap go on the command line: the package's bin is a POSIX shell script that runs Node with
// them (`startupFlags`, written by build/bundle.ts), since `#!/usr/bin/env -S node --flag` needs an
// `env` that Amazon Linux 2 and BusyBox lack.
import v8 from 'node:v8';

export const heapFlags: readonly string[] = [
	// The young generation keeps its initial 1 MB semi-spaces instead of doubling up to 16 MB.
	'--semi-space-growth-factor=1',
	// The old generation's limit after a full collection: 1.3x what survived (V8 picks up to 4x).
	// 1.5x while V8's memory reducer ran (startupFlags): without it the heap is not shrunk between
	// reads, and the lower limit keeps RSS where it was (docs/benchmarks.md, "The ninth round").
	'--heap-growing-percent=30',
];

export function favourSmallHeap(): void {
	for (const flag of heapFlags) {
		v8.setFlagsFromString(flag);
	}
}

/**
 * V8 flags for the command line (the bin passes them). The memory reducer is left out: when the heap
 * looks idle it runs full collections to give memory back, but a monitor is never idle for long (a
 * read every 2 s), and every full collection throws away optimized code that V8 then compiles again
 * on its worker threads. Without it, and with the old generation's growth above cut from 50% to 30%
 * to hold RSS, lbtop used 16% less CPU at the same RSS in the paired run of all three builds (24%
 * with 50% growth, for 3 MB more; docs/benchmarks.md, "The ninth round").
 */
export const startupFlags: readonly string[] = ['--no-memory-reducer'];

/**
 * glibc malloc settings for the environment (the bin exports each one the user has not set; other
 * C libraries ignore them). glibc reads them only when a process starts. V8's compiler and Node's
 * buffers allocate with malloc, and two of glibc's defaults kept freed memory resident:
 * - after a large block is freed (a 2 MB response body), glibc raises its trim threshold to twice
 *   that block, so up to 4 MB free at the top of each arena is never given back; a fixed threshold
 *   of 128 KB (glibc's own default before it adapts) gives it back;
 * - each of V8's worker threads gets an arena of its own (about 3 MB each, mostly free after
 *   TurboFan's compiles); two arenas are shared instead.
 * Paired against the bin without them: 12.6-15 MB less RSS for 0-5% more CPU (docs/benchmarks.md,
 * "The tenth round"). Processes lbtop starts (a profile's credential_process) inherit them: a C
 * program then shares two arenas, others ignore them.
 */
export const startupEnvironment: Readonly<Record<string, string>> = {
	MALLOC_ARENA_MAX: '2',
	MALLOC_TRIM_THRESHOLD_: '131072',
};
