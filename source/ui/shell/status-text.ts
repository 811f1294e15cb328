// The status line as plain segments: each source's freshness or failure, then what the session's
// queries have cost. Kept apart from Ink so the wording is tested without rendering.
import {sanitizeText} from '../../domain/sanitize.js';
import type {
	ErrorKind,
	QueryCost,
	Snapshot,
	SourceName,
	SourceState,
} from '../../domain/snapshot.js';
import {formatClock, formatGb, formatLag, formatUsd, truncateText} from '../format.js';
import type {TimeZoneMode} from '../pane-types.js';

export type Tone = 'normal' | 'dim' | 'warn' | 'error';

export type Segment = {
	/** Stable across redraws, for React. */
	readonly key: string;
	readonly text: string;
	readonly tone: Tone;
};

const sourceLabels: Readonly<Record<SourceName, string>> = {
	identity: 'identity',
	discovery: 'discovery',
	flows: 'flows',
	metrics: 'metrics',
	changes: 'changes',
};

const errorWords: Readonly<Record<ErrorKind, string>> = {
	credentials: 'no credentials',
	'access-denied': 'denied',
	'not-found': 'not found',
	throttled: 'throttled',
	network: 'unreachable',
	invalid: 'invalid',
	unknown: 'failed',
};

/** Sources always on the line; the others appear only when something is wrong with them. */
const alwaysShown: readonly SourceName[] = ['flows', 'metrics', 'changes'];
const shownWhenFailing: readonly SourceName[] = ['identity', 'discovery'];

export const hintLength = 40;

export type StatusOptions = {
	readonly now: number;
	readonly timeZone: TimeZoneMode;
	readonly ascii: boolean;
	/** Lag only, without the clock time: for narrow terminals. */
	readonly compact: boolean;
};

function freshness(name: SourceName, state: SourceState, options: StatusOptions): string {
	// CloudTrail's newest event says nothing about how current the read is (a quiet account has
	// old newest events); the changes pane says how late CloudTrail lists events.
	if (name === 'changes') {
		return state.fetchedAt === undefined
			? ''
			: ` read ${formatLag(state.fetchedAt, options.now)} ago`;
	}
	const through = state.dataThrough ?? state.fetchedAt;
	if (through === undefined) {
		return '';
	}
	const lag = `lag ${formatLag(through, options.now)}`;
	return options.compact ? ` ${lag}` : ` ${formatClock(through, options.timeZone)} ${lag}`;
}

export function sourceSegment(
	name: SourceName,
	state: SourceState,
	options: StatusOptions,
): Segment {
	const label = sourceLabels[name];
	switch (state.status) {
		case 'pending':
			return {key: name, text: `${label} waiting`, tone: 'dim'};
		case 'ok':
			return {
				key: name,
				text: `${label}${freshness(name, state, options) || ' ok'}`,
				tone: 'normal',
			};
		case 'stale': {
			const why = state.error === undefined ? '' : ` (${errorWords[state.error.kind]})`;
			return {
				key: name,
				text: `${label} stale${freshness(name, state, options)}${why}`,
				tone: 'warn',
			};
		}
		case 'error': {
			const error = state.error;
			const word = error === undefined ? 'failed' : errorWords[error.kind];
			const hint = error === undefined ? '' : sanitizeText(error.hint || error.message);
			const shortHint = hint === '' ? '' : `: ${truncateText(hint, hintLength, options.ascii)}`;
			return {key: name, text: `${label} ${word}${shortHint}`, tone: 'error'};
		}
		case 'unavailable':
			return {key: name, text: `${label} n/a`, tone: 'dim'};
	}
}

function failing(state: SourceState): boolean {
	return state.status === 'error' || state.status === 'stale';
}

export function sourceSegments(snapshot: Snapshot, options: StatusOptions): Segment[] {
	const names = [
		...shownWhenFailing.filter((name) => failing(snapshot.sources[name])),
		...alwaysShown,
	];
	return names.map((name) => sourceSegment(name, snapshot.sources[name], options));
}

/** Full segments when they fit in `width`, else the compact ones (lag without clock times). */
export function fittedSourceSegments(
	snapshot: Snapshot,
	options: Omit<StatusOptions, 'compact'>,
	width: number,
	separator: string,
): Segment[] {
	const full = sourceSegments(snapshot, {...options, compact: false});
	const length = full.reduce((sum, segment) => sum + [...segment.text].length, 0);
	const separators = Math.max(0, full.length - 1) * [...separator].length;
	return length + separators <= width
		? full
		: sourceSegments(snapshot, {...options, compact: true});
}

/** Below this many columns the cost drops its last word, leaving room for the sources' ages. */
export const compactCostBelow = 100;

export function costText(cost: QueryCost, ascii: boolean, width = compactCostBelow): string {
	const separator = ascii ? ' - ' : ' · ';
	const compact = width < compactCostBelow;
	const scanned = compact ? '' : ' scanned';
	const athena = cost.athena;
	if (athena === undefined) {
		return `${formatUsd(cost.usd)}${separator}${formatGb(cost.bytesScanned)}${scanned}`;
	}
	// Flow logs in S3: Athena's scans beside Insights', and the S3 requests that read the files.
	if (compact) {
		return `${formatUsd(cost.usd)}${separator}${formatGb(cost.bytesScanned + athena.bytesScanned)}`;
	}
	const insights = cost.queries > 0 ? `${separator}Insights ${formatGb(cost.bytesScanned)}` : '';
	const requests = (cost.s3?.listRequests ?? 0) + (cost.s3?.getRequests ?? 0);
	const s3 = requests > 0 ? `${separator}S3 ${requests} req` : '';
	return `${formatUsd(cost.usd)}${insights}${separator}Athena ${formatGb(athena.bytesScanned)}${scanned}${s3}`;
}
