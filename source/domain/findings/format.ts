// Wording shared by the rules: one-line titles name addresses and ids, so lists are cut short and
// numbers and times read the same everywhere.

const protocolNames: Readonly<Record<number, string>> = {
	1: 'icmp',
	6: 'tcp',
	17: 'udp',
	58: 'icmpv6',
};

export function protocolName(protocol: number): string {
	return protocolNames[protocol] ?? `proto ${protocol}`;
}

/** "a, b, c (+2 more)". */
export function listNames(items: readonly string[], max: number): string {
	const shown = items.slice(0, max);
	const more = items.length - shown.length;
	return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ');
}

/** "12,345": grouped as en-US groups it. */
export function countText(value: number): string {
	const rounded = Math.round(value);
	// Number formatting loads ICU's number data, about 5 MB of pages held for as long as lbtop runs;
	// the counts shown are safe integers, grouped here. Anything else keeps ICU's own text.
	if (!Number.isSafeInteger(rounded)) {
		return rounded.toLocaleString('en-US');
	}
	const digits = String(Math.abs(rounded));
	let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let end = grouped.length + 3; end <= digits.length; end += 3) {
		grouped += `,${digits.slice(end - 3, end)}`;
	}
	return rounded < 0 || Object.is(rounded, -0) ? `-${grouped}` : grouped;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${countText(count)} ${count === 1 ? singular : pluralForm}`;
}

/** "13:40:12 UTC": incident bridges talk in UTC. */
export function utcTime(ms: number): string {
	return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

/** "45s", "3m", "1h05m". */
export function durationText(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) {
		return `${seconds}s`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m`;
	}

	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export function secondsText(value: number): string {
	return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`;
}

export function periodText(periodSeconds: number): string {
	return periodSeconds % 60 === 0 ? `${periodSeconds / 60}m` : `${periodSeconds}s`;
}

export function unique<T>(items: readonly T[]): T[] {
	return [...new Set(items)];
}
