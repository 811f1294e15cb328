// Athena's exact figures for the access logs source, asked only where the objects cannot cover
// the window within the read budget: the window through the newest interval read, asked again when
// the window or the table changes, or once per new interval at most (the user guide's table
// prunes by day only, so every query scans the whole day). A failed query leaves the objects'
// figures in place and says why, with Athena's own message.
import {AwsCallError, describeAwsError} from '../aws/errors.js';
import type {AccessLogTable, QueryRange} from '../domain/access-logs/index.js';
import type {Snapshot} from '../domain/snapshot.js';
import type {AccessLogAthena} from './access-logs-athena.js';

/** What the source asks Athena (access-logs-athena.ts; tests pass a fake). */
export type AccessLogQueries = Pick<AccessLogAthena, 'table' | 'requests' | 'tls'>;

export type Figures = Pick<Snapshot, 'requests' | 'tls'>;

/** The last answer held, and what it was asked for. */
export type HeldAnswer = {
	readonly table: string;
	readonly windowMs: number;
	readonly end: number;
	readonly at: number;
	readonly figures: Figures;
};

export type AthenaAsk = {
	readonly kind: 'requests' | 'tls';
	readonly table: AccessLogTable;
	readonly range: QueryRange;
	readonly windowMs: number;
	readonly now: number;
	readonly signal: AbortSignal;
};

const athenaEveryMs = 5 * 60_000;

export async function askAthena(
	queries: AccessLogQueries,
	held: {athena?: HeldAnswer | undefined},
	ask: AthenaAsk,
): Promise<{readonly figures?: Figures; readonly note?: string}> {
	const table = `${ask.table.database}.${ask.table.name}`;
	const last = held.athena;
	const due =
		last === undefined ||
		last.table !== table ||
		last.windowMs !== ask.windowMs ||
		(last.end !== ask.range.end && ask.now - last.at >= athenaEveryMs);
	if (due) {
		try {
			const figures: Figures =
				ask.kind === 'requests'
					? {requests: await queries.requests(ask.table, ask.range, false, ask.signal)}
					: {tls: await queries.tls(ask.table, ask.range, ask.signal)};
			held.athena = {table, windowMs: ask.windowMs, end: ask.range.end, at: ask.now, figures};
		} catch (error) {
			ask.signal.throwIfAborted();
			const described = describeAwsError(error instanceof AwsCallError ? error.cause : error, {
				iamAction: error instanceof AwsCallError ? error.iamAction : 'athena:GetQueryResults',
				now: ask.now,
			});
			held.athena = undefined;
			return {note: `Athena: ${described.message}; ${described.hint}`};
		}
	}

	return held.athena === undefined ? {} : {figures: held.athena.figures};
}
