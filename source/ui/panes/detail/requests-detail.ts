// The drill-down of a Requests row: the target's figures, then its failing and slowest request
// lines, one of which the cursor is on (Enter opens it with every field).
import type {RequestRecord, Snapshot} from '../../../domain/snapshot.js';
import {formatNumber} from '../../../domain/units.js';
import {requestText, secondsCell, statusText, topCountsText} from '../access-log-cells.js';
import {fitLine, highlight, type Line, line, seg, wrapLines} from '../line.js';
import {clockText} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {notDispatchedLabel, type RequestsRow, requestsOfRow} from '../requests-view.js';
import {scrollStart} from '../scroll.js';

function countsLine(row: RequestsRow): string {
	const {counts} = row;
	const codes = counts.elbCodes.map((code) => `${code.name} x${formatNumber(code.count)}`);
	return [
		`${formatNumber(counts.requests)} requests`,
		row.perMinute === undefined ? '' : `${formatNumber(row.perMinute)}/min`,
		`target 5XX ${formatNumber(counts.target5xx)}`,
		`LB 5XX ${formatNumber(counts.elb5xx)}${codes.length === 0 ? '' : ` (${codes.join(' ')})`}`,
		`4XX ${formatNumber(counts.status4xx)}`,
		counts.noAnswer > 0 ? `no answer ${formatNumber(counts.noAnswer)}` : '',
		row.byDesign === undefined ? '' : `by design ${formatNumber(row.byDesign)}`,
	]
		.filter((part) => part !== '')
		.join(', ');
}

function summaryLines(row: RequestsRow, context: PaneContext): Line[] {
	const clock = (time: number | undefined) => (time === undefined ? '-' : clockText(time, context));
	const names = [row.instance, row.group].filter((name) => name !== undefined);
	const title = `${row.target ?? `${notDispatchedLabel} (answered by the LB itself)`}${names.length === 0 ? '' : ` (${names.join(', ')})`}`;
	const timing =
		'targetTime' in row.stats
			? [
					line(
						`target_processing_time p50 ${secondsCell(row.p50)}, p99 ${secondsCell(row.p99)}, max ${secondsCell(row.stats.targetTime.max)} over ${formatNumber(row.stats.targetTime.count)} answered`,
					),
				]
			: [];
	const failing =
		row.counts.firstFailure === undefined
			? 'no 5XX'
			: `5XX from ${clock(row.counts.firstFailure)} to ${clock(row.counts.lastFailure)}`;
	return wrapLines(
		[
			[seg(title, 'bold')],
			line(countsLine(row)),
			...timing,
			line(
				`seen ${clock(row.counts.firstSeen)} to ${clock(row.counts.lastSeen)}; ${failing}`,
				'dim',
			),
			line(`error_reason: ${topCountsText(row.errorReasons)}`),
			line(`classification: ${topCountsText(row.classifications)}`),
		],
		context.width,
	);
}

function requestLine(record: RequestRecord, context: PaneContext): Line {
	const failed = (record.elbStatusCode ?? 0) >= 500;
	return fitLine(
		[
			seg(`${clockText(record.time, context)} `, 'dim'),
			seg(statusText(record), failed ? 'red' : undefined),
			seg(` ${secondsCell(record.targetProcessingTime)} `),
			seg(requestText(record, context.glyphs)),
			seg(record.errorReason === undefined ? '' : ` ${record.errorReason}`, 'yellow'),
		],
		context.width,
		context.glyphs.ellipsis,
	);
}

export type RequestsDetail = {
	readonly lines: Line[];
	/** The request lines in order, as the shell's cursor moves over them. */
	readonly records: readonly RequestRecord[];
};

/**
 * The row's detail with the cursor on request `cursor` (an index into `records`), scrolled so the
 * cursor stays in view.
 */
export function requestsDetail(
	snapshot: Snapshot,
	row: RequestsRow,
	cursor: number,
	context: PaneContext,
): RequestsDetail {
	const {failing, slowest} = requestsOfRow(snapshot, row);
	const records = [...failing, ...slowest];
	const lines: Line[] = [...summaryLines(row, context)];
	const at = new Map<number, number>();
	const section = (title: string, list: readonly RequestRecord[], offset: number) => {
		if (list.length === 0) {
			return;
		}

		lines.push(line(title, 'bold'));
		for (const [index, record] of list.entries()) {
			at.set(offset + index, lines.length);
			lines.push(requestLine(record, context));
		}
	};
	section(`Failing requests, newest first (${failing.length})`, failing, 0);
	section(`Slowest requests (${slowest.length})`, slowest, failing.length);
	if (records.length === 0) {
		lines.push(line('No failing or slow request lines kept for this row', 'dim'));
		return {lines, records};
	}

	lines.push(
		line(
			`j/k choose a request${context.glyphs.separator}Enter opens it${context.glyphs.separator}Esc back`,
			'dim',
		),
	);
	const selectedLine = at.get(Math.min(Math.max(0, cursor), records.length - 1)) ?? 0;
	const start = scrollStart(lines.length, context.height, selectedLine);
	const shown = lines
		.slice(start, start + context.height)
		.map((value, offset) =>
			start + offset === selectedLine && context.focused
				? highlight(value, context.width, context.glyphs.ellipsis)
				: value,
		);
	return {lines: shown, records};
}
