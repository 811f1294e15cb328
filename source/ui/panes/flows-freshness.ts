// The line above every flow pane: how fresh the flow data is and how much of it was read.
import {formatLagDuration} from '../../domain/duration.js';
import {sanitizeText} from '../../domain/sanitize.js';
import type {FlowsView} from '../../domain/snapshot.js';
import {formatNumber} from '../../domain/units.js';
import {joinParts, type Line, line, type Part, seg} from './line.js';
import {headerClock} from './pane-clock.js';
import type {PaneContext} from './pane-context.js';

/**
 * "flows through 13:42:10Z · lag 4m50s · aggregation 60 s · via S3 + Athena · sample of N of M
 * records", then
 * the pane's own `extra` parts while they fit.
 */
export function flowsFreshnessLine(
	flows: FlowsView,
	stale: boolean,
	context: PaneContext,
	extra: readonly Part[] = [],
): Line {
	const stalePrefix = stale ? [seg('STALE ', 'yellow')] : [];
	const parts: Part[] = [];
	if (flows.dataThrough === undefined) {
		parts.push({line: [...stalePrefix, seg('no flow records yet', 'dim')], priority: 0});
	} else {
		const clock = headerClock(flows.dataThrough, context);
		parts.push(
			{line: [...stalePrefix, seg(`flows through ${clock}`, 'dim')], priority: 0},
			{
				line: line(`lag ${formatLagDuration(context.now - flows.dataThrough)}`, 'dim'),
				priority: 1,
			},
		);
	}

	parts.push({line: line(`aggregation ${flows.aggregationSeconds} s`, 'dim'), priority: 3});
	if (flows.via !== undefined) {
		parts.push({line: line(`via ${sanitizeText(flows.via, 40)}`, 'dim'), priority: 3});
	}
	if (flows.sampled) {
		const read = formatNumber(flows.recordsRead);
		const matched = formatNumber(flows.recordsMatched);
		parts.push({line: line(`sample of ${read} of ${matched} records`, 'yellow'), priority: 2});
	}

	if (flows.malformedRecords > 0) {
		parts.push({
			line: line(`${formatNumber(flows.malformedRecords)} malformed skipped`, 'dim'),
			priority: 4,
		});
	}

	parts.push(...extra);
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}
