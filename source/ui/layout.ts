// Where every part of the screen goes, as plain numbers. Every row of the drawable area is handed
// to exactly one part and every pane gets an exact width and height, so the frame never grows
// taller than the terminal and nothing wraps.
import type {PaneId} from './pane-types.js';

export type ContentPaneId = Exclude<PaneId, 'findings'>;

/** The access-log pane an LB may have besides the others (pane-order.ts says which). */
export type AccessLogPane = Extract<ContentPaneId, 'requests' | 'tls'>;

/** Panes every LB has in the pane area, in Tab order; the findings line sits above them. */
export const contentPanes: readonly ContentPaneId[] = [
	'metrics',
	'connections',
	'accepted',
	'rejected',
	'changes',
];

/** Tab order without an access-log pane (pane-order.ts adds it). */
export const focusOrder: readonly PaneId[] = ['findings', ...contentPanes];

/**
 * Ink 6 clears the whole terminal before every frame whose height reaches the terminal's rows
 * (visible flicker, heavy over SSH); one row less keeps it on its line-diffing path.
 */
export const reservedRows = 1;

export function drawableRows(terminalRows: number): number {
	return Math.max(0, Math.floor(terminalRows) - reservedRows);
}

/** Narrower than this, panes become tabs; wider, they share the screen. */
export const gridMinColumns = 120;
/** The grid needs this many pane-area rows to give each band a title and a few rows. */
export const gridMinPaneRows = 12;
/** With an access-log pane the grid has three bands, so it needs more rows. */
export const gridMinPaneRowsThreeBands = 18;
export const maxFindingsRows = 3;
const minPaneRows = 3;

export type LayoutMode = 'tabs' | 'grid' | 'zoom';

export type LayoutInput = {
	readonly columns: number;
	/** Rows the shell may draw: the terminal's rows minus `reservedRows`. */
	readonly rows: number;
	readonly findingsCount: number;
	readonly paused: boolean;
	readonly zoomed: boolean;
	readonly focus: PaneId;
	/** The content pane shown in tab mode (the last one focused). */
	readonly activeContent: ContentPaneId;
	/** The access-log pane this LB has: the grid gives it a band of its own. */
	readonly accessLogPane?: AccessLogPane | undefined;
	/**
	 * Rows the help bar's line needs: a notice (where `y` saved the summary) may take two, the
	 * second taken from the pane area. One when omitted.
	 */
	readonly helpBarRows?: number;
};

export type PaneCell = {
	readonly pane: PaneId;
	readonly width: number;
	/** Content rows, below the band's title row. */
	readonly height: number;
};

/** One horizontal strip of the pane area: a title row, then the cells side by side. */
export type PaneBand = {
	readonly height: number;
	readonly cells: readonly PaneCell[];
};

export type ShellLayout = {
	readonly mode: LayoutMode;
	readonly columns: number;
	readonly header: number;
	readonly findings: number;
	readonly banner: number;
	readonly paneArea: number;
	readonly helpBar: number;
	readonly status: number;
	readonly bands: readonly PaneBand[];
};

type Rows = Omit<ShellLayout, 'mode' | 'columns' | 'bands'>;

// Small terminals lose the least useful rows first: the status line and the first header row
// stay longest, the pane area keeps a few rows before the help bar and the second header row.
function allocateRows(
	rows: number,
	findingsCount: number,
	paused: boolean,
	helpBarRows: number,
): Rows {
	let left = Math.max(0, Math.floor(rows));
	const take = (wanted: number): number => {
		const granted = Math.min(left, Math.max(0, wanted));
		left -= granted;
		return granted;
	};
	const status = take(1);
	const headerFirst = take(1);
	const banner = take(paused ? 1 : 0);
	const findingsFirst = take(1);
	const paneMinimum = take(minPaneRows);
	const helpBar = take(1);
	const headerSecond = take(1);
	const findingsWanted = Math.min(maxFindingsRows, Math.max(1, findingsCount));
	const findingsMore = take(findingsWanted - 1);
	const helpBarMore = helpBar > 0 ? take(Math.floor(helpBarRows) - 1) : 0;
	return {
		header: headerFirst + headerSecond,
		findings: findingsFirst + findingsMore,
		banner,
		paneArea: paneMinimum + take(left),
		helpBar: helpBar + helpBarMore,
		status,
	};
}

