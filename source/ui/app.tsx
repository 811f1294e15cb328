// The app shell: header, findings line, panes, help bar and status line, laid out to the exact
// terminal size. It draws the Snapshot it is given and emits commands; the engine does the rest.
import {Box} from 'ink';
import {useCallback, useMemo, useReducer, useRef, useSyncExternalStore} from 'react';
import {sanitizeText} from '../domain/sanitize.js';
import {startupFailure} from '../domain/startup-failure.js';
import type {
	AppCommand,
	NoticeSource,
	PaneRegistry,
	PaneViewRequest,
	ShellPaneProperties,
	SnapshotSource,
	TerminalSize,
} from './app-types.js';
import {
	type Clock,
	createTicker,
	systemClock,
	TickerContext,
	useBefore,
} from './hooks/use-clock.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {computeLayout, drawableRows, paneHeight, type ShellLayout, totalRows} from './layout.js';
import {accessLogPane, contentPanesFor, focusOrderFor} from './pane-order.js';
import type {PaneId} from './pane-types.js';
import {FilterInput} from './shell/filter-input.js';
import {Header} from './shell/header.js';
import {HelpBar} from './shell/help-bar.js';
import {HelpOverlay, helpScrolling} from './shell/help-overlay.js';
import {NoticeRows} from './shell/notice-rows.js';
import {noticeLines} from './shell/notice-text.js';
import {OnTick} from './shell/on-tick.js';
import {PaneArea} from './shell/pane-area.js';
import {PaneSlot} from './shell/pane-slot.js';
import {PauseBanner, ResumedBanner} from './shell/pause-banner.js';
import {AsciiContext} from './shell/row.js';
import {
	filteredPane,
	initialShellState,
	keyContext,
	paneFilter,
	type ShellState,
	shellReducer,
} from './shell/shell-state.js';
import {TickedStatusLine} from './shell/status-line.js';
import {useResumedNote} from './shell/use-resumed-note.js';
import {useShellInput} from './shell/use-shell-input.js';
import {StartupPanel} from './startup-panel.js';

type Properties = {
	readonly store: SnapshotSource;
	readonly panes: PaneRegistry;
	/** Used when the output stream reports no size of its own (not a terminal). */
	readonly initialSize?: TerminalSize;
	readonly ascii: boolean;
	readonly color: boolean;
	readonly onQuit: () => void;
	readonly onCommand?: (command: AppCommand) => void;
	/** Wall clock for the header and ages; tests pass a fixed one. */
	readonly clock?: Clock;
	/** A transient line (e.g. where `y` saved the summary), shown in place of the help bar. */
	readonly notices?: NoticeSource;
	/**
	 * `lbtop replay`: the header marks every screen as a recording, at the recording's time, and
	 * pausing stops the playback, so nothing arrives behind the screen.
	 */
	readonly replay?: boolean;
};

const noNotices: NoticeSource = {subscribe: () => () => undefined, getSnapshot: () => undefined};

/** The filter and sort step a pane is drawn with, omitted while at their defaults. */
function viewRequest(state: ShellState, pane: PaneId): PaneViewRequest {
	const filter = paneFilter(state, pane);
	return {
		...(filter === '' ? {} : {filter}),
		...(state.sortSteps[pane] === 0 ? {} : {sortStep: state.sortSteps[pane]}),
	};
}

/** The findings line at the top stays a summary: a drill-down opens in the pane area only. */
function summaryLine(properties: ShellPaneProperties): ShellPaneProperties {
	const {detail: _detail, detailScroll: _scroll, onDetailScrollLimit: _limit, ...rest} = properties;
	return rest;
}

/** The zoomed pane's title: which item the detail shows (it stays on that item), or how to leave. */
function zoomNote(state: ShellState): string {
	if (!state.detailOpen) {
		return 'z restores';
	}
	if (state.innerOpen) {
		return 'request, Esc back to the target';
	}
	const id = state.selection[state.focus].id;
	return id === undefined ? 'detail, Esc back' : `detail, Esc back: ${sanitizeText(id, 120)}`;
}

