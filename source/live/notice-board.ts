// One transient line for the user ("summary saved to …"): a value with listeners, like the store.
// It expires by time rather than by timer: the screen's clock tick hides it once `until` passes.

export type Notice = {
	readonly text: string;
	/** Unix ms after which the notice is no longer shown. */
	readonly until: number;
};

export class NoticeBoard {
	private current: Notice | undefined;
	private readonly listeners = new Set<() => void>();

	readonly getSnapshot = (): Notice | undefined => this.current;

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	show(text: string, until: number): void {
		this.current = {text, until};
		for (const listener of [...this.listeners]) {
			listener();
		}
	}
}
