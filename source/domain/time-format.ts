// Times as an incident channel wants them: UTC with a Z, and the reader's local time beside it.

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

export function utcClock(ms: number): string {
	const date = new Date(ms);
	return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

export function utcDateTime(ms: number): string {
	const date = new Date(ms);
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${utcClock(ms)}`;
}

export function localClock(ms: number): string {
	const date = new Date(ms);
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** `UTC+02:00` style offset of the local zone at that moment. */
export function localOffset(ms: number): string {
	const minutes = -new Date(ms).getTimezoneOffset();
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
