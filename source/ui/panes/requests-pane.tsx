import {useLayoutEffect, useMemo} from 'react';
import type {ShellPaneProperties} from '../app-types.js';
import {paneContext} from './pane-context.js';
import {PaneLines} from './pane-lines.js';
import {viewOfFilter} from './pane-view.js';
import {requestsContent} from './requests-content.js';
import {useDrawnAt} from './use-pane-lines.js';

export function RequestsPane(properties: ShellPaneProperties) {
	const {snapshot, width, height, focused, selected, timeZone, now, ascii, color} = properties;
	const {filter, sortStep, selectedId, detail, detailScroll, onDetailScrollLimit} = properties;
	const {innerSelected, innerSelectedId, innerOpen} = properties;
	const drawnAt = useDrawnAt(now, [
		snapshot,
		width,
		height,
		focused,
		selected,
		timeZone,
		ascii,
		filter,
		sortStep,
		selectedId,
		detail,
		innerSelected,
		innerSelectedId,
		innerOpen,
		detailScroll,
	]);
	const at = drawnAt.at;
	const context = useMemo(
		() => paneContext({width, height, focused, selected, timeZone, now: at, ascii}),
		[width, height, focused, selected, timeZone, at, ascii],
	);
	const drawn = useMemo(
		() =>
			requestsContent({
				snapshot,
				context,
				view: viewOfFilter(filter, sortStep),
				selectedId,
				detail: detail === true,
				inner:
					innerSelectedId === undefined
						? {index: innerSelected ?? 0}
						: {id: innerSelectedId, index: innerSelected ?? 0},
				innerOpen: innerOpen === true,
				detailScroll: detailScroll ?? 0,
			}),
		[
			snapshot,
			context,
			filter,
			sortStep,
			selectedId,
			detail,
			innerSelected,
			innerSelectedId,
			innerOpen,
			detailScroll,
		],
	);
	drawnAt.keep(context);
	// Within the commit that draws the request, so a key pressed right after it sees the limit.
	useLayoutEffect(() => {
		if (detail === true) {
			onDetailScrollLimit?.(drawn.scrollLimit);
		}
	}, [detail, drawn.scrollLimit, onDetailScrollLimit]);
	return (
		<PaneLines lines={drawn.lines} width={width} height={height} color={color} ascii={ascii} />
	);
}
