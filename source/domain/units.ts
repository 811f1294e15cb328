// Human sizes and counts for narrow columns.

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (Math.abs(value) >= 1000 && unit < byteUnits.length - 1) {
		value /= 1000;
		unit += 1;
	}
	const digits = unit === 0 || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
	return `${value.toFixed(digits)} ${byteUnits[unit]}`;
}

export function formatCount(count: number): string {
	if (Math.abs(count) < 1000) {
		return Number.isInteger(count) ? String(count) : count.toFixed(1);
	}
	const units = ['k', 'M', 'G', 'T'];
	let value = count;
	let unit = -1;
	while (Math.abs(value) >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit += 1;
	}
	return `${value.toFixed(Math.abs(value) >= 100 ? 0 : 1)}${units[unit]}`;
}

export function formatUsd(usd: number): string {
	return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

export function formatGb(bytes: number): string {
	return `${(bytes / 1e9).toFixed(bytes < 1e8 ? 3 : 2)} GB`;
}
