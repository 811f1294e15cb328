// CloudTrail events on the watched LB and the path its traffic takes.

export type ChangeEvent = {
	readonly id: string;
	/** Unix ms. */
	readonly time: number;
	readonly source: string;
	readonly name: string;
	readonly actor: {
		readonly type: string;
		readonly name: string;
		readonly session?: string;
	};
	readonly sourceIp?: string;
	readonly userAgent?: string;
	/** The request parameters that matter, sanitized and short. */
	readonly summary: string;
	readonly resources: readonly string[];
	readonly errorCode?: string;
	readonly readOnly: boolean;
	/** The full event, sanitized, pretty-printed for the drill-down. */
	readonly detail: string;
};

export type ChangesView = {
	readonly events: readonly ChangeEvent[];
	readonly dataThrough?: number;
	/**
	 * Unix ms: every watched lookup has been read from here on. Later than the window's start, the
	 * time before it is still being read (a busy account's first read, or a longer window).
	 */
	readonly coveredFrom?: number;
};
