// One measured figure, as every benchmark reports it and run.ts prints and stores it.

/** `null`: the figure has no goal of its own (context, a baseline, or an extrapolation). */
export type Verdict = 'pass' | 'fail' | 'info' | 'not measured';

export type Figure = {
	readonly benchmark: string;
	readonly name: string;
	/** `null` when the figure could not be measured; `notes` says why. */
	readonly value: number | null;
	readonly unit: string;
	readonly goal: string;
	readonly verdict: Verdict;
	readonly notes: string;
};

type FigureInput = Omit<Figure, 'verdict'>;

/** A figure with a ceiling: it passes when the value is at most `limit`. */
export function atMost(input: FigureInput, limit: number): Figure {
	return {...input, verdict: verdictOf(input.value, (value) => value <= limit)};
}

/** A figure with a floor: it passes when the value is at least `limit`. */
export function atLeast(input: FigureInput, limit: number): Figure {
	return {...input, verdict: verdictOf(input.value, (value) => value >= limit)};
}

/** A figure whose goal is a judgement made elsewhere (e.g. "flat"). */
export function judged(input: FigureInput, passed: boolean): Figure {
	return {...input, verdict: input.value === null ? 'not measured' : passed ? 'pass' : 'fail'};
}

/** Context for the figures that have goals: a baseline, a breakdown, an extrapolation. */
export function info(input: Omit<FigureInput, 'goal'> & {readonly goal?: string}): Figure {
	return {
		...input,
		goal: input.goal ?? '-',
		verdict: input.value === null ? 'not measured' : 'info',
	};
}

export function notMeasured(input: Omit<FigureInput, 'value' | 'notes'>, reason: string): Figure {
	return {...input, value: null, verdict: 'not measured', notes: reason};
}

function verdictOf(value: number | null, passes: (value: number) => boolean): Verdict {
	if (value === null || !Number.isFinite(value)) {
		return 'not measured';
	}

	return passes(value) ? 'pass' : 'fail';
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	if (sorted.length === 0) {
		return Number.NaN;
	}

	const middle = Math.floor(sorted.length / 2);
	const upper = sorted[middle] ?? Number.NaN;
	const lower = sorted[middle - 1] ?? upper;
	return sorted.length % 2 === 0 ? (lower + upper) / 2 : upper;
}

export function round(value: number, digits = 2): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}
