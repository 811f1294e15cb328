// Helper process for the memory benchmark (memory-watch.tsx does the watching). The CLI sets its
// heap policy (source/heap-settings.ts) before React, Ink and the SDK load; set after them, V8's
// young generation has already grown while they loaded (to 8 MB here) and never shrinks again
// under the benchmark's steady allocation, so the process held about 6 MB the CLI does not.
import {favourSmallHeap} from '../source/heap-settings.js';

favourSmallHeap();
await import('./memory-watch.js');
