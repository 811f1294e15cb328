// lbtop's own V8 heap policy, set before the monitor loads. An interactive monitor holds a few tens
// of MB of live data and allocates steadily (a frame, a read every 2 s); with V8's defaults the
// young generation grows to 32 MB and the old one to about four times what is live, so a process
// holding ~45 MB sat at 190-250 MB resident. Here the young generation stays at its initial size
// and the old one grows by half of what is live after each full collection: about 130-150 MB
// resident, for some more garbage collection (docs/benchmarks.md, "Where the time and bytes go").
//
// A bin script cannot pass V8 flags portably: `#!/usr/bin/env -S node --flag` needs an `env` that
// Amazon Linux 2 and BusyBox lack, and re-spawning Node would cost a second process. Node documents
// setting V8 flags after start-up as possibly unreliable; these two are read by V8 at each
// collection (checked on Node 20 with v8.getHeapStatistics), and the `footprint` benchmark
// measures the effect on the built CLI.
import v8 from 'node:v8';

export const heapFlags: readonly string[] = [
	// The young generation keeps its initial 1 MB semi-spaces instead of doubling up to 16 MB.
	'--semi-space-growth-factor=1',
	// The old generation's limit after a full collection: 1.5x what survived (V8 picks up to 4x).
	'--heap-growing-percent=50',
];

export function favourSmallHeap(): void {
	for (const flag of heapFlags) {
		v8.setFlagsFromString(flag);
	}
}
