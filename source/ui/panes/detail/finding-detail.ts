// One finding with its evidence: the title and next step whole, then every item it rests on,
// resolved to a readable line, so the on-call engineer goes from the cause to its proof in one key.
import type {Finding, FindingSeverity} from '../../../domain/snapshot.js';
import {findingTimeParts} from '../finding-times.js';
import {type Line, line, seg, type Tone} from '../line.js';
import {offsetNote} from '../pane-clock.js';
import type {PaneContext} from '../pane-context.js';
import {wrapCells} from '../text-width.js';
import {factsLine, part} from './detail-lines.js';
import {type EvidenceSnapshot, evidenceLines} from './evidence-lines.js';

const severityMarker: Readonly<Record<FindingSeverity, {text: string; tone: Tone}>> = {
	critical: {text: 'CRIT', tone: 'red'},
	warning: {text: 'WARN', tone: 'yellow'},
	info: {text: 'INFO', tone: 'dim'},
};

/** Lines under the severity marker start where the title does. */
const markerIndent = ' '.repeat('CRIT '.length);

function wrapped(text: string, maxLines: number, tone: Tone | undefined, context: PaneContext) {
	const width = Math.max(1, context.width - markerIndent.length);
	return wrapCells(seg(text).text, width, maxLines, context.glyphs.ellipsis).map(
		(row): Line => [seg(markerIndent), seg(row, tone)],
	);
}

function headLines(finding: Finding, wrap: number, context: PaneContext): Line[] {
	const marker = severityMarker[finding.severity];
	const title = wrapped(finding.title, wrap, 'bold', context);
	const [first, ...rest] = title;
	const meta = factsLine(
		[
			...findingTimeParts(
				finding,
				context,
				0,
				finding.since === undefined ? '' : offsetNote(finding.since, context),
			),
			part(`confidence ${finding.confidence}`, 4),
			part(`rule ${finding.rule}`, 5, 'dim'),
		],
		context,
		markerIndent,
	);
	return [
		[seg(marker.text, marker.tone), seg(' '), ...(first ?? []).slice(1)],
		...rest,
		meta,
		...wrapped(`next: ${finding.next}`, wrap, undefined, context),
	];
}

function evidenceBlock(finding: Finding, snapshot: EvidenceSnapshot, context: PaneContext): Line[] {
	const related =
		finding.relatedChangeId !== undefined &&
		!finding.evidence.some((item) => item.kind === 'change' && item.id === finding.relatedChangeId)
			? [{kind: 'change' as const, id: finding.relatedChangeId}]
			: [];
	const items = [...finding.evidence, ...related];
	if (items.length === 0) {
		return [line('no evidence items recorded for this finding', 'dim')];
	}

	return [
		line(`evidence (${items.length}):`, 'dim'),
		...items.flatMap((item) => evidenceLines(item, snapshot, context)),
	];
}

/** A title or next step longer than this many rows is hostile input, not a finding. */
const wrapLimit = 40;

/** Title and next step whole, then the evidence: the detail scrolls when it is longer than the pane. */
export function findingDetailLines(
	finding: Finding,
	snapshot: EvidenceSnapshot,
	context: PaneContext,
): Line[] {
	return [...headLines(finding, wrapLimit, context), ...evidenceBlock(finding, snapshot, context)];
}