function contentHeight(bandHeight: number): number {
	return Math.max(0, bandHeight - 1);
}

/** Splits `total` columns into `count` cells with one-column rules between them. */
export function splitColumns(total: number, weights: readonly number[]): number[] {
	const rules = Math.max(0, weights.length - 1);
	const available = Math.max(0, total - rules);
	const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
	const widths = weights.map((weight) => Math.floor((available * weight) / weightSum));
	const remainder = available - widths.reduce((sum, width) => sum + width, 0);
	const last = widths.length - 1;
	if (last >= 0) {
		widths[last] = (widths[last] ?? 0) + remainder;
	}
	return widths;
}

function gridBands(columns: number, paneArea: number, extra?: AccessLogPane): PaneBand[] {
	// The access-log pane is read across: a band as wide as the screen, between the two others.
	const middle = extra === undefined ? 0 : Math.floor(paneArea / 3);
	const top = Math.ceil((paneArea - middle) / 2);
	const bottom = paneArea - middle - top;
	const [metrics = 0, connections = 0] = splitColumns(columns, [2, 3]);
	const [accepted = 0, rejected = 0, changes = 0] = splitColumns(columns, [1, 1, 1]);
	return [
		{
			height: top,
			cells: [
				{pane: 'metrics', width: metrics, height: contentHeight(top)},
				{pane: 'connections', width: connections, height: contentHeight(top)},
			],
		},
		...(extra === undefined
			? []
			: [{height: middle, cells: [{pane: extra, width: columns, height: contentHeight(middle)}]}]),
		{
			height: bottom,
			cells: [
				{pane: 'accepted', width: accepted, height: contentHeight(bottom)},
				{pane: 'rejected', width: rejected, height: contentHeight(bottom)},
				{pane: 'changes', width: changes, height: contentHeight(bottom)},
			],
		},
	];
}

export function chooseMode(
	columns: number,
	paneArea: number,
	zoomed: boolean,
	bands: 2 | 3 = 2,
): LayoutMode {
	if (zoomed) {
		return 'zoom';
	}
	const minRows = bands === 3 ? gridMinPaneRowsThreeBands : gridMinPaneRows;
	return columns >= gridMinColumns && paneArea >= minRows ? 'grid' : 'tabs';
}

export function computeLayout(input: LayoutInput): ShellLayout {
	const columns = Math.max(0, Math.floor(input.columns));
	const rows = allocateRows(input.rows, input.findingsCount, input.paused, input.helpBarRows ?? 1);
	const extra = input.accessLogPane;
	const mode = chooseMode(columns, rows.paneArea, input.zoomed, extra === undefined ? 2 : 3);
	if (rows.paneArea === 0) {
		return {mode, columns, ...rows, bands: []};
	}
	if (mode === 'grid') {
		return {mode, columns, ...rows, bands: gridBands(columns, rows.paneArea, extra)};
	}
	const pane: PaneId = mode === 'zoom' ? input.focus : input.activeContent;
	const band: PaneBand = {
		height: rows.paneArea,
		cells: [{pane, width: columns, height: contentHeight(rows.paneArea)}],
	};
	return {mode, columns, ...rows, bands: [band]};
}

export function totalRows(layout: ShellLayout): number {
	return (
		layout.header +
		layout.findings +
		layout.banner +
		layout.paneArea +
		layout.helpBar +
		layout.status
	);
}

/** Content rows the pane gets in this layout (the largest place it is drawn); 0 when off screen. */
export function paneHeight(layout: ShellLayout, pane: PaneId): number {
	const inBands = layout.bands.flatMap((band) => band.cells).find((cell) => cell.pane === pane);
	if (inBands !== undefined) {
		return inBands.height;
	}
	return pane === 'findings' ? layout.findings : 0;
}
