// Marks when changes happened on a sparkline's time axis, so "it started right after that
// RevokeSecurityGroupIngress" can be read straight off the screen.

/** A `width`-cell axis over [start, end) with `mark` in each cell that holds a change. */
export function changeAxis(
	times: readonly number[],
	window: {readonly start: number; readonly end: number},
	width: number,
	mark: string,
): string {
	const span = window.end - window.start;
	if (width <= 0 || span <= 0) {
		return '';
	}
	const cells = Array.from({length: width}, () => ' ');
	for (const time of times) {
		if (time < window.start || time >= window.end) {
			continue;
		}
		cells[Math.min(width - 1, Math.floor(((time - window.start) / span) * width))] = mark;
	}
	return cells.join('');
}
