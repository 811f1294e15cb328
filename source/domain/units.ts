// Human sizes and counts, the same on the screen, in the text report and in findings.

const missing = '-';

/** Exact below 10,000 (counts people compare digit by digit), then 12.3k / 123k / 1.2M. */
export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) {
		return missing;
	}

	const sign = value < 0 ? '-' : '';
	const size = Math.abs(value);
	if (size < 10_000) {
		return sign + formatSmall(size);
	}

	const units = ['', 'k', 'M', 'G', 'T'] as const;
	let scaledSize = size / 1000;
	let unit = 1;
	while (scaledSize >= 999.5 && unit < units.length - 1) {
		scaledSize /= 1000;
		unit += 1;
	}

	return sign + scaled(scaledSize) + (units[unit] ?? '');
}

function formatSmall(size: number): string {
	if (Number.isInteger(size)) {
		return String(size);
	}

	if (size >= 100) {
		return String(Math.round(size));
	}

	if (size >= 10) {
		return trimZero(size.toFixed(1));
	}

	if (size >= 0.01) {
		return trimZero(size.toFixed(2));
	}

	return size === 0 ? '0' : '<0.01';
}

function scaled(value: number): string {
	return value >= 100 ? String(Math.round(value)) : trimZero(value.toFixed(1));
}

function trimZero(text: string): string {
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Binary multiples (1 KB = 1024 B), the convention of top and most network tools. */
export function formatBytes(value: number): string {
	if (!Number.isFinite(value) || value < 0) {
		return missing;
	}

	let size = value;
	let unit = 0;
	while (size >= 1024 && unit < byteUnits.length - 1) {
		size /= 1024;
		unit += 1;
	}

	const digits = unit === 0 ? String(Math.round(size)) : scaled(size);
	return `${digits}${byteUnits[unit] ?? 'B'}`;
}

export function formatUsd(usd: number): string {
	return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

export function formatGb(bytes: number): string {
	return `${(bytes / 1e9).toFixed(bytes < 1e8 ? 3 : 2)} GB`;
}
