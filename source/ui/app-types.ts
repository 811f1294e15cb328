// What the app shell needs from the outside world, and what it tells it: the shell draws and
// handles keys; the engine owns polling and reacts to the commands the shell emits.
import type {FC} from 'react';
import type {Snapshot} from '../domain/snapshot.js';
import type {PaneId, PaneProperties} from './pane-types.js';

/** Bound with useSyncExternalStore: `getSnapshot` must return the same object until it changes. */
export type SnapshotSource = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): Snapshot;
};

export type WindowMinutes = 5 | 15 | 60;
export const windowChoices: readonly WindowMinutes[] = [5, 15, 60];

export type AppCommand =
	| 'pause'
	| 'resume'
	| 'refresh'
	| 'share'
	| {readonly type: 'window'; readonly minutes: WindowMinutes}
	| {readonly type: 'drill-down'; readonly pane: PaneId; readonly id: string};

/**
 * What the shell passes to a pane beyond the shared pane contract. Every addition is optional, so a
 * pane written against PaneProperties alone still fits the registry.
 */
export type ShellPaneProperties = PaneProperties & {
	/** The applied `/` filter; omitted when none. Panes decide which of their columns it matches. */
	readonly filter?: string;
	/** How many times `s` was pressed on this pane; the pane maps it onto its own sort orders. */
	readonly sortStep?: number;
	/**
	 * The item the user chose (its stable id): the pane selects the row showing it wherever it
	 * moved, and falls back to row `selected` while it is not among the rows.
	 */
	readonly selectedId?: string;
	/** Enter opened the selected row's detail; Esc closes it. */
	readonly detail?: boolean;
	/** Lines of the open detail scrolled past (j/k, PgUp/PgDn, g/G). */
	readonly detailScroll?: number;
	/** The pane tells the shell how far its open detail can scroll, so keys stop at its end. */
	readonly onDetailScrollLimit?: (limit: number) => void;
	/**
	 * In a detail that lists rows of its own (PaneEntry.innerRowIds): the chosen row (its id, and
	 * the row to fall back to), and whether that row's own detail is open.
	 */
	readonly innerSelected?: number;
	readonly innerSelectedId?: string;
	readonly innerOpen?: boolean;
};

export type PaneEntry = {
	readonly title: string;
	readonly component: FC<ShellPaneProperties>;
	/**
	 * The stable ids of the rows the pane lists under this filter and sort, in its order, so the
	 * cursor moves over real rows and stays on an item while refreshes move it.
	 */
	readonly rowIds?: (snapshot: Snapshot, view: PaneViewRequest) => readonly string[];
	/**
	 * A pane whose detail lists rows of its own (a target's requests): their stable ids, for the
	 * item `id` of the pane's rows. The movement keys then choose one and Enter opens it.
	 */
	readonly innerRowIds?: (snapshot: Snapshot, id: string) => readonly string[];
	/**
	 * What the pane's list and its selection are drawn from, as values compared one by one: a
	 * write that changes none of them (another pane's data, the cost) does not draw the pane again.
	 * Without it the pane is drawn again on every write. An open detail reads more: it is drawn
	 * again on every write.
	 */
	readonly reads?: PaneReads;
};

/** The parts of the snapshot a pane draws from (PaneEntry.reads). */
export type PaneReads = (snapshot: Snapshot) => readonly unknown[];

/** The filter and sort step the shell draws a pane with. */
export type PaneViewRequest = Pick<ShellPaneProperties, 'filter' | 'sortStep'>;

export type PaneRegistry = Readonly<Record<PaneId, PaneEntry>>;

export type TerminalSize = {
	readonly columns: number;
	readonly rows: number;
};

/** A transient line for the user; bound like the snapshot store. */
export type NoticeSource = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): {readonly text: string; readonly until: number} | undefined;
};
