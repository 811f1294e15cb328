// The contract between the app shell and each pane: the shell owns layout, focus and keys;
// a pane draws one part of the Snapshot into exactly `width` x `height` cells.
import type {Snapshot} from '../domain/snapshot.js';

export type PaneId =
	| 'findings'
	| 'metrics'
	| 'connections'
	| 'accepted'
	| 'rejected'
	| 'changes'
	/** ALB access logs, per target: only an application LB has it. */
	| 'requests'
	/** NLB access logs, per TLS listener: only a network LB with TLS listeners has it. */
	| 'tls';

export type TimeZoneMode = 'utc' | 'local';

export type PaneProperties = {
	readonly snapshot: Snapshot;
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	/** Index of the selected row (the pane clamps it). */
	readonly selected: number;
	readonly timeZone: TimeZoneMode;
	/**
	 * Unix ms to draw relative ages ("4m ago") at, for a still frame. Without it (in the shell) the
	 * pane follows the shell's clock (TickerContext), drawn again only when what it shows could
	 * read differently.
	 */
	readonly now?: number;
	readonly ascii: boolean;
	readonly color: boolean;
};
