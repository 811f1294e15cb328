// Numbers, sizes, durations and clock times as short table cells.
import type {TimeZoneMode} from '../pane-types.js';

const missing = '-';

/** 45s, 4m, 2h10m, 3d: for ages, where seconds past a minute are noise. */
export function formatDurationCoarse(milliseconds: number): string {
	if (!Number.isFinite(milliseconds)) {
		return missing;
	}

	const seconds = Math.max(0, Math.floor(milliseconds / 1000));
	if (seconds < 60) {
		return `${seconds}s`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 24) {
		return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	}

	return `${Math.floor(hours / 24)}d`;
}

/** 45s, 4m50s, 2h05m, 3d04h: for lags, where the seconds tell whether data is moving. */
export function formatDurationFine(milliseconds: number): string {
	if (!Number.isFinite(milliseconds)) {
		return missing;
	}

	const seconds = Math.max(0, Math.floor(milliseconds / 1000));
	if (seconds < 60) {
		return `${seconds}s`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m${pad2(seconds % 60)}s`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 24) {
		return `${hours}h${pad2(minutes % 60)}m`;
	}

	return `${Math.floor(hours / 24)}d${pad2(hours % 24)}h`;
}

export function formatAgo(time: number, now: number): string {
	return formatElapsedAgo(now - time);
}

/** `just now`, `45s ago`, `4m ago`. */
export function formatElapsedAgo(elapsed: number): string {
	return elapsed < 1000 ? 'just now' : `${formatDurationCoarse(elapsed)} ago`;
}

type ClockParts = {
	readonly month: number;
	readonly day: number;
	readonly hours: number;
	readonly minutes: number;
	readonly seconds: number;
};

function clockParts(time: number, timeZone: TimeZoneMode): ClockParts {
	const date = new Date(time);
	return timeZone === 'utc'
		? {
				month: date.getUTCMonth() + 1,
				day: date.getUTCDate(),
				hours: date.getUTCHours(),
				minutes: date.getUTCMinutes(),
				seconds: date.getUTCSeconds(),
			}
		: {
				month: date.getMonth() + 1,
				day: date.getDate(),
				hours: date.getHours(),
				minutes: date.getMinutes(),
				seconds: date.getSeconds(),
			};
}

export type ClockOptions = {
	readonly timeZone: TimeZoneMode;
	readonly seconds: boolean;
	/** When given and `time` falls on another day, the date is shown too. */
	readonly now?: number;
};

/**
 * 13:41:07Z in UTC, 13:41:07 in local time (the Z says which one it is). A time on another day
 * than `now` reads 06-02 09:05Z: the date replaces the seconds, so the cell stays short.
 */
export function formatClock(time: number, options: ClockOptions): string {
	if (!Number.isFinite(time)) {
		return missing;
	}

	const parts = clockParts(time, options.timeZone);
	const zone = options.timeZone === 'utc' ? 'Z' : '';
	const minutes = `${pad2(parts.hours)}:${pad2(parts.minutes)}`;
	const today = options.now === undefined ? undefined : clockParts(options.now, options.timeZone);
	if (today !== undefined && (today.month !== parts.month || today.day !== parts.day)) {
		return `${pad2(parts.month)}-${pad2(parts.day)} ${minutes}${zone}`;
	}

	return options.seconds ? `${minutes}:${pad2(parts.seconds)}${zone}` : `${minutes}${zone}`;
}

export function formatAddressPort(address: string, port: number | undefined): string {
	const host = address.includes(':') ? `[${address}]` : address;
	return port === undefined ? host : `${host}:${port}`;
}

const protocolNames: Readonly<Record<number, string>> = {
	1: 'icmp',
	6: 'tcp',
	17: 'udp',
	58: 'icmp6',
};

export function formatProtocol(protocol: number): string {
	return protocolNames[protocol] ?? String(protocol);
}

function pad2(value: number): string {
	return String(value).padStart(2, '0');
}
