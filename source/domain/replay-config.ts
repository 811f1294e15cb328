// `lbtop replay FILE`: flags -> ReplayConfig, or the one line that tells the user what is wrong.
import type {OutputMode} from './config.js';
import type {Terminal} from './config-from-flags.js';

/** `--at`: a full UTC date and time, or a UTC time of day on the recording's day. */
export type ReplayTime =
	| {readonly kind: 'instant'; readonly ms: number}
	| {readonly kind: 'time-of-day'; readonly ms: number};

export type ReplayConfig = {
	readonly path: string;
	/** 1 replays at the recorded pace; 10 ten times faster. */
	readonly speed: number;
	readonly at?: ReplayTime;
	readonly output: OutputMode;
	readonly color: boolean;
	readonly ascii: boolean;
};

export type ReplayFlags = {
	readonly speed: number;
	readonly at?: string | undefined;
	readonly once: boolean;
	readonly json: boolean;
	readonly color: boolean;
	readonly ascii: boolean;
};

export type ReplayConfigResult =
	| {readonly ok: true; readonly config: ReplayConfig}
	| {readonly ok: false; readonly message: string};

export const maximumReplaySpeed = 10_000;

const dateTimePattern =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(?:Z|UTC)?$/i;
const timeOfDayPattern = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:Z|UTC)?$/i;

function clockMs(hours: number, minutes: number, seconds: number): number | undefined {
	if (hours > 23 || minutes > 59 || seconds > 59) {
		return undefined;
	}
	return ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

export function parseReplayTime(text: string): ReplayTime | undefined {
	const trimmed = text.trim();
	const dateTime = dateTimePattern.exec(trimmed);
	if (dateTime) {
		const [, year = '', month = '', day = '', hours = '', minutes = ''] = dateTime;
		const seconds = dateTime[6] ?? '0';
		const millis = (dateTime[7] ?? '').padEnd(3, '0');
		const clock = clockMs(Number(hours), Number(minutes), Number(seconds));
		const midnight = Date.UTC(Number(year), Number(month) - 1, Number(day));
		// Date.UTC rolls 2025-02-30 over into March; a date that does not exist is a typo.
		const date = new Date(midnight);
		if (
			clock === undefined ||
			date.getUTCMonth() !== Number(month) - 1 ||
			date.getUTCDate() !== Number(day)
		) {
			return undefined;
		}
		return {kind: 'instant', ms: midnight + clock + Number(millis)};
	}
	const time = timeOfDayPattern.exec(trimmed);
	if (time) {
		const [, hours = '', minutes = ''] = time;
		const clock = clockMs(Number(hours), Number(minutes), Number(time[3] ?? '0'));
		return clock === undefined ? undefined : {kind: 'time-of-day', ms: clock};
	}
	return undefined;
}

export function replayConfigFromFlags(
	input: readonly string[],
	flags: ReplayFlags,
	terminal: Terminal,
): ReplayConfigResult {
	const [path, ...rest] = input;
	if (path === undefined || path === '') {
		return {ok: false, message: 'name the recording to replay: lbtop replay FILE'};
	}
	if (rest.length > 0) {
		return {ok: false, message: `expected one recording, got ${input.length}: ${input.join(' ')}`};
	}
	if (flags.once && flags.json) {
		return {ok: false, message: '--once and --json both print one snapshot; choose one'};
	}
	if (!(flags.speed > 0) || flags.speed > maximumReplaySpeed) {
		return {
			ok: false,
			message: `--speed ${flags.speed} must be a number above 0 and at most ${maximumReplaySpeed}`,
		};
	}
	const at = flags.at === undefined ? undefined : parseReplayTime(flags.at);
	if (flags.at !== undefined && at === undefined) {
		return {
			ok: false,
			message: `--at "${flags.at}" is not a UTC time (try 2025-03-14T13:42:10Z or 13:42)`,
		};
	}
	let output: OutputMode = flags.once || !terminal.interactive ? 'text' : 'interactive';
	if (flags.json) {
		output = 'json';
	}
	return {
		ok: true,
		config: {
			path,
			speed: flags.speed,
			...(at === undefined ? {} : {at}),
			output,
			color: flags.color && !terminal.noColorEnv,
			ascii: flags.ascii || !terminal.utf8,
		},
	};
}
