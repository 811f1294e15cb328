// The findings pane: named causes first, then what the findings could not look at, because
// "no findings" only means something when every source was actually read.
import type {Finding, FindingSeverity, Snapshot} from '../../domain/snapshot.js';
import {findingTimeParts} from './finding-times.js';
import {blindSpotLines, blindSpots} from './findings-blind-spots.js';
import {findingsInView} from './findings-view.js';
import {
	highlight,
	joinParts,
	type Line,
	line,
	lineWidth,
	type Part,
	seg,
	type Tone,
} from './line.js';
import {type PaneContext, withinPane} from './pane-context.js';
import {clampSelection, visibleRows} from './scroll.js';
import {cellWidth, wrapCells} from './text-width.js';

const severityMarker: Readonly<Record<FindingSeverity, {text: string; tone: Tone}>> = {
	critical: {text: 'CRIT', tone: 'red'},
	warning: {text: 'WARN', tone: 'yellow'},
	info: {text: 'INFO', tone: 'dim'},
};
const indent = ' '.repeat(cellWidth('CRIT '));

function markerSegments(finding: Finding): Line {
	const marker = severityMarker[finding.severity];
	return [seg(marker.text, marker.tone), seg(' ')];
}

function metaParts(finding: Finding, context: PaneContext): Part[] {
	return [
		...findingTimeParts(finding, context, 1),
		{line: line(`confidence ${finding.confidence}`, 'dim'), priority: 4},
	];
}

/** One line: marker, title, and whatever of since/confidence still fits. */
export function findingLine(finding: Finding, context: PaneContext): Line {
	const parts = [
		{line: [...markerSegments(finding), seg(finding.title)], priority: 0},
		...metaParts(finding, context),
	];
	return joinParts(parts, context.width, line(context.glyphs.separator, 'dim'));
}

/** Marker, title, since and confidence on one line, when that fits the pane whole. */
function wholeLine(finding: Finding, context: PaneContext): Line | undefined {
	const separator = line(context.glyphs.separator, 'dim');
	const whole = [...markerSegments(finding), seg(finding.title)];
	for (const part of metaParts(finding, context)) {
		whole.push(...separator, ...part.line);
	}

	return lineWidth(whole) <= context.width ? whole : undefined;
}

/** Two lines: the title, then since, confidence and the next step, each cut to fit. */
function twoLineBlock(finding: Finding, context: PaneContext): Line[] {
	const {width, glyphs} = context;
	const next = line(`next: ${finding.next}`, 'dim');
	const whole = wholeLine(finding, context);
	if (whole !== undefined) {
		return [whole, [seg(indent), ...next]];
	}

	const parts = [...metaParts(finding, context), {line: next, priority: 3}];
	return [
		[...markerSegments(finding), seg(finding.title)],
		[seg(indent), ...joinParts(parts, width - indent.length, line(glyphs.separator, 'dim'))],
	];
}

type Wrapping = {readonly titleLines: number; readonly nextLines: number};

/** The title and the next step wrapped instead of cut, with since and confidence between. */
function wrappedBlock(finding: Finding, wrapping: Wrapping, context: PaneContext): Line[] {
	const {width, glyphs} = context;
	const textWidth = Math.max(1, width - indent.length);
	const nextText = seg(`next: ${finding.next}`).text;
	const next = wrapCells(nextText, textWidth, wrapping.nextLines, glyphs.ellipsis).map(
		(text): Line => [seg(indent), seg(text, 'dim')],
	);
	const whole = wholeLine(finding, context);
	if (whole !== undefined) {
		return [whole, ...next];
	}

	const title = wrapCells(seg(finding.title).text, textWidth, wrapping.titleLines, glyphs.ellipsis);
	const meta = joinParts(metaParts(finding, context), textWidth, line(glyphs.separator, 'dim'));
	return [
		...title.map((text, index) =>
			index === 0 ? [...markerSegments(finding), seg(text)] : [seg(indent), seg(text)],
		),
		[seg(indent), ...meta],
		...next,
	];
}

/** From the most detail to the least; the first that fits the pane is drawn. */
const layouts: ReadonlyArray<(finding: Finding, context: PaneContext) => Line[]> = [
	(finding, context) => wrappedBlock(finding, {titleLines: 3, nextLines: 3}, context),
	(finding, context) => wrappedBlock(finding, {titleLines: 3, nextLines: 1}, context),
	(finding, context) => wrappedBlock(finding, {titleLines: 3, nextLines: 0}, context),
	twoLineBlock,
];

/** The most detail that fits; the selected finding is drawn in inverse while focused. */
function findingRows(findings: readonly Finding[], room: number, context: PaneContext): Line[] {
	const {width, glyphs, focused} = context;
	const selected = clampSelection(context.selected, findings.length);
	for (const layout of layouts) {
		const blocks = findings.map((finding) => layout(finding, context));
		if (blocks.reduce((total, block) => total + block.length, 0) <= room) {
			return blocks.flatMap((block, index) =>
				focused && index === selected
					? block.map((row) => highlight(row, width, glyphs.ellipsis))
					: block,
			);
		}
	}

	const heads = findings.map((finding) => findingLine(finding, context));
	const listed = findings.length <= room ? room : Math.max(1, room - 1);
	const shown = visibleRows(heads, {
		visible: listed,
		selected,
		focused,
		width,
		ellipsis: glyphs.ellipsis,
	});
	const hidden = findings.length - shown.length;
	return hidden > 0 && room > listed ? [...shown, line(`+${hidden} more findings`, 'dim')] : shown;
}

export function findingsLines(
	snapshot: Pick<Snapshot, 'findings' | 'sources'>,
	context: PaneContext,
): Line[] {
	return withinPane(findingsBody(snapshot, context), context);
}

function findingsBody(
	snapshot: Pick<Snapshot, 'findings' | 'sources'>,
	context: PaneContext,
): Line[] {
	const spots = blindSpots(snapshot.sources, context.glyphs);
	const findings = findingsInView(snapshot);
	const {height} = context;
	if (findings.length === 0) {
		const headline =
			spots.length === 0
				? line('No findings: flows, metrics and changes look normal', 'green')
				: line('No findings so far in the sources read');
		return [headline, ...blindSpotLines(spots, height - 1)];
	}

	// Findings come first; what they cannot see gets a line each when there is room, else one.
	const perSpot = height - findings.length >= spots.length ? spots.length : 1;
	const spotRoom = spots.length === 0 ? 0 : Math.max(0, Math.min(height - 1, perSpot));
	const room = Math.max(1, height - spotRoom);
	const rows = findingRows(findings, room, context);
	return [...rows, ...blindSpotLines(spots, spotRoom)].slice(0, height);
}
