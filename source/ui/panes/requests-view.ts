// Which rows the Requests pane lists, and in what order: one per target and target group, and one
// per target group for the requests the LB never dispatched. The filter matches the target's
// address and port, its instance id and group, and the error reasons and classifications; `s`
// cycles failures first (the engine's order), requests a minute, p99, target.
import {type RowRequests, rowRequests} from '../../domain/access-logs/row-requests.js';
import {groupName, registeredTarget} from '../../domain/findings/rules/request-evidence.js';
import type {
	NotDispatchedStats,
	RequestCounts,
	Snapshot,
	TargetRequestStats,
	TopCounts,
} from '../../domain/snapshot.js';
import {filterRows, type RowFacts} from './filter/filter-match.js';
import {compareAddressText} from './filter/ip-address.js';
import {chosenOrder, type PaneView, type SortOrder, sortRows} from './pane-view.js';

export type RequestsRow = {
	/** Stable across refreshes: the target and its group's name, as the detail's title shows it. */
	readonly id: string;
	/** `ip:port`, `lambda`, or absent for the requests the group never dispatched. */
	readonly target?: string;
	/** The instance (or other registered id) behind the address, when discovery knows it. */
	readonly instance?: string;
	readonly group?: string;
	readonly counts: RequestCounts;
	readonly perMinute?: number;
	/** Seconds. */
	readonly p50?: number;
	readonly p99?: number;
	readonly byDesign?: number;
	readonly errorReasons: TopCounts;
	readonly classifications: TopCounts;
	readonly stats: TargetRequestStats | NotDispatchedStats;
};

export const notDispatchedLabel = 'not dispatched';

function rowId(target: string | undefined, group: string | undefined): string {
	const who = target ?? notDispatchedLabel;
	return group === undefined ? who : `${who} in ${group}`;
}

function targetRow(snapshot: Snapshot, stats: TargetRequestStats): RequestsRow {
	const group = groupName(snapshot, stats.targetGroupArn);
	const registered = registeredTarget(snapshot, stats);
	const instance = registered?.target.id;
	return {
		id: rowId(stats.target, group),
		target: stats.target,
		...(instance === undefined || instance === stats.targetAddr ? {} : {instance}),
		...(group === undefined ? {} : {group}),
		counts: stats,
		perMinute: stats.perMinute,
		...(stats.targetTime.p50 === undefined ? {} : {p50: stats.targetTime.p50}),
		...(stats.targetTime.p99 === undefined ? {} : {p99: stats.targetTime.p99}),
		errorReasons: stats.errorReasons,
		classifications: stats.classifications,
		stats,
	};
}

function notDispatchedRow(snapshot: Snapshot, stats: NotDispatchedStats): RequestsRow {
	const group = groupName(snapshot, stats.targetGroupArn);
	return {
		id: rowId(undefined, group),
		...(group === undefined ? {} : {group}),
		counts: stats,
		byDesign: stats.byDesign,
		errorReasons: stats.errorReasons,
		classifications: stats.classifications,
		stats,
	};
}

// The rows of one snapshot never change: built once, dropped with the snapshot.
const rowCache = new WeakMap<Snapshot, RequestsRow[]>();

/** Every row, in the engine's order: targets worst first, then the requests never dispatched. */
export function requestsRows(snapshot: Snapshot): RequestsRow[] {
	const view = snapshot.requests;
	if (view === undefined) {
		return [];
	}

	const cached = rowCache.get(snapshot);
	if (cached !== undefined) {
		return cached;
	}

	const rows = [
		...view.targets.map((stats) => targetRow(snapshot, stats)),
		...view.notDispatched.map((stats) => notDispatchedRow(snapshot, stats)),
	];
	rowCache.set(snapshot, rows);
	return rows;
}

const names = (counts: TopCounts) => counts.top.map((entry) => entry.name);

export function requestsFacts(row: RequestsRow): RowFacts {
	const stats = row.stats;
	const address = 'targetAddr' in stats ? stats.targetAddr : undefined;
	const port = 'targetPort' in stats ? stats.targetPort : undefined;
	return {
		addresses: address === undefined ? [] : [address],
		ports: port === undefined ? [] : [port],
		targets: row.instance === undefined ? [] : [row.instance],
		text: [
			row.id,
			...(row.instance === undefined ? [] : [row.instance]),
			...names(row.errorReasons),
			...names(row.classifications),
			...row.counts.elbCodes.map((code) => code.name),
		],
	};
}

const failures = (row: RequestsRow) =>
	row.counts.target5xx + row.counts.elb5xx + row.counts.noAnswer;

export const requestsOrders: ReadonlyArray<SortOrder<RequestsRow>> = [
	// The engine lists the targets worst first (most failures), then the undispatched requests.
	{label: 'failures first'},
	{
		label: 'requests/min',
		compare: (left, right) => (right.perMinute ?? -1) - (left.perMinute ?? -1),
	},
	{label: 'p99', compare: (left, right) => (right.p99 ?? -1) - (left.p99 ?? -1)},
	{label: 'failures', compare: (left, right) => failures(right) - failures(left)},
	{
		label: 'target',
		compare: (left, right) =>
			compareAddressText(left.target ?? '~', right.target ?? '~') ||
			(left.group ?? '').localeCompare(right.group ?? ''),
	},
];

export function requestsInView(snapshot: Snapshot, view: PaneView): RequestsRow[] {
	const kept = filterRows(requestsRows(snapshot), view.filter, requestsFacts);
	return sortRows(kept, chosenOrder(requestsOrders, view.sortStep));
}

export function requestsRowById(snapshot: Snapshot, id: string): RequestsRow | undefined {
	return requestsRows(snapshot).find((row) => row.id === id);
}

/** The failing and slowest request lines of a row, as its detail lists them. */
export function requestsOfRow(snapshot: Snapshot, row: RequestsRow): RowRequests {
	const view = snapshot.requests;
	if (view === undefined) {
		return {failing: [], slowest: []};
	}

	return rowRequests(view, {
		...('target' in row.stats ? {target: row.stats.target} : {}),
		targetGroupArn: row.stats.targetGroupArn,
	});
}

/** The ids of the request lines the detail of row `id` lists, in its order (failing, then slowest). */
export function innerRequestIds(snapshot: Snapshot, id: string): string[] {
	const row = requestsRowById(snapshot, id);
	if (row === undefined) {
		return [];
	}

	const {failing, slowest} = requestsOfRow(snapshot, row);
	return [...failing, ...slowest].map((record) => record.id);
}
