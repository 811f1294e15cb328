// Until the load balancer has been found once, a failure to find it is all there is to show: in
// the pane area, in full (wrapped, never cut at the terminal's width), with when lbtop tries again.
import {Box, Text} from 'ink';
import {formatDuration} from '../domain/duration.js';
import {sanitizeText} from '../domain/sanitize.js';
import type {StartupFailure} from '../domain/startup-failure.js';
import {wrapCells} from './panes/text-width.js';

type Properties = {
	readonly failure: StartupFailure;
	readonly target: string;
	readonly width: number;
	readonly height: number;
	readonly now: number;
	readonly ascii: boolean;
	readonly color: boolean;
};

type PanelLine = {readonly text: string; readonly tone: 'title' | 'error' | 'hint' | 'retry'};

export function startupPanelLines(
	failure: StartupFailure,
	target: string,
	now: number,
	ascii: boolean,
): PanelLine[] {
	const retry =
		failure.retryAt === undefined
			? 'retrying'
			: failure.retryAt > now
				? `retrying in ${formatDuration(failure.retryAt - now)}`
				: 'retrying now';
	return [
		{text: `lbtop cannot start watching ${sanitizeText(target, 200)} yet:`, tone: 'title'},
		{text: sanitizeText(failure.error.message), tone: 'error'},
		{text: sanitizeText(failure.error.hint), tone: 'hint'},
		{text: `${retry}${ascii ? ' | ' : ' · '}q quits`, tone: 'retry'},
	];
}

export function StartupPanel(properties: Properties) {
	const {width, height, ascii, color} = properties;
	const ellipsis = ascii ? '~' : '…';
	const rows = startupPanelLines(properties.failure, properties.target, properties.now, ascii)
		.filter((line) => line.text !== '')
		.flatMap((line) =>
			wrapCells(line.text, width, height, ellipsis).map((text, index) => ({
				key: `${line.tone}-${index}`,
				text,
				tone: line.tone,
			})),
		)
		.slice(0, height);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{rows.map((row) => (
				<Text
					key={row.key}
					bold={row.tone === 'title'}
					dimColor={row.tone === 'hint' || row.tone === 'retry'}
					{...(color && row.tone === 'error' ? {color: 'red'} : {})}
				>
					{row.text}
				</Text>
			))}
		</Box>
	);
}