/** The open detail's own rows' props, for the pane whose detail lists them. */
function innerProperties(state: ShellState) {
	if (!state.detailList) {
		return {};
	}
	return {
		innerSelected: state.inner.index,
		...(state.inner.id === undefined ? {} : {innerSelectedId: state.inner.id}),
		innerOpen: state.innerOpen,
	};
}

/**
 * The shell's clock ticks where the time is shown (the header, the status line, each pane when its
 * text could change): a tick with no new data does not render the whole shell.
 */
export function App(properties: Properties) {
	const ticker = useMemo(() => createTicker(properties.clock ?? systemClock), [properties.clock]);
	return (
		<TickerContext.Provider value={ticker}>
			<Shell {...properties} />
		</TickerContext.Provider>
	);
}

function Shell(properties: Properties) {
	const {store, panes, ascii, color} = properties;
	const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
	const getSnapshot = useCallback(() => store.getSnapshot(), [store]);
	const live = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
	const notices = properties.notices ?? noNotices;
	const notice = useSyncExternalStore(notices.subscribe, notices.getSnapshot, notices.getSnapshot);
	const size = useTerminalSize(properties.initialSize);
	const [state, dispatch] = useReducer(shellReducer, live, initialShellState);
	// A pane this LB does not have (the snapshot changed under it) gives way to the metrics.
	const activeContent = (shell: ShellState) =>
		contentPanesFor(shown(shell)).includes(shell.activeContent) ? shell.activeContent : 'metrics';
	const resumed = useResumedNote({
		frozen: state.frozen,
		live,
		columns: size.columns,
		playback: properties.replay === true,
	});
	const onCommand = (command: AppCommand) => {
		resumed.observe(command);
		properties.onCommand?.(command);
	};
	// Re-renders when the notice's time is up: its rows go back to the help bar.
	const noticeOn = useBefore(notice?.until ?? 0);
	const shownNotice =
		notice !== undefined && noticeOn
			? noticeLines(sanitizeText(notice.text), size.columns, ascii)
			: [];
	const shown = (shell: ShellState) => shell.frozen ?? live;
	const layoutFor = (shell: ShellState) =>
		computeLayout({
			accessLogPane: accessLogPane(shown(shell)),
			helpBarRows: shell.editingFilter ? 1 : Math.max(1, shownNotice.length),
			columns: size.columns,
			rows: drawableRows(size.rows),
			findingsCount: (shell.frozen ?? live).findings.length,
			paused: shell.frozen !== undefined || resumed.text !== undefined,
			zoomed: shell.zoomed || shell.detailOpen,
			focus: shell.focus,
			activeContent: activeContent(shell),
		});
	const snapshot = state.frozen ?? live;
	const layout = layoutFor(state);
	// The open detail reports how far it can scroll; keys read it, so it needs no re-render.
	const detailLimit = useRef(0);
	const onDetailScrollLimit = useCallback((limit: number) => {
		detailLimit.current = limit;
	}, []);
	const scrolling = (shell: ShellState, shellLayout: ShellLayout) => {
		if (shell.helpOpen) {
			return helpScrolling(shellLayout.columns, shellLayout.paneArea, ascii);
		}
		const height = paneHeight(shellLayout, shell.focus);
		// A detail longer than the pane keeps its last row for where the view is.
		return shell.detailOpen
			? {pageSize: Math.max(1, height - 1), scrollLimit: detailLimit.current}
			: {pageSize: height, scrollLimit: 0};
	};
	const rowIds = (shell: ShellState, pane: PaneId) => {
		const entry = panes[pane];
		const id = shell.selection[pane].id;
		if (keyContext(shell) === 'detail-list' && id !== undefined) {
			return entry.innerRowIds?.(shown(shell), id) ?? [];
		}
		return entry.rowIds?.(shown(shell), viewRequest(shell, pane)) ?? [];
	};
	useShellInput({
		state,
		dispatch,
		focusedPane: (shell) => ({
			rows: rowIds(shell, shell.focus),
			...scrolling(shell, layoutFor(shell)),
			live,
			order: focusOrderFor(shown(shell)),
			detailList: panes[shell.focus].innerRowIds !== undefined,
		}),
		onQuit: properties.onQuit,
		onCommand,
	});

	const paneProperties = (pane: PaneId, width: number, height: number): ShellPaneProperties => ({
		snapshot,
		width,
		height,
		focused: state.focus === pane,
		selected: state.selection[pane].index,
		...(state.selection[pane].id === undefined ? {} : {selectedId: state.selection[pane].id}),
		timeZone: state.timeZone,
		ascii,
		color,
		...viewRequest(state, pane),
		...(state.detailOpen && state.focus === pane
			? {
					detail: true,
					detailScroll: state.detailScroll,
					onDetailScrollLimit,
					...innerProperties(state),
				}
			: {}),
	});
	const pauseLabel = state.frozen === undefined ? 'pause' : 'resume';
	const zoomLabel = state.zoomed ? 'unzoom' : 'zoom';
	// In a target's requests, Enter opens the request under the cursor.
	const drillLabel = keyContext(state) === 'detail-list' ? 'request' : 'detail';
	// The same object while the words are: a write does not draw the help bar again.
	const labels = useMemo(
		() =>
			({
				'toggle-pause': pauseLabel,
				'toggle-zoom': zoomLabel,
				'drill-down': drillLabel,
			}) as const,
		[pauseLabel, zoomLabel, drillLabel],
	);
	// Before the load balancer is found, the panes have nothing to wait for but this failure.
	const startup = startupFailure(live);
	const filterInput = (
		<FilterInput width={layout.columns} draft={state.filterDraft} ascii={ascii} />
	);

	return (
		<AsciiContext.Provider value={ascii}>
			<Box flexDirection="column" width={layout.columns} height={totalRows(layout)}>
				{layout.header > 0 && (
					<Header
						snapshot={snapshot}
						width={layout.columns}
						height={layout.header}
						requestedWindow={state.windowMinutes}
						timeZone={state.timeZone}
						ascii={ascii}
						color={color}
						replay={properties.replay === true}
					/>
				)}
				{layout.findings > 0 && (
					<PaneSlot
						entry={panes.findings}
						paneProperties={summaryLine(
							paneProperties('findings', layout.columns, layout.findings),
						)}
					/>
				)}
				{state.frozen !== undefined && layout.banner > 0 && (
					<PauseBanner
						frozen={state.frozen}
						live={live}
						width={layout.columns}
						timeZone={state.timeZone}
						ascii={ascii}
						color={color}
						{...(properties.replay === true ? {playback: true} : {})}
					/>
				)}
				{resumed.text !== undefined && layout.banner > 0 && (
					<ResumedBanner text={resumed.text} width={layout.columns} color={color} />
				)}
				{layout.paneArea > 0 &&
					(state.helpOpen ? (
						<HelpOverlay
							width={layout.columns}
							height={layout.paneArea}
							ascii={ascii}
							scroll={state.helpScroll}
						/>
					) : startup !== undefined ? (
						<OnTick>
							{(now) => (
								<StartupPanel
									failure={startup}
									target={live.target}
									width={layout.columns}
									height={layout.paneArea}
									now={now}
									ascii={ascii}
									color={color}
								/>
							)}
						</OnTick>
					) : (
						<PaneArea
							layout={layout}
							panes={panes}
							focus={state.focus}
							activeContent={activeContent(state)}
							order={focusOrderFor(snapshot)}
							ascii={ascii}
							paneProperties={paneProperties}
							zoomNote={zoomNote(state)}
						/>
					))}
				{layout.helpBar > 0 &&
					(state.editingFilter ? (
						filterInput
					) : shownNotice.length > 0 ? (
						<NoticeRows lines={shownNotice} width={layout.columns} height={layout.helpBar} />
					) : (
						<HelpBar
							width={layout.columns}
							context={keyContext(state)}
							filter={state.filters[filteredPane(state)]}
							labels={labels}
							ascii={ascii}
						/>
					))}
				{layout.status > 0 &&
					(state.editingFilter && layout.helpBar === 0 ? (
						filterInput
					) : (
						<TickedStatusLine
							row={totalRows(layout) - layout.status}
							snapshot={snapshot}
							width={layout.columns}
							timeZone={state.timeZone}
							ascii={ascii}
							color={color}
						/>
					))}
			</Box>
		</AsciiContext.Provider>
	);
}
