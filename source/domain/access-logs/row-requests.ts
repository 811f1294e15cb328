// The request lines behind one row of the Requests pane: the failing and slowest requests the
// view kept that were sent to that target in that target group (or, for a group's row of requests
// never dispatched, the ones the LB answered itself). Matched the way the rows were counted.
import type {RequestRecord} from '../types/access-log-records.js';
import type {RequestsView} from '../types/access-logs.js';
import {outcomeOf, targetKey} from './request-tally.js';

/** A row of the Requests pane: a target (`ip:port` or `lambda`), or without one the group's undispatched requests. */
export type RequestsRowKey = {
	readonly target?: string | undefined;
	readonly targetGroupArn?: string | undefined;
};

export type RowRequests = {
	/** Newest first. */
	readonly failing: readonly RequestRecord[];
	/** Slowest first, without the ones already among `failing`. */
	readonly slowest: readonly RequestRecord[];
};

export function belongsToRow(record: RequestRecord, row: RequestsRowKey): boolean {
	if (record.targetGroupArn !== row.targetGroupArn) {
		return false;
	}

	const {dispatched} = outcomeOf(record);
	return row.target === undefined ? !dispatched : dispatched && targetKey(record) === row.target;
}

export function rowRequests(view: RequestsView, row: RequestsRowKey): RowRequests {
	const failing = view.failing.filter((record) => belongsToRow(record, row));
	const shown = new Set(failing.map((record) => record.id));
	const slowest = view.slowest.filter(
		(record) => !shown.has(record.id) && belongsToRow(record, row),
	);
	return {failing, slowest};
}
