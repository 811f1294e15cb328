// Whether two lists hold the same values, each by Object.is. A loop, not a closure made per call:
// the shell compares every pane's reads on each write and each pane its inputs on each render, and
// a closure made per call loses its optimized code when it dies (each full collection compiles it
// again).
export function sameItems(previous: readonly unknown[], next: readonly unknown[]): boolean {
	if (previous.length !== next.length) {
		return false;
	}

	for (let index = 0; index < previous.length; index += 1) {
		if (!Object.is(previous[index], next[index])) {
			return false;
		}
	}

	return true;
}
