// Durations as users type them on the command line: `90s`, `15m`, `1h`, `1h30m`.

const unitMs = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000} as const;
type Unit = keyof typeof unitMs;

function isUnit(value: string): value is Unit {
	return Object.hasOwn(unitMs, value);
}

/** Milliseconds, or undefined when the text is not a positive duration. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim().toLowerCase();
	if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/.test(trimmed)) {
		return undefined;
	}
	let total = 0;
	for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
		const [, amount, unit] = match;
		if (amount === undefined || unit === undefined || !isUnit(unit)) {
			return undefined;
		}
		total += Number(amount) * unitMs[unit];
	}
	return total > 0 ? Math.round(total) : undefined;
}

/** `4m50s`, `2h05m`, `45s`, `800ms`: short, for status lines. */
export function formatDuration(ms: number): string {
	const sign = ms < 0 ? '-' : '';
	const abs = Math.abs(ms);
	if (abs < 1000) {
		return `${sign}${Math.round(abs)}ms`;
	}
	const seconds = Math.floor(abs / 1000);
	if (seconds < 60) {
		return `${sign}${seconds}s`;
	}
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		const rest = seconds % 60;
		return rest === 0
			? `${sign}${minutes}m`
			: `${sign}${minutes}m${String(rest).padStart(2, '0')}s`;
	}
	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		const rest = minutes % 60;
		return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h${String(rest).padStart(2, '0')}m`;
	}
	return `${sign}${Math.floor(hours / 24)}d`;
}

/**
 * How far behind a source is, at the precision a reader can use: seconds under a minute, then
 * 10-second steps, then whole minutes. Flow logs lag by minutes; counting each second would
 * redraw (and resend over SSH) every freshness line every second for nothing a user can act on.
 */
export function formatLagDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) {
		return `${seconds}s`;
	}
	if (seconds < 600) {
		return formatDuration(Math.floor(seconds / 10) * 10_000);
	}
	return formatDuration(Math.floor(seconds / 60) * 60_000);
}
