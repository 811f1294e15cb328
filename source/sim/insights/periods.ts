// Time periods as written in queries (`5m`, `1h`, `30s`, `2hrs`, `1mo`) and bucketing by them.
// Units and spellings from the Insights `stats` docs: ms/msec/millisecond, s/sec/second,
// m/min/minute, h/hr/hour, d/day, w/week, mo/mon/month, q/qtr/quarter, y/yr/year; units longer
// than one letter also take a plural `s`.

export type FixedUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w';
export type CalendarUnit = 'mo' | 'q' | 'y';

export type Period = {
	readonly amount: number;
	readonly unit: FixedUnit | CalendarUnit;
	/** Length in ms for fixed units; calendar units (months, quarters, years) have none. */
	readonly ms: number | undefined;
};

const fixedMs: Readonly<Record<FixedUnit, number>> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
};

const spellings: ReadonlyArray<readonly [FixedUnit | CalendarUnit, readonly string[]]> = [
	['ms', ['ms', 'msec', 'millisecond']],
	['s', ['s', 'sec', 'second']],
	['m', ['m', 'min', 'minute']],
	['h', ['h', 'hr', 'hour']],
	['d', ['d', 'day']],
	['w', ['w', 'week']],
	['mo', ['mo', 'mon', 'month']],
	['q', ['q', 'qtr', 'quarter']],
	['y', ['y', 'yr', 'year']],
];

const unitBySpelling = new Map<string, FixedUnit | CalendarUnit>();
for (const [unit, names] of spellings) {
	for (const name of names) {
		unitBySpelling.set(name, unit);
		if (name.length > 1) {
			unitBySpelling.set(`${name}s`, unit);
		}
	}
}

function isFixed(unit: FixedUnit | CalendarUnit): unit is FixedUnit {
	return Object.hasOwn(fixedMs, unit);
}

/** `5m` -> 5 minutes; undefined when the text is not a period. */
export function parsePeriod(text: string): Period | undefined {
	const match = /^(\d+)([a-zA-Z]+)$/.exec(text);
	if (match === null) {
		return undefined;
	}
	const [, digits, spelling] = match;
	const unit = unitBySpelling.get((spelling ?? '').toLowerCase());
	const amount = Number(digits);
	if (unit === undefined || !(amount > 0)) {
		return undefined;
	}
	return {amount, unit, ms: isFixed(unit) ? amount * fixedMs[unit] : undefined};
}

const monthsPerUnit: Readonly<Record<CalendarUnit, number>> = {mo: 1, q: 3, y: 12};

function monthStep(period: Period): number {
	return isFixed(period.unit) ? 0 : period.amount * monthsPerUnit[period.unit];
}

/** Start of the period bucket holding `ms` (UTC; fixed periods are aligned to the epoch). */
export function floorToPeriod(ms: number, period: Period): number {
	if (period.ms !== undefined) {
		return Math.floor(ms / period.ms) * period.ms;
	}
	const step = monthStep(period);
	const date = new Date(ms);
	const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth();
	const bucket = Math.floor(monthIndex / step) * step;
	return Date.UTC(Math.floor(bucket / 12), bucket % 12, 1);
}

/** Smallest bucket boundary at or after `ms`. */
export function ceilToPeriod(ms: number, period: Period): number {
	const floor = floorToPeriod(ms, period);
	if (floor === ms) {
		return ms;
	}
	if (period.ms !== undefined) {
		return floor + period.ms;
	}
	const date = new Date(floor);
	const step = monthStep(period);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1);
}
